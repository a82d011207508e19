import {
  completenessQuery,
  completenessView,
  formTemplateQuery,
  periodicReportHistoryImportRequest,
  periodicReportHistoryImportView,
  periodicReportImportRequest,
  periodicReportImportView,
  createdWebhookView,
  createWebhookRequest,
  editPeriodicReportRequest,
  formVersionParams,
  notificationsQuery,
  notificationView,
  openPeriodicReportRequest,
  periodicReportListItem,
  periodicReportsQuery,
  periodicReportView,
  reopenPeriodicReportRequest,
  reopenRequestIdParams,
  reportCalendarQuery,
  reportCalendarView,
  reportFormList,
  reportFormVersionView,
  returnPeriodicReportRequest,
  clientParams,
  subscriptionParams,
  webhookDeliveriesQuery,
  webhookDeliveryView,
  webhookSubscriptionView,
} from '../http/periodic-reports';
import { listOf, pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup, XLSX_MEDIA_TYPE } from './route';

const READ = { roles: ROLE_GROUPS.staff, scope: 'reports:read' } as const;
const WRITE = { roles: ROLE_GROUPS.staff, scope: 'reports:write' } as const;

/**
 * Periodic reports of the provinces (issue 16). A province officer (or the province's system, an API client with
 * `reports:write`) acts on its own unit's reports only — another unit's answer 404; the agency reviews.
 * `calendar` and `completeness` are listed before `:id`.
 */
export const periodicReportRoutes = routeGroup('Báo cáo định kỳ của các tỉnh / Provinces’ periodic reports', {
  forms: route({
    method: 'GET',
    path: '/api/v1/report-forms',
    service: 'reporting',
    access: READ,
    summary: 'Danh mục biểu mẫu báo cáo / The report forms and their versions',
    response: reportFormList,
  }),
  formVersion: route({
    method: 'GET',
    path: '/api/v1/report-forms/:formId/versions/:version',
    service: 'reporting',
    access: READ,
    summary:
      'Định nghĩa một phiên bản biểu mẫu / One form version in full (sections, indicators, cells, deadline rule): a provincial system builds its screen from it',
    params: formVersionParams,
    response: reportFormVersionView,
  }),
  formTemplate: route({
    method: 'GET',
    path: '/api/v1/report-forms/:formId/versions/:version/template.xlsx',
    service: 'reporting',
    access: READ,
    summary:
      'Mẫu Excel của phiên bản biểu mẫu / The version’s Excel template: one row per indicator cell (code, unit), ' +
      'the platform’s figures filled in when a report is named, the narrative fields',
    description:
      'With reportId (a report on this form version the caller may see), the platform column and the report’s ' +
      'working values and explanations are filled in. The sheets are protected except the cells to fill in.',
    params: formVersionParams,
    query: formTemplateQuery,
    kind: 'file',
    produces: [XLSX_MEDIA_TYPE],
  }),
  historyImports: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/history-imports',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.central, scope: 'reports:write' },
    summary:
      'Ghi nhận báo cáo các kỳ đã qua / Record past periods’ reports with their true submission and review ' +
      'instants: created once per form, period and unit; identical re-sends change nothing',
    description:
      'The agency only. Each record is rebuilt by the live rules (completeness, explained differences from the ' +
      'platform’s figures, time order, nothing in the future) in its own savepoint; lateness is computed from the ' +
      'recorded submission instant by the form version in force. Each report is marked as recorded from history ' +
      '(who, when) and audited. A record that differs from a report already held is refused (409), nothing of it ' +
      'written.',
    body: periodicReportHistoryImportRequest,
    response: periodicReportHistoryImportView,
  }),
  open: route({
    method: 'POST',
    path: '/api/v1/periodic-reports',
    service: 'reporting',
    access: WRITE,
    summary:
      'Lập báo cáo / Open a report for a unit and period: pins the form version in force, pre-filled with the platform’s figures',
    body: openPeriodicReportRequest,
    status: 201,
    response: periodicReportView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/periodic-reports',
    service: 'reporting',
    access: READ,
    summary: 'Danh sách báo cáo / Reports by form, period, province, status (an officer sees their own)',
    query: periodicReportsQuery,
    response: pageOf(periodicReportListItem),
  }),
  calendar: route({
    method: 'GET',
    path: '/api/v1/periodic-reports/calendar',
    service: 'reporting',
    access: READ,
    summary: 'Lịch báo cáo / What is due per unit between two days, with days left and standing',
    query: reportCalendarQuery,
    response: reportCalendarView,
  }),
  completeness: route({
    method: 'GET',
    path: '/api/v1/periodic-reports/completeness',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.all, scope: 'reports:read' },
    summary:
      'Mức độ đầy đủ và đúng hạn / Completeness and timeliness of a form’s period per unit, region and nation',
    query: completenessQuery,
    queryNamesResource: true,
    response: completenessView,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/periodic-reports/:id',
    service: 'reporting',
    access: READ,
    summary: 'Chi tiết báo cáo / A report with its platform figures, differences, versions and history',
    params: idParams,
    response: periodicReportView,
  }),
  edit: route({
    method: 'PUT',
    path: '/api/v1/periodic-reports/:id/content',
    service: 'reporting',
    access: WRITE,
    summary: 'Sửa nội dung / Edit a draft or returned report’s values, explanations, narratives, attachments',
    params: idParams,
    body: editPeriodicReportRequest,
    response: periodicReportView,
  }),
  submit: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/submit',
    service: 'reporting',
    access: WRITE,
    summary:
      'Gửi báo cáo / Submit: a numbered, unchangeable version; lateness from the receipt time (Vietnam)',
    description:
      'Idempotency-Key is required: it is stored with the version in the same transaction, so the same key answers ' +
      'the same submission (idempotent-replayed: true) with its first receipt time; another report or caller with ' +
      'the key answers 409 idempotency.key-reused.',
    params: idParams,
    idempotency: 'service',
    response: periodicReportView,
  }),
  import: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/imports',
    service: 'reporting',
    access: WRITE,
    summary:
      'Nhập từ Excel / Fill a draft or returned report from its Excel template: a dry run naming every bad cell, ' +
      'or all values and explanations at once (never submits)',
    params: idParams,
    body: periodicReportImportRequest,
    response: periodicReportImportView,
  }),
  withdraw: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/withdraw',
    service: 'reporting',
    access: WRITE,
    summary: 'Rút lại / Withdraw a submission nobody reviewed yet, before the deadline',
    params: idParams,
    response: periodicReportView,
  }),
  approve: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/approve',
    service: 'reporting',
    access: WRITE,
    summary: 'Duyệt / Approve at the awaited level (the province, then the agency)',
    params: idParams,
    response: periodicReportView,
  }),
  return: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/return',
    service: 'reporting',
    access: WRITE,
    summary: 'Trả lại / Return a submitted report for correction, with the reason',
    params: idParams,
    body: returnPeriodicReportRequest,
    response: periodicReportView,
  }),
  requestReopen: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/reopen-requests',
    service: 'reporting',
    access: WRITE,
    summary: 'Đề nghị mở lại / Ask to reopen an approved report, with the reason',
    params: idParams,
    body: reopenPeriodicReportRequest,
    status: 201,
    response: periodicReportView,
  }),
  approveReopen: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/reopen-requests/:requestId/approve',
    service: 'reporting',
    access: { roles: ROLE_GROUPS.central, scope: 'reports:write' },
    summary: 'Phê duyệt mở lại / Approve a reopening (the agency, someone other than who asked)',
    params: reopenRequestIdParams,
    response: periodicReportView,
  }),
});

/** The caller's notification list: returns, approvals, reminders and overdue notices of their unit(s). */
export const notificationRoutes = routeGroup('Thông báo / Notifications', {
  list: route({
    method: 'GET',
    path: '/api/v1/notifications',
    service: 'reporting',
    access: READ,
    summary: 'Thông báo của tôi / My notifications, newest first',
    query: notificationsQuery,
    response: pageOf(notificationView),
  }),
  markRead: route({
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    service: 'reporting',
    access: READ,
    summary: 'Đánh dấu đã đọc / Mark a notification read',
    params: idParams,
    response: notificationView,
  }),
});

/**
 * Webhooks of an API client (a provincial system): it subscribes itself; the agency's administrators read every
 * client's subscriptions and delivery logs.
 */
export const webhookRoutes = routeGroup('Webhook của hệ thống tích hợp / API client webhooks', {
  create: route({
    method: 'POST',
    path: '/api/v1/api-clients/:clientId/webhooks',
    service: 'reporting',
    access: WRITE,
    summary: 'Đăng ký webhook / Subscribe a URL to event kinds; the signing secret is shown once',
    params: clientParams,
    body: createWebhookRequest,
    status: 201,
    response: createdWebhookView,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/api-clients/:clientId/webhooks',
    service: 'reporting',
    access: READ,
    summary: 'Danh sách webhook / The client’s subscriptions',
    params: clientParams,
    response: listOf(webhookSubscriptionView),
  }),
  deliveries: route({
    method: 'GET',
    path: '/api/v1/api-clients/:clientId/webhooks/:subscriptionId/deliveries',
    service: 'reporting',
    access: READ,
    summary: 'Nhật ký gửi / The delivery log: each event and every attempt',
    params: subscriptionParams,
    query: webhookDeliveriesQuery,
    response: pageOf(webhookDeliveryView),
  }),
});
