// Unit and contract tests of every project (`*.spec.ts` beside the code): nothing external.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['libs', 'services', 'tools']
  .flatMap((dir) => readdirSync(join(__dirname, dir)).map((name) => join(dir, name)))
  .filter((dir) => existsSync(join(__dirname, dir, 'jest.config.js')))
  // End-to-end and fault-injection tiers start the whole platform: run-all.mjs runs them on their own.
  .filter((dir) => ![join('tools', 'e2e'), join('tools', 'chaos')].includes(dir))
  .map((dir) => `<rootDir>/${dir}`);

module.exports = { rootDir: '.', projects };
