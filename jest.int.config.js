// Integration tests (`<project>/test/**/*.int-spec.ts`) against the real Postgres, Kafka and Redis of the
// `test` profile, which the global setup starts (or reuses). They run one file at a time: they share a broker.
module.exports = {
  ...require('./jest.preset.js'),
  displayName: 'integration',
  rootDir: '.',
  testMatch: ['<rootDir>/libs/*/test/**/*.int-spec.ts', '<rootDir>/services/*/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/libs/testing/src/infra-setup.mjs',
  maxWorkers: 1,
  testTimeout: 60_000,
};
