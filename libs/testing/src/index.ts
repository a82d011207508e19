export * from './test-infrastructure';
export * from './service-harness';
export * from './principals';
