export * from './caller';
export * from './database';
export * from './service-harness';
export * from './service-process';
export * from './response-conformance';
export * from './service-context';
