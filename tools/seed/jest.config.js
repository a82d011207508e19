// Unit tests of the demo data set (plain ESM .mjs, transpiled to CommonJS for Jest).
const preset = require('../../jest.preset.js');
const swc = preset.transform['^.+\\.ts$'][1];

module.exports = {
  ...preset,
  displayName: 'seed',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'mjs', 'js', 'json'],
  transform: { '^.+\\.(ts|mjs)$': ['@swc/jest', swc] },
};
