import {
  artisanNominationView,
  listArtisanNominationsQuery,
  nominateArtisanRequest,
  recordArtisanStageRequest,
} from '../http/artisan-titles';
import { pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/** Nominations for the Meritorious and People's Artisan titles (Decree 43/2024/NĐ-CP). */
export const artisanTitleRoutes = routeGroup('Danh hiệu nghệ nhân / Artisan titles', {
  nominate: route({
    method: 'POST',
    path: '/api/v1/artisan-nominations',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Đề nghị xét tặng danh hiệu nghệ nhân / Nominate an artisan for a title',
    description:
      'By a province officer for their own province, or by the agency. Every criterion the nominee does not ' +
      'meet is listed in the 422 answer’s errors[].',
    body: nominateArtisanRequest,
    status: 201,
    response: artisanNominationView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/artisan-nominations',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:read' },
    summary: 'Danh sách hồ sơ đề nghị danh hiệu nghệ nhân / List artisan nominations',
    query: listArtisanNominationsQuery,
    response: pageOf(artisanNominationView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/artisan-nominations/:id',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:read' },
    summary: 'Chi tiết hồ sơ đề nghị danh hiệu nghệ nhân / Get an artisan nomination',
    params: idParams,
    response: artisanNominationView,
  }),
  recordStage: route({
    method: 'POST',
    path: '/api/v1/artisan-nominations/:id/stages',
    service: 'awards',
    access: { roles: ROLE_GROUPS.staff, scope: 'awards:write' },
    summary: 'Ghi quyết định của một bước xét tặng / Record a stage decision',
    description:
      'Provincial council → ministry council → state council → conferral, none skipped. The province records ' +
      'its own council’s decision; the later stages are the agency’s.',
    params: idParams,
    body: recordArtisanStageRequest,
    status: 201,
    response: artisanNominationView,
  }),
});
