export * from './envelope';
export * from './primitives';
export * from './topics';
export * from './events';
export * from './decode-event';
export * from './http';
export * from './principal';
