// End-to-end: the seven services run as separate processes (profile `test`) and tests speak only HTTP
// to the gateway. The global setup resets the test databases and consumer offsets, then starts them.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/platform-setup.mjs',
  globalTeardown: '<rootDir>/platform-teardown.mjs',
  testSequencer: '<rootDir>/conformance-last.cjs',
  maxWorkers: 1,
  testTimeout: 60_000,
};
