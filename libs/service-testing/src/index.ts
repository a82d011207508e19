export * from './service-harness';
export * from './service-process';
