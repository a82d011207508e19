// Unit tests of the benchmarks' helpers (plain ESM .mjs shared with the launcher, transpiled to CommonJS for Jest).
const preset = require('../../jest.preset.js');
const swc = preset.transform['^.+\\.ts$'][1];

module.exports = {
  ...preset,
  displayName: 'bench',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'mjs', 'js', 'json'],
  transform: { '^.+\\.(ts|mjs)$': ['@swc/jest', swc] },
};
