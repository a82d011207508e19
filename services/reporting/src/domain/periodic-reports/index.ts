// Periodic reports of the provinces (issue 16): the pure domain. Design: docs/design/periodic-reports.md.
export * from './periods';
export * from './vietnam-time';
export * from './deadlines';
export * from './form-definition';
export * from './forms.data';
export * from './reconciliation';
export * from './report-workflow';
export * from './completeness';
export * from './reporters';
export * from './reminders';
export * from './webhook-signature';
export * from './webhook-backoff';
export * from './report-history';
export * from './reported-indicators';
export * from './webhook-secrets';
export * from './webhook-delivery-state';
export * from './attachment-files';
