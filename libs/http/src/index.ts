export * from './problem';
export * from './problem.filter';
export * from './validation';
export * from './health.controller';
export * from './bootstrap';
export * from './platform.module';
export * from './replica-catch-up';
export * from './route';
