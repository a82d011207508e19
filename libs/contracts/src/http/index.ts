export * from './pagination';
export * from './plans';
export * from './projects';
