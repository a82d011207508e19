import {
  clusterDetailView,
  clusterImportRequest,
  clusterImportView,
  clusterStepRequest,
  clusterTenantParams,
  clusterTenantRequest,
  clusterView,
  exportClustersQuery,
  listClustersQuery,
  registerClusterRequest,
  removeClusterTenantQuery,
  updateClusterRequest,
  updateClusterTenantRequest,
} from '../http/clusters';
import { pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup, XLSX_MEDIA_TYPE } from './route';

const READ = { roles: ROLE_GROUPS.staff, scope: 'clusters:read' } as const;
const WRITE = { roles: ROLE_GROUPS.staff, scope: 'clusters:write' } as const;

/**
 * Industrial clusters (cụm công nghiệp, CCN): the registry, kept by a province's department or the agency.
 * `export.xlsx` is declared before `:id`, which would otherwise take it.
 */
export const clusterRoutes = routeGroup('Cụm công nghiệp / Industrial clusters', {
  register: route({
    method: 'POST',
    path: '/api/v1/clusters',
    service: 'clusters',
    access: WRITE,
    summary:
      'Đăng ký cụm công nghiệp / Register an industrial cluster (CCN): on the provincial list, or already established with its decision',
    body: registerClusterRequest,
    status: 201,
    response: clusterDetailView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/clusters',
    service: 'clusters',
    access: READ,
    summary: 'Danh sách cụm công nghiệp / List clusters (province, status, occupancy, wastewater plant)',
    query: listClustersQuery,
    response: pageOf(clusterView),
  }),
  import: route({
    method: 'POST',
    path: '/api/v1/clusters/imports',
    service: 'clusters',
    access: WRITE,
    summary:
      'Nhập danh sách cụm công nghiệp của tỉnh từ Excel / Import a province’s cluster list (.xlsx): dry run, all rows or none',
    body: clusterImportRequest,
    response: clusterImportView,
  }),
  export: route({
    method: 'GET',
    path: '/api/v1/clusters/export.xlsx',
    service: 'clusters',
    access: READ,
    summary: 'Xuất danh sách cụm công nghiệp (.xlsx) / Export the filtered cluster list',
    query: exportClustersQuery,
    kind: 'file',
    produces: [XLSX_MEDIA_TYPE],
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/clusters/:id',
    service: 'clusters',
    access: READ,
    summary: 'Hồ sơ cụm công nghiệp / A cluster’s record: occupancy, infrastructure, tenants, history',
    params: idParams,
    response: clusterDetailView,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/clusters/:id',
    service: 'clusters',
    access: WRITE,
    summary: 'Cập nhật diện tích, vốn, hạ tầng / Update areas, investment, infrastructure',
    params: idParams,
    body: updateClusterRequest,
    response: clusterDetailView,
  }),
  takeStep: route({
    method: 'POST',
    path: '/api/v1/clusters/:id/steps',
    service: 'clusters',
    access: WRITE,
    summary:
      'Bước vòng đời theo quyết định / A lifecycle step with its decision (establish, detailed plan, infrastructure, operating, expand, adjust, remove)',
    params: idParams,
    body: clusterStepRequest,
    response: clusterDetailView,
  }),
  addTenant: route({
    method: 'POST',
    path: '/api/v1/clusters/:id/tenants',
    service: 'clusters',
    access: WRITE,
    summary: 'Thêm dự án thứ cấp / Add a tenant project',
    params: idParams,
    body: clusterTenantRequest,
    status: 201,
    response: clusterDetailView,
  }),
  updateTenant: route({
    method: 'PATCH',
    path: '/api/v1/clusters/:id/tenants/:tenantId',
    service: 'clusters',
    access: WRITE,
    summary: 'Cập nhật dự án thứ cấp / Update a tenant project',
    params: clusterTenantParams,
    body: updateClusterTenantRequest,
    response: clusterDetailView,
  }),
  removeTenant: route({
    method: 'DELETE',
    path: '/api/v1/clusters/:id/tenants/:tenantId',
    service: 'clusters',
    access: WRITE,
    summary: 'Bỏ dự án thứ cấp / Remove a tenant project',
    params: clusterTenantParams,
    query: removeClusterTenantQuery,
    response: clusterDetailView,
  }),
});
