import { loadConfigOrExit, serviceEnvSchema, type ServiceEnv } from '@kc/config';

export type ProjectsConfig = ServiceEnv;
export const loadProjectsConfig = (): ProjectsConfig => loadConfigOrExit(serviceEnvSchema);
