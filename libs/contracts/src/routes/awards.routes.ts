import { awardRoundView, listAwardRoundsQuery, openAwardRoundRequest } from '../http/awards';
import { pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/** Award rounds (bình chọn sản phẩm công nghiệp nông thôn tiêu biểu): provincial, regional and national. */
export const awardRoundRoutes = routeGroup('Bình chọn sản phẩm / Award rounds', {
  open: route({
    method: 'POST',
    path: '/api/v1/award-rounds',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Mở đợt bình chọn sản phẩm CNNT tiêu biểu / Open an award round',
    body: openAwardRoundRequest,
    status: 201,
    response: awardRoundView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/award-rounds',
    service: 'awards',
    access: { roles: ROLE_GROUPS.roundReaders, scope: 'awards:read' },
    summary: 'Danh sách đợt bình chọn / List award rounds',
    query: listAwardRoundsQuery,
    response: pageOf(awardRoundView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/award-rounds/:id',
    service: 'awards',
    access: { roles: ROLE_GROUPS.roundReaders, scope: 'awards:read' },
    summary: 'Chi tiết đợt bình chọn / Get an award round',
    params: idParams,
    response: awardRoundView,
  }),
});
