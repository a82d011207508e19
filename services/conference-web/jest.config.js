// The app's pure modules (formatting, periods): React pages are covered by the browser tests (tools/e2e).
module.exports = {
  displayName: 'conference-web',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
