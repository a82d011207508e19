import { loadConfigOrExit, serviceEnvSchema, type ServiceEnv } from '@kc/config';

export type TradeFairsConfig = ServiceEnv;
export const loadTradeFairsConfig = (): TradeFairsConfig => loadConfigOrExit(serviceEnvSchema);
