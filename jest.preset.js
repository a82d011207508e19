// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata for Nest) and @kc/* maps to libs.
const path = require('node:path');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@kc/(.*)$': path.join(__dirname, 'libs/$1/src/index.ts') },
};
