import {
  clusterReportDatabaseView,
  clusterReportHistoryImportRequest,
  clusterReportHistoryImportView,
  clusterReportImportRequest,
  clusterReportImportView,
  clusterReportListItem,
  clusterReportPeriodQuery,
  clusterReportsQuery,
  clusterReportView,
  editClusterReportRequest,
  openClusterReportRequest,
  provincePeriodQuery,
  provinceRollUpView,
  reopenClusterReportRequest,
  reopenRequestParams,
  returnClusterReportRequest,
} from '../http/cluster-reports';
import { pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup, XLSX_MEDIA_TYPE } from './route';

/**
 * Who takes part in a cluster's report: the department of its province, the agency, and the cluster's
 * infrastructure developer (a business user whose tax code is the developer's). The service decides each step.
 */
const REPORT_PARTIES = [...ROLE_GROUPS.staff, 'business'] as const;
const READ = { roles: REPORT_PARTIES, scope: 'clusters:read' } as const;
const WRITE = { roles: REPORT_PARTIES, scope: 'clusters:write' } as const;
const STAFF_READ = { roles: ROLE_GROUPS.staff, scope: 'clusters:read' } as const;
const STAFF_WRITE = { roles: ROLE_GROUPS.staff, scope: 'clusters:write' } as const;

/**
 * Periodic reports of clusters (Circular 14/2024/TT-BCT): the developer's form per cluster and the department's
 * per province, with cut-offs 14 June / 14 December and deadlines before 20 June / 20 December (developers).
 * `export.xlsx` is listed before `:id`.
 */
export const clusterReportRoutes = routeGroup('Báo cáo định kỳ cụm công nghiệp / Cluster periodic reports', {
  open: route({
    method: 'POST',
    path: '/api/v1/cluster-reports',
    service: 'clusters',
    access: WRITE,
    summary: 'Lập báo cáo định kỳ / Open a cluster’s or a province’s report for a period (draft)',
    body: openClusterReportRequest,
    status: 201,
    response: clusterReportView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/cluster-reports',
    service: 'clusters',
    access: STAFF_READ,
    summary:
      'Tình hình báo cáo theo tỉnh, kỳ / Every cluster of a province for a period: report status, lateness, overdue',
    query: clusterReportsQuery,
    response: pageOf(clusterReportListItem),
  }),
  export: route({
    method: 'GET',
    path: '/api/v1/cluster-reports/export.xlsx',
    service: 'clusters',
    access: STAFF_READ,
    summary: 'Xuất báo cáo của kỳ (.xlsx) / Export a period’s cluster reports',
    query: clusterReportPeriodQuery,
    kind: 'file',
    produces: [XLSX_MEDIA_TYPE],
  }),
  importHistory: route({
    method: 'POST',
    path: '/api/v1/cluster-reports/history-imports',
    service: 'clusters',
    access: STAFF_WRITE,
    summary:
      'Nhập báo cáo các kỳ đã qua (giấy, hệ thống cũ) / Record past periods’ cluster reports with their true ' +
      'submission and review days: created once per cluster and period, identical re-sends change nothing',
    description:
      'A department for its own province’s clusters, the agency for any. Lateness is computed from the recorded ' +
      'submission day; each report is marked as recorded from history (who, when); an approved record publishes ' +
      'clusters.report.approved like a live approval. A record that differs from the report already held is ' +
      'refused (409) and nothing of it is written.',
    body: clusterReportHistoryImportRequest,
    response: clusterReportHistoryImportView,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/cluster-reports/:id',
    service: 'clusters',
    access: READ,
    summary: 'Chi tiết báo cáo / A report with its versions and history',
    params: idParams,
    response: clusterReportView,
  }),
  edit: route({
    method: 'PUT',
    path: '/api/v1/cluster-reports/:id/figures',
    service: 'clusters',
    access: WRITE,
    summary: 'Sửa số liệu báo cáo / Edit a draft or returned report’s figures',
    params: idParams,
    body: editClusterReportRequest,
    response: clusterReportView,
  }),
  submit: route({
    method: 'POST',
    path: '/api/v1/cluster-reports/:id/submit',
    service: 'clusters',
    access: WRITE,
    summary: 'Gửi báo cáo / Submit: the figures become a numbered, unchangeable version',
    params: idParams,
    response: clusterReportView,
  }),
  return: route({
    method: 'POST',
    path: '/api/v1/cluster-reports/:id/return',
    service: 'clusters',
    access: STAFF_WRITE,
    summary: 'Trả lại để chỉnh sửa / Return a submitted report for correction, with the reason',
    params: idParams,
    body: returnClusterReportRequest,
    response: clusterReportView,
  }),
  approve: route({
    method: 'POST',
    path: '/api/v1/cluster-reports/:id/approve',
    service: 'clusters',
    access: STAFF_WRITE,
    summary: 'Duyệt báo cáo / Approve: the figures count for the period',
    description:
      'A cluster’s report by its province’s department; a province’s report by the agency. Publishes ' +
      'clusters.report.approved for a cluster’s report.',
    params: idParams,
    response: clusterReportView,
  }),
  requestReopen: route({
    method: 'POST',
    path: '/api/v1/cluster-reports/:id/reopen-requests',
    service: 'clusters',
    access: STAFF_WRITE,
    summary: 'Đề nghị mở lại báo cáo đã duyệt / Ask to reopen an approved report, with the reason',
    params: idParams,
    body: reopenClusterReportRequest,
    status: 201,
    response: clusterReportView,
  }),
  approveReopen: route({
    method: 'POST',
    path: '/api/v1/cluster-reports/:id/reopen-requests/:requestId/approve',
    service: 'clusters',
    access: STAFF_WRITE,
    summary:
      'Phê duyệt mở lại / Approve a reopening (someone other than who asked): the report is a draft again',
    params: reopenRequestParams,
    response: clusterReportView,
  }),
  rollUp: route({
    method: 'GET',
    path: '/api/v1/cluster-report-rollups',
    service: 'clusters',
    access: STAFF_READ,
    summary: 'Tổng hợp của tỉnh / A province’s approved cluster figures for a period, summed',
    query: provincePeriodQuery,
    response: provinceRollUpView,
  }),
  database: route({
    method: 'GET',
    path: '/api/v1/cluster-report-database',
    service: 'clusters',
    access: STAFF_READ,
    summary:
      'Cơ sở dữ liệu quốc gia về CCN theo kỳ / Per province: clusters reported, approved, late, and sums',
    query: clusterReportPeriodQuery,
    response: clusterReportDatabaseView,
  }),
  import: route({
    method: 'POST',
    path: '/api/v1/cluster-report-imports',
    service: 'clusters',
    access: STAFF_WRITE,
    summary:
      'Nhập báo cáo của kỳ từ Excel / Import a province’s period of cluster reports (.xlsx): dry run names every bad cell; all or nothing',
    body: clusterReportImportRequest,
    response: clusterReportImportView,
  }),
});
