import { pageOf } from '../http/pagination';
import {
  advanceRuleList,
  advanceRulesQuery,
  disbursementRequest,
  disbursementsView,
  disbursementView,
  exportProjectsQuery,
  progressReportList,
  progressReportRequest,
  progressReportView,
  projectImportRequest,
  projectImportView,
} from '../http/project-finance';
import { projectHistoryImportRequest, projectHistoryImportView } from '../http/project-history';
import {
  acceptProjectRequest,
  adjustProjectRequest,
  baseAppraisalRequest,
  contractProjectRequest,
  createProjectRequest,
  doubleFundingExemptionRequest,
  doubleFundingExemptionView,
  liquidateProjectRequest,
  listExemptionsQuery,
  listProjectsQuery,
  ministryAppraisalRequest,
  projectDetailView,
  projectView,
  settleProjectRequest,
} from '../http/projects';
import { idParams, ROLE_GROUPS, route, routeGroup } from './route';

const READ = { roles: ROLE_GROUPS.staff, scope: 'projects:read' } as const;
const WRITE = { roles: ROLE_GROUPS.staff, scope: 'projects:write' } as const;
const XLSX = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

/**
 * Spreadsheets, progress reports and money (advances, payments, refunds) of projects. Listed in the table
 * before `projectRoutes`: its `/api/v1/projects/:id` would otherwise take `export.xlsx` and `import-template.xlsx`.
 */
export const projectFinanceRoutes = routeGroup(
  'Đề án: tiến độ, giải ngân, Excel / Projects: progress, money, spreadsheets',
  {
    import: route({
      method: 'POST',
      path: '/api/v1/projects/imports',
      service: 'projects',
      access: WRITE,
      summary:
        'Nhập danh sách đề án từ Excel / Import a registration sheet (.xlsx): dry run, all-or-nothing or valid rows',
      body: projectImportRequest,
      response: projectImportView,
    }),
    importHistory: route({
      method: 'POST',
      path: '/api/v1/projects/history-imports',
      service: 'projects',
      access: WRITE,
      summary:
        "Nhập hồ sơ đề án đã thực hiện từ hệ thống cũ / Import projects' past from a legacy system: each record " +
        'created once (by its legacy id), then its appraisals, contract, reports, money, extension, acceptance, ' +
        "liquidation and settlement as far as the plans service's steps allow (plan owner only)",
      body: projectHistoryImportRequest,
      response: projectHistoryImportView,
    }),
    importTemplate: route({
      method: 'GET',
      path: '/api/v1/projects/import-template.xlsx',
      service: 'projects',
      access: READ,
      summary: 'Mẫu danh sách đề án (.xlsx) / The registration sheet template',
      kind: 'file',
      produces: XLSX,
    }),
    export: route({
      method: 'GET',
      path: '/api/v1/projects/export.xlsx',
      service: 'projects',
      access: READ,
      summary: 'Xuất danh sách đề án (.xlsx) / Export the filtered project list',
      query: exportProjectsQuery,
      kind: 'file',
      produces: XLSX,
    }),
    reportProgress: route({
      method: 'POST',
      path: '/api/v1/projects/:id/progress-reports',
      service: 'projects',
      access: WRITE,
      summary: 'Báo cáo tiến độ tháng / Report monthly progress (due by the 25th)',
      params: idParams,
      body: progressReportRequest,
      status: 201,
      response: progressReportView,
    }),
    listProgress: route({
      method: 'GET',
      path: '/api/v1/projects/:id/progress-reports',
      service: 'projects',
      access: READ,
      summary: 'Các báo cáo tiến độ / Monthly progress reports of a project',
      params: idParams,
      response: progressReportList,
    }),
    disburse: route({
      method: 'POST',
      path: '/api/v1/projects/:id/disbursements',
      service: 'projects',
      access: WRITE,
      summary: 'Tạm ứng, thanh toán, hoàn trả / Record an advance, payment or refund',
      params: idParams,
      body: disbursementRequest,
      status: 201,
      response: disbursementView,
    }),
    listDisbursements: route({
      method: 'GET',
      path: '/api/v1/projects/:id/disbursements',
      service: 'projects',
      access: READ,
      summary: 'Giải ngân của đề án / Disbursements of a project with its totals',
      params: idParams,
      response: disbursementsView,
    }),
    advanceRules: route({
      method: 'GET',
      path: '/api/v1/advance-rules',
      service: 'projects',
      access: READ,
      summary: 'Quy định tạm ứng / Advance rules in force, with their legal basis',
      query: advanceRulesQuery,
      response: advanceRuleList,
    }),
  },
);

/**
 * Projects (đề án) and their lifecycle. Which role may take each step (the project's province, the plan owner,
 * the agency) is the projects service's state machine's rule; the routes admit all staff.
 */
export const projectRoutes = routeGroup('Đề án / Projects', {
  create: route({
    method: 'POST',
    path: '/api/v1/projects',
    service: 'projects',
    access: WRITE,
    summary: 'Tạo đề án (dự thảo) / Create a project as a draft under an annual plan',
    body: createProjectRequest,
    status: 201,
    response: projectView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/projects',
    service: 'projects',
    access: READ,
    summary:
      'Danh sách, tìm kiếm đề án (không phân biệt dấu) / List and search projects (diacritic-insensitive)',
    query: listProjectsQuery,
    response: pageOf(projectView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/projects/:id',
    service: 'projects',
    access: READ,
    summary:
      'Chi tiết đề án, lịch sử thẩm định và điều chỉnh / A project with its appraisals and adjustments',
    params: idParams,
    response: projectDetailView,
  }),
  /** No body: the draft as it stands is registered. */
  register: route({
    method: 'POST',
    path: '/api/v1/projects/:id/register',
    service: 'projects',
    access: WRITE,
    summary: 'Đăng ký đề án / Register a draft (checks double funding)',
    params: idParams,
    response: projectView,
  }),
  baseAppraise: route({
    method: 'POST',
    path: '/api/v1/projects/:id/base-appraisal',
    service: 'projects',
    access: WRITE,
    summary: 'Thẩm định cấp cơ sở / Base-level appraisal by the provincial department',
    params: idParams,
    body: baseAppraisalRequest,
    response: projectView,
  }),
  ministryAppraise: route({
    method: 'POST',
    path: '/api/v1/projects/:id/ministry-appraisal',
    service: 'projects',
    access: WRITE,
    summary: 'Thẩm định cấp Bộ / Ministry-level appraisal by the plan owner',
    params: idParams,
    body: ministryAppraisalRequest,
    response: projectView,
  }),
  contract: route({
    method: 'POST',
    path: '/api/v1/projects/:id/contract',
    service: 'projects',
    access: WRITE,
    summary: 'Ký hợp đồng / giao nhiệm vụ / Contract or assign the project (≤ allocated)',
    params: idParams,
    body: contractProjectRequest,
    response: projectView,
  }),
  accept: route({
    method: 'POST',
    path: '/api/v1/projects/:id/accept',
    service: 'projects',
    access: WRITE,
    summary: 'Nghiệm thu đề án / Accept the project',
    params: idParams,
    body: acceptProjectRequest,
    response: projectView,
  }),
  liquidate: route({
    method: 'POST',
    path: '/api/v1/projects/:id/liquidate',
    service: 'projects',
    access: WRITE,
    summary: 'Thanh lý hợp đồng / Liquidate the contract',
    params: idParams,
    body: liquidateProjectRequest,
    response: projectView,
  }),
  settle: route({
    method: 'POST',
    path: '/api/v1/projects/:id/settle',
    service: 'projects',
    access: WRITE,
    summary: 'Quyết toán đề án / Settle the project (late after 22 January of the next year)',
    params: idParams,
    body: settleProjectRequest,
    response: projectView,
  }),
  adjust: route({
    method: 'POST',
    path: '/api/v1/projects/:id/adjustments',
    service: 'projects',
    access: WRITE,
    summary: 'Điều chỉnh đề án / Adjust a project at the approval level its kind requires',
    params: idParams,
    body: adjustProjectRequest,
    status: 201,
    response: projectDetailView,
  }),
  listExemptions: route({
    method: 'GET',
    path: '/api/v1/double-funding-exemptions',
    service: 'projects',
    access: READ,
    summary: 'Các ngoại lệ hỗ trợ trùng đã ghi nhận / Recorded double-funding exemptions (newest first)',
    query: listExemptionsQuery,
    response: pageOf(doubleFundingExemptionView),
  }),
  recordExemption: route({
    method: 'POST',
    path: '/api/v1/double-funding-exemptions',
    service: 'projects',
    access: { roles: ROLE_GROUPS.central, scope: 'projects:write' },
    summary: 'Ghi nhận ngoại lệ hỗ trợ trùng / Record a justified double-funding exemption (agency)',
    body: doubleFundingExemptionRequest,
    status: 201,
    response: doubleFundingExemptionView,
  }),
});
