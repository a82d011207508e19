export * from './pagination';
export * from './plans';
export * from './projects';
export * from './clusters';
export * from './trade-fairs';
export * from './awards';
export * from './reference';
export * from './conferences';
