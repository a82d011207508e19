import {
  clusterSupportProjectParams,
  clusterSupportView,
  linkSupportProjectRequest,
} from '../http/cluster-support';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

/** Support received by a cluster: content-7 projects of the projects service linked to it. */
export const clusterSupportRoutes = routeGroup('Hỗ trợ cụm công nghiệp / Cluster support received', {
  list: route({
    method: 'GET',
    path: '/api/v1/clusters/:id/support-projects',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.staff, scope: 'clusters:read' },
    summary: 'Đề án hỗ trợ cụm công nghiệp / A cluster’s support projects with their money and totals',
    params: idParams,
    response: clusterSupportView,
  }),
  link: route({
    method: 'POST',
    path: '/api/v1/clusters/:id/support-projects',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.staff, scope: 'clusters:write' },
    summary: 'Gắn đề án hỗ trợ vào cụm / Link a content-7 project to a cluster',
    description:
      'The project must be of activity content 7, of the cluster’s province, and linked to no other cluster. ' +
      'A project the clusters service has not yet received from the projects events is refused (422): retry ' +
      'once the event has arrived.',
    params: idParams,
    body: linkSupportProjectRequest,
    status: 201,
    response: clusterSupportView,
  }),
  unlink: route({
    method: 'DELETE',
    path: '/api/v1/clusters/:id/support-projects/:projectId',
    service: 'clusters',
    access: { roles: ROLE_GROUPS.staff, scope: 'clusters:write' },
    summary: 'Bỏ gắn đề án hỗ trợ / Unlink a support project from a cluster',
    params: clusterSupportProjectParams,
    response: clusterSupportView,
  }),
});
