import { clusterView, listClustersQuery, registerClusterRequest } from '../http/clusters';
import { pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/** Industrial clusters (cụm công nghiệp, CCN): registered by a province's department or the agency. */
export const clusterRoutes = routeGroup('Cụm công nghiệp / Industrial clusters', {
  register: route({
    method: 'POST',
    path: '/api/v1/clusters',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.staff, scope: 'clusters:write' },
    summary: 'Đăng ký cụm công nghiệp / Register an industrial cluster (CCN)',
    body: registerClusterRequest,
    status: 201,
    response: clusterView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/clusters',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.staff, scope: 'clusters:read' },
    summary: 'Danh sách cụm công nghiệp / List clusters',
    query: listClustersQuery,
    response: pageOf(clusterView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/clusters/:id',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.staff, scope: 'clusters:read' },
    summary: 'Chi tiết cụm công nghiệp / Get a cluster',
    params: idParams,
    response: clusterView,
  }),
});
