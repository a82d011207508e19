export * from './vnd-column';
export * from './typeorm-options';
