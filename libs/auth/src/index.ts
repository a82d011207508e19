export * from './access-rule';
export * from './token-verifier';
export * from './auth.guard';
export * from './auth.module';
export * from './principal-scope';
export * from './route-rules';
