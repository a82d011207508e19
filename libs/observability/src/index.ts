export * from './request-context';
export * from './logger.module';
export * from './correlation.middleware';
