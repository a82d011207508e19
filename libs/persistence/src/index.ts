export * from './vnd-column';
export * from './typeorm-options';
export * from './transactions';
