// Unit and contract tests of every project (`*.spec.ts` beside the code): nothing external.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['libs', 'services', 'tools']
  .flatMap((dir) => readdirSync(join(__dirname, dir)).map((name) => join(dir, name)))
  .filter((dir) => existsSync(join(__dirname, dir, 'jest.config.js')))
  .filter((dir) => dir !== join('tools', 'e2e'))
  .map((dir) => `<rootDir>/${dir}`);

module.exports = { rootDir: '.', projects };
