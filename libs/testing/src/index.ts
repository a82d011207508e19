export * from './test-infrastructure';
export * from './principals';
