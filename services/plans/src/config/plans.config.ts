import { loadConfigOrExit, serviceEnvSchema, type ServiceEnv } from '@kc/config';

export type PlansConfig = ServiceEnv;
export const loadPlansConfig = (): PlansConfig => loadConfigOrExit(serviceEnvSchema);
