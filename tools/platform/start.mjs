#!/usr/bin/env node
// `npm start`: the whole platform on this machine (dev profile), from a fresh clone to demo data, in one command.
//
//   npm start [-- --no-demo-data]        npm stop (= node deploy/launcher.mjs down)
//
// Steps: dependencies (npm ci when node_modules is missing or older than package-lock.json) → Kafka, Postgres,
// Redis, topics and databases (deploy/launcher.mjs) → the six domain services in parallel, then the gateway,
// each a background process (logs .kc/logs/dev-<service>.log, pid files .kc/run/dev-<service>.pid; a running,
// healthy one is reused) → demo data through the gateway (tools/seed/demo-data.mjs; checks what is there and
// writes only what is missing) → where to go next. Safe to run again at any time.
import fs from 'node:fs';
import { join, relative } from 'node:path';
import { infraUp } from '../../deploy/launcher.mjs';
import { getProfile, paths } from '../../deploy/profiles.mjs';
import { run, withLock } from '../../deploy/lib/process.mjs';
import { createReporter, LauncherError, seconds, sinceStart, why } from '../../deploy/lib/ui.mjs';
import { loadDemoData, todayInVietnam } from '../seed/demo-data.mjs';
import { readModelsCaughtUp } from './read-models.mjs';
import { ensureService, serviceFiles, ServiceStartError } from './services.mjs';
import { buildWebApp } from './web-app.mjs';

const PROFILE = 'dev';
const USAGE = 'usage: npm start [-- --no-demo-data]';

async function main(argv) {
  const t0 = Date.now();
  const args = parseArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const r = createReporter();
  const profile = getProfile(PROFILE);
  r.line(`Starting the khuyến công platform (profile ${profile.name})`);

  await ensureDependencies(r);
  assertServicesPresent(profile);

  await infraUp(profile.name, { reporter: r });
  // Before the gateway starts: it serves the build it finds at boot.
  r.ok(`conference web app built (${seconds(await buildWebApp())})`);

  await withLock(`${profile.name}-services`, () => startServices(profile, r));

  const gateway = profile.services.find((s) => s.name === 'gateway');
  const guide = args.demoData ? await demoData(gateway.url, r) : [];
  const demoFailed = guide === null;
  if (args.demoData && !demoFailed) await awaitReadModels(profile, r);

  printNextSteps(profile, gateway, r, { t0, demoFailed, guide: guide ?? [] });
  return demoFailed ? 1 : 0;
}

/** npm ci when node_modules is missing or older than package-lock.json. */
async function ensureDependencies(r) {
  const lock = join(paths.root, 'package-lock.json');
  const modules = join(paths.root, 'node_modules');
  const marker = join(modules, '.package-lock.json'); // npm rewrites it on every install
  const mtime = (f) => fs.statSync(f).mtimeMs;
  const installed = fs.existsSync(marker) ? marker : fs.existsSync(modules) ? modules : null;
  if (installed && mtime(installed) >= mtime(lock)) return;

  const t0 = Date.now();
  const logFile = join(paths.logs, 'npm-ci.log');
  r.info(
    `installing dependencies: npm ci (node_modules is ${installed ? 'older than package-lock.json' : 'missing'}; a minute or two)`,
  );
  fs.mkdirSync(paths.logs, { recursive: true });
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const res = await run(npm[0], [...npm[1], 'ci', '--no-audit', '--no-fund'], { cwd: paths.root });
  fs.writeFileSync(logFile, `${res.stdout}\n${res.stderr}`);
  if (res.code !== 0) {
    const detail = res.notFound ? 'npm is not on the PATH' : `exit code ${res.code}`;
    throw new LauncherError(`npm ci failed (${detail})`, { hint: `see ${relative(paths.root, logFile)}` });
  }
  r.ok(`dependencies installed (${sinceStart(t0)})`);
}

function assertServicesPresent(profile) {
  const missing = profile.services
    .filter((s) => !fs.existsSync(serviceFiles(profile, s.name).entry))
    .map((s) => s.name);
  if (missing.length) {
    throw new LauncherError(
      `service${missing.length > 1 ? 's' : ''} not in this checkout: ${missing.join(', ')}`,
      {
        hint: `expected services/<name>/src/main.ts`,
      },
    );
  }
}

/** The domain services in parallel, then the gateway: once it answers, every public route has a service behind it. */
async function startServices(profile, r) {
  const domain = profile.services.filter((s) => s.name !== 'gateway');
  const gateway = profile.services.filter((s) => s.name === 'gateway');
  const outdated = [];
  for (const group of [domain, gateway]) {
    const settled = await Promise.allSettled(
      group.map(async (svc) => {
        const res = await ensureService(profile, svc);
        r.ok(describeStart(svc, res));
        if (res.outdated) outdated.push(svc.name);
      }),
    );
    const failures = settled.filter((s) => s.status === 'rejected').map((s) => s.reason);
    if (failures.length) {
      for (const e of failures.slice(1)) reportFailure(e);
      throw failures[0];
    }
  }
  if (outdated.length) {
    r.warn(
      `${outdated.join(', ')}: sources changed since started; \`npm stop\` then \`npm start\` runs the new code`,
    );
  }
}

function describeStart(svc, res) {
  const where = `${svc.name.padEnd(11)} ${svc.url}`;
  if (res.state === 'started') return `${where} started (pid ${res.pid}, ${seconds(res.ms)})`;
  if (res.state === 'reused')
    return `${where} already running (pid ${res.pid}${res.outdated ? ', older than its sources' : ''})`;
  return `${where} already answering, not started by npm start (npm stop will not stop it)`;
}

/** The views built from events have taken in the whole demo: "ready" then means complete figures. */
async function awaitReadModels(profile, r) {
  const t0 = Date.now();
  if (await readModelsCaughtUp(profile))
    r.ok(`views and copies built from events caught up (${sinceStart(t0)})`);
  else r.warn('views built from events still catching up; their figures complete in a moment');
}

/** Loads the demo data: what it leaves ready to try (lines to print), or null if it could not be loaded. */
async function demoData(gatewayUrl, r) {
  const t0 = Date.now();
  try {
    const res = await loadDemoData(gatewayUrl);
    const c = res.counts;
    const what = `${c.plans} plans, ${c.projects} projects (${c.lifecycleSteps} lifecycle steps now), ${c.clusters} clusters, ${c.fairs} fairs, ${c.awardRounds} award rounds`;
    const requests = `${res.http.writes} writes in ${res.http.requests} requests`;
    if (res.created === 0)
      r.ok(`demo data already loaded: ${what} (checked in ${sinceStart(t0)}: ${requests})`);
    else r.ok(`demo data loaded: ${what}; ${requests} (${sinceStart(t0)})`);
    return res.guide;
  } catch (e) {
    r.warn(`demo data could not be loaded: ${why(e)}`);
    r.warn(
      'the platform is running; `npm start` again (safe: it only adds what is missing), or `node tools/seed/demo-data.mjs`',
    );
    return null;
  }
}

function printNextSteps(profile, gateway, r, { t0, demoFailed, guide }) {
  const year = todayInVietnam().slice(0, 4);
  const base = `http://localhost:${gateway.port}`;
  const rows = [
    ['Web app', `${base}/  (conference dashboards: sign in with a demo account)`],
    ['Gateway (API)', `${base}/api`],
    ['OpenAPI UI', `${base}/api/docs`],
    ['Conference view', `${base}/api/v1/conferences/national?year=${year}`],
    ['', `${base}/api/v1/conferences/regional/north?year=${year}`],
    ['', `${base}/api/v1/conferences/national?year=2018&grouping=historical`],
    [
      'Demo accounts',
      `cuc.admin, cuc.canbo, sct.<unit code> (e.g. sct.40), btc.hoicho, dn.demo, giamkhao.1–13, xem`,
    ],
    [
      '',
      `password ${process.env.DEMO_PASSWORD ? '$DEMO_PASSWORD' : 'khuyencong2026'} — POST ${base}/api/v1/auth/login`,
    ],
    ['Logs', `${relative(paths.root, paths.logs)}/${profile.name}-<service>.log`],
    ['Status / stop', 'node deploy/launcher.mjs status  ·  npm stop'],
  ];
  r.line('');
  r.line(`Platform ${demoFailed ? 'running, demo data incomplete,' : 'ready'} in ${sinceStart(t0)}`);
  for (const [label, value] of rows) r.line(`  ${label.padEnd(16)} ${value}`);
  if (guide.length > 0) r.line('');
  for (const line of guide) r.line(line);
}

/** `✗ message`, the end of the service's log when a service failed, and the hint; on stderr. */
function reportFailure(e) {
  const lines = [`✗ ${why(e)}`];
  if (e instanceof ServiceStartError && e.logTail) {
    lines.push(
      `  last lines of ${relative(paths.root, e.logFile)}:`,
      ...e.logTail.split('\n').map((l) => `    ${l}`),
    );
  }
  if (e instanceof LauncherError && e.hint) lines.push(`  (${e.hint})`);
  process.stderr.write(`${lines.join('\n')}\n`);
}

function parseArgs(argv) {
  const out = { demoData: true, help: false };
  for (const a of argv) {
    if (a === '--no-demo-data') out.demoData = false;
    else if (a === '--help' || a === '-h') out.help = true;
    else throw new LauncherError(`unexpected argument "${a}"\n${USAGE}`);
  }
  return out;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    if (process.env.KC_DEBUG) console.error(e);
    reportFailure(e);
    process.exit(1);
  },
);
