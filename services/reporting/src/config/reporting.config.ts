import { loadConfigOrExit, serviceEnvSchema, type ServiceEnv } from '@kc/config';

export type ReportingConfig = ServiceEnv;
export const loadReportingConfig = (): ReportingConfig => loadConfigOrExit(serviceEnvSchema);
