import { loadConfigOrExit, serviceEnvSchema, type ServiceEnv } from '@kc/config';

export type AwardsConfig = ServiceEnv;
export const loadAwardsConfig = (): AwardsConfig => loadConfigOrExit(serviceEnvSchema);
