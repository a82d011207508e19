// Fault injection ("chaos"): the seven services run as processes on the chaos profile (its own broker, Postgres
// and Redis: deploy/profiles.mjs); each scenario runs a mixed write load through the gateway while a fault is
// injected, then checks that every acknowledged write is there once. One scenario at a time: they share the
// platform and inject faults into it.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'chaos',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.chaos-spec.ts'],
  globalSetup: '<rootDir>/platform-setup.mjs',
  globalTeardown: '<rootDir>/platform-teardown.mjs',
  maxWorkers: 1,
  // A scenario prepares its year, runs its load through the fault and waits for convergence, each bounded.
  testTimeout: 600_000,
};
