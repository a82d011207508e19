#!/usr/bin/env node
// `npm test`: every test tier against the real infrastructure, ending with one line `N passed, N failed`.
//   static checks (format, lint with module boundaries, typecheck) → unit + contract → integration → end-to-end
//   → fault injection (chaos: the platform of its own profile under load while its broker, services, PostgreSQL
//   and Redis are stopped or killed; each scenario prints its figures)
// Each static check counts as one test; each Jest tier counts its tests. A failing tier does not stop later
// tiers, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { infraUp } from '../../deploy/launcher.mjs';
import { REPO_ROOT } from '../../deploy/profiles.mjs';

const resultsDir = join(REPO_ROOT, '.kc', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const bin = (name) => join(REPO_ROOT, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0 };
const lines = [];

function step(title, cmd, args) {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const { status } = spawnSync(cmd, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { ok: status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(title, cmd, args) {
  const { ok, seconds } = step(title, cmd, args);
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${ok ? '✓' : '✗'} ${title} (${seconds} s)`);
}

function jestTier(title, config, name) {
  const output = join(resultsDir, `${name}.json`);
  const { seconds } = step(title, bin('jest'), ['-c', config, '--ci', '--json', `--outputFile=${output}`]);
  if (!existsSync(output)) {
    totals.failed++;
    lines.push(`✗ ${title}: Jest did not run (${seconds} s)`);
    return;
  }
  const r = JSON.parse(readFileSync(output, 'utf8'));
  // A suite that fails to load has no test results; count it as a failure rather than as nothing.
  const brokenSuites = r.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + brokenSuites;
  const empty = r.numTotalTests === 0 ? ' — no tests ran' : '';
  if (r.numTotalTests === 0) totals.failed++;
  lines.push(
    `${r.success && !empty ? '✓' : '✗'} ${title}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenSuites} failed (${seconds} s)${empty}`,
  );
}

const t0 = Date.now();
check('format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
check('lint with module boundaries (nx run-many -t lint)', bin('nx'), [
  'run-many',
  '-t',
  'lint',
  '--parallel=2',
  '--outputStyle=static',
  // A test run lints the code as it is: never a verdict replayed from Nx's cache.
  '--skip-nx-cache',
]);
check('typecheck (tsc --noEmit, whole workspace)', bin('tsc'), ['-p', 'tsconfig.json']);
// The web app has its own compiler settings (DOM, JSX, bundler resolution).
check('typecheck the conference web app', bin('tsc'), ['-p', 'services/conference-web/tsconfig.json']);
jestTier('unit and contract tests', 'jest.config.js', 'unit');

process.stdout.write('\n▶ test infrastructure (Kafka, PostgreSQL, Redis — profile test)\n');
try {
  await infraUp('test');
  jestTier('integration tests', 'jest.int.config.js', 'integration');
  jestTier(
    'end-to-end tests (all services as processes, through the gateway)',
    'tools/e2e/jest.config.js',
    'e2e',
  );
} catch (error) {
  totals.failed++;
  lines.push(`✗ test infrastructure: ${error.message}`);
}
// Its own profile (broker, PostgreSQL and Redis of its own), started and stopped by its global setup/teardown.
jestTier(
  'fault injection (chaos: broker, services, PostgreSQL and Redis stopped under load)',
  'tools/chaos/jest.config.js',
  'chaos',
);

process.stdout.write(`\n${lines.join('\n')}\nTotal time ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed === 0 ? 0 : 1);
