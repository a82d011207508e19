import { loadConfigOrExit, serviceEnvSchema, type ServiceEnv } from '@kc/config';

export type ClustersConfig = ServiceEnv;
export const loadClustersConfig = (): ClustersConfig => loadConfigOrExit(serviceEnvSchema);
