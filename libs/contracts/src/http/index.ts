export * from './pagination';
export * from './plans';
