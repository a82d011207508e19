export * from './service-harness';
export * from './service-process';
export * from './response-conformance';
