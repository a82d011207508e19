import {
  attachmentFileParams,
  attachmentFileView,
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
  rotateWebhookSecretRequest,
  updateWebhookRequest,
  webhookDeliveryParams,
  webhookListQuery,
  webhookSecretRotationView,
} from '../http/periodic-reports';
import { filePieceRequest } from '../http/file-pieces';
import { listOf, pageOf } from '../http/pagination';
import { idParams, ROLE_GROUPS, route, routeGroup, XLSX_MEDIA_TYPE } from './route';

const READ = { roles: ROLE_GROUPS.staff, scope: 'reports:read' } as const;
const WRITE = { roles: ROLE_GROUPS.staff, scope: 'reports:write' } as const;
/**
 * What a reporter does with its own reports: the staff, and a business user for its facility's certificate-holder
 * reports (the service narrows it to those; every other report answers 404).
 */
const REPORTER_READ = { roles: [...ROLE_GROUPS.staff, 'business'], scope: 'reports:read' } as const;
const REPORTER_WRITE = { roles: [...ROLE_GROUPS.staff, 'business'], scope: 'reports:write' } as const;

/**
 * Periodic reports of the provinces (issue 16). A province officer (or the province's system, an API client with
 * `reports:write`) acts on its own unit's reports only — the department's, its implementing units' — and reviews
 * its certificate holders'; a business user files its own facility's holder reports; another's answer 404; the
 * agency reviews.
 * `calendar` and `completeness` are listed before `:id`.
 */
export const periodicReportRoutes = routeGroup('Báo cáo định kỳ của các tỉnh / Provinces’ periodic reports', {
  forms: route({
    method: 'GET',
    path: '/api/v1/report-forms',
    service: 'reporting',
    access: REPORTER_READ,
    summary: 'Danh mục biểu mẫu báo cáo / The report forms and their versions',
    response: reportFormList,
  }),
  formVersion: route({
    method: 'GET',
    path: '/api/v1/report-forms/:formId/versions/:version',
    service: 'reporting',
    access: REPORTER_READ,
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
    access: REPORTER_WRITE,
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
    access: REPORTER_READ,
    summary: 'Danh sách báo cáo / Reports by form, period, province, status (an officer sees their own)',
    query: periodicReportsQuery,
    response: pageOf(periodicReportListItem),
  }),
  calendar: route({
    method: 'GET',
    path: '/api/v1/periodic-reports/calendar',
    service: 'reporting',
    access: REPORTER_READ,
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
    access: REPORTER_READ,
    summary: 'Chi tiết báo cáo / A report with its platform figures, differences, versions and history',
    params: idParams,
    response: periodicReportView,
  }),
  edit: route({
    method: 'PUT',
    path: '/api/v1/periodic-reports/:id/content',
    service: 'reporting',
    access: REPORTER_WRITE,
    summary: 'Sửa nội dung / Edit a draft or returned report’s values, explanations, narratives, attachments',
    params: idParams,
    body: editPeriodicReportRequest,
    response: periodicReportView,
  }),
  putAttachmentContent: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/attachments/:sha256/content',
    service: 'reporting',
    access: REPORTER_WRITE,
    summary: 'Tải lên tệp đính kèm / Upload a declared attachment’s bytes (in pieces of up to 512 KiB)',
    description:
      'By the reporter, while the report is a draft or returned, for a file its content declares (PUT …/content, ' +
      '`attachments`: slot, name, type, size, SHA-256). Each piece starts at the bytes received so far (`offset`); ' +
      'the first must be the declared type (read from the bytes), no piece may pass the declared size, and the ' +
      'last is kept only if the SHA-256 the service computes is the declared one — else the file’s bytes are ' +
      'discarded (422). A whole file is never changed; submission needs every declared file whole.',
    params: attachmentFileParams,
    body: filePieceRequest,
    response: attachmentFileView,
  }),
  attachmentFile: route({
    method: 'GET',
    path: '/api/v1/periodic-reports/:id/attachments/:sha256',
    service: 'reporting',
    access: REPORTER_READ,
    summary: 'Tải về tệp đính kèm / Download an attachment’s file',
    description:
      'For whoever sees the report: its reporter and its reviewers (the province, the agency). The exact bytes ' +
      'with the stored type and the declared name; the ETag is the file’s SHA-256.',
    params: attachmentFileParams,
    kind: 'file',
    produces: [
      'application/pdf',
      'image/jpeg',
      'image/png',
      XLSX_MEDIA_TYPE,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    etag: true,
  }),
  submit: route({
    method: 'POST',
    path: '/api/v1/periodic-reports/:id/submit',
    service: 'reporting',
    access: REPORTER_WRITE,
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
    access: REPORTER_WRITE,
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
    access: REPORTER_READ,
    summary: 'Thông báo của tôi / My notifications, newest first',
    query: notificationsQuery,
    response: pageOf(notificationView),
  }),
  markRead: route({
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    service: 'reporting',
    access: REPORTER_READ,
    summary: 'Đánh dấu đã đọc / Mark a notification read',
    params: idParams,
    response: notificationView,
  }),
});

/**
 * Webhooks of an API client (a provincial system): it subscribes itself and manages its own subscriptions
 * (another client's answer 404); the agency's administrators read every client's subscriptions and delivery logs
 * and redrive given-up deliveries. Secrets appear only in the answers to a creation and a rotation.
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
    query: webhookListQuery,
    response: listOf(webhookSubscriptionView),
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/api-clients/:clientId/webhooks/:subscriptionId',
    service: 'reporting',
    access: READ,
    summary: 'Một webhook / One subscription (never its secret)',
    params: subscriptionParams,
    response: webhookSubscriptionView,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/api-clients/:clientId/webhooks/:subscriptionId',
    service: 'reporting',
    access: WRITE,
    summary: 'Sửa webhook / Change the URL or event kinds, pause or resume',
    description:
      'Paused (`active: false`): nothing is sent and events meanwhile are not recorded for it; its pending ' +
      'deliveries wait and go out on resume. A new URL takes the pending deliveries too.',
    params: subscriptionParams,
    body: updateWebhookRequest,
    response: webhookSubscriptionView,
  }),
  unsubscribe: route({
    method: 'DELETE',
    path: '/api/v1/api-clients/:clientId/webhooks/:subscriptionId',
    service: 'reporting',
    access: WRITE,
    summary:
      'Hủy đăng ký / Unsubscribe: pending deliveries are cancelled, the log stays, the secrets are erased',
    params: subscriptionParams,
    response: webhookSubscriptionView,
  }),
  rotateSecret: route({
    method: 'POST',
    path: '/api/v1/api-clients/:clientId/webhooks/:subscriptionId/secret-rotations',
    service: 'reporting',
    access: WRITE,
    summary:
      'Đổi khóa ký / Rotate the signing secret: the old one keeps signing beside the new one for the overlap',
    description:
      'During the overlap (24 h by default, 0 to retire a leaked secret at once) every delivery carries two `v1` ' +
      'signatures, the new secret’s first. Needs an Idempotency-Key: a retry answers the same secret and does ' +
      'not rotate again; rotating again inside an overlap retires the oldest secret at once.',
    params: subscriptionParams,
    body: rotateWebhookSecretRequest,
    idempotency: 'service',
    status: 201,
    response: webhookSecretRotationView,
  }),
  ping: route({
    method: 'POST',
    path: '/api/v1/api-clients/:clientId/webhooks/:subscriptionId/pings',
    service: 'reporting',
    access: WRITE,
    summary: 'Gửi sự kiện thử / Send a test event (webhook.ping), signed and logged like any delivery',
    params: subscriptionParams,
    status: 202,
    response: webhookDeliveryView,
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
  redrive: route({
    method: 'POST',
    path: '/api/v1/api-clients/:clientId/webhooks/:subscriptionId/deliveries/:deliveryId/redrive',
    service: 'reporting',
    access: WRITE,
    summary:
      'Gửi lại / Redrive a given-up delivery: due now, with a fresh attempt budget (a delivered one: 409)',
    params: webhookDeliveryParams,
    response: webhookDeliveryView,
  }),
});
