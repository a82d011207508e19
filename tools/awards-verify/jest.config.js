// Unit tests of the published-result verifier (the recomputation itself is tested beside results.ts).
module.exports = {
  displayName: 'awards-verify',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
