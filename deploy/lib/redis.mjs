// Redis: use the server at the profile's URL when it answers PING; where none runs on this machine, start
// Debian's redis-server as a daemon (no persistence). Raw RESP over a socket: no client library needed.
import fs from 'node:fs';
import net from 'node:net';
import { join, relative } from 'node:path';
import { paths } from '../profiles.mjs';
import { pidFileProcess, run, stopProcess, waitUntil } from './process.mjs';
import { LauncherError, sinceStart } from './ui.mjs';

const rel = (p) => relative(paths.root, p) || '.';
export const EMBEDDED_REDIS_PIDFILE = join(paths.run, 'embedded-redis.pid');
const REDIS_LOG = join(paths.logs, 'redis.log');
/** The redis-server that profiles without a server of their own share when nothing runs on 6379. */
const SHARED_REDIS = { dir: paths.redisDir, pidFile: EMBEDDED_REDIS_PIDFILE, logFile: REDIS_LOG };

const resp = (...parts) =>
  `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;

/**
 * PING (after AUTH when the URL has a password).
 * @returns {Promise<{ state: 'up'|'down'|'auth'|'other', version?: string, reply?: string }>}
 */
export function redisPing({ host, port, password, username }, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let buf = '';
    let settled = false;
    const done = (r) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(r);
    };
    socket.setTimeout(timeoutMs, () => done({ state: 'down' }));
    socket.once('error', () => done({ state: 'down' }));
    let connected = false;
    socket.once('close', () => done({ state: connected ? 'other' : 'down', reply: buf.slice(0, 80) }));
    socket.once('connect', () => {
      connected = true;
      let msg = '';
      if (password) msg += username ? resp('AUTH', username, password) : resp('AUTH', password);
      msg += resp('PING') + resp('INFO', 'server');
      socket.write(msg);
    });
    socket.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      if (/^-(NOAUTH|WRONGPASS|ERR invalid password|ERR AUTH)/m.test(buf)) {
        return done({ state: 'auth', reply: buf.split('\r\n').find((l) => l.startsWith('-')) });
      }
      if (!/^\+PONG\r?$/m.test(buf)) {
        if (buf.length > 64 && !buf.includes('PONG')) done({ state: 'other', reply: buf.slice(0, 80) });
        return;
      }
      const v = /redis_version:([^\r\n]+)/.exec(buf);
      if (v) done({ state: 'up', version: v[1] });
      else if (/\+PONG\r\n-/.test(buf)) done({ state: 'up', version: '?' }); // INFO refused (renamed command)
    });
  });
}

/** Make sure Redis answers at the profile's URL. */
export async function ensureRedis(profile, reporter) {
  const t0 = Date.now();
  const r = profile.redis;
  const where = `${r.host}:${r.port}`;
  const files = r.own ?? SHARED_REDIS;
  const ping = await redisPing(r);
  if (ping.state === 'up') {
    const ours = pidFileProcess(files.pidFile);
    const who = r.own ? `own server of profile ${profile.name}` : 'started by the launcher';
    reporter.ok(`Redis ${ping.version} at ${where} db ${r.db} (${ours ? `${who}, reused` : 'reused'})`);
    return { state: 'reused', version: ping.version };
  }
  if (ping.state === 'auth') {
    throw new LauncherError(
      r.password
        ? `Redis at ${where} rejected the password of KC_REDIS_URL: ${ping.reply}`
        : `Redis at ${where} wants a password: set KC_REDIS_URL=redis://:PASSWORD@${where}`,
    );
  }
  if (ping.state === 'other') {
    throw new LauncherError(`port ${r.port} is taken by something that is not Redis`);
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(r.host)) {
    throw new LauncherError(`Redis at ${where} does not answer`);
  }
  const check = await run('redis-server', ['--version']);
  if (check.notFound) throw new LauncherError('redis-server not found: apt-get install redis-server');

  fs.mkdirSync(files.dir, { recursive: true });
  fs.mkdirSync(paths.logs, { recursive: true });
  fs.mkdirSync(paths.run, { recursive: true });
  const started = await run('redis-server', [
    '--port',
    String(r.port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
    '--pidfile',
    files.pidFile,
    '--logfile',
    files.logFile,
    '--dir',
    files.dir,
    ...(r.password ? ['--requirepass', r.password] : []),
  ]);
  if (started.code !== 0) {
    throw new LauncherError(
      `redis-server did not start: ${(started.stderr || started.stdout).trim().split('\n').pop()}`,
      {
        hint: `see ${rel(files.logFile)}`,
      },
    );
  }
  const up = await waitUntil(
    async () => {
      const p = await redisPing(r);
      return p.state === 'up' ? p : null;
    },
    { timeoutMs: 10000, intervalMs: 100 },
  );
  if (!up)
    throw new LauncherError(`redis-server started but does not answer on ${where}`, {
      hint: `see ${rel(files.logFile)}`,
    });
  const { version } = up;
  const who = r.own ? `own server of profile ${profile.name}, ` : '';
  reporter.ok(`Redis ${version} on ${where} db ${r.db} (${who}started, ${sinceStart(t0)})`);
  return { state: 'started', version };
}

/** Stop the redis-server this launcher started (never the machine's own). @returns {Promise<number|null>} */
export function stopEmbeddedRedis() {
  return stopRedisOf(EMBEDDED_REDIS_PIDFILE);
}

/** Stop a profile's own redis-server. @returns {Promise<number|null>} its pid, if it ran */
export function stopOwnRedis(profile) {
  return profile.redis.own ? stopRedisOf(profile.redis.own.pidFile) : Promise.resolve(null);
}

async function stopRedisOf(pidFile) {
  const proc = pidFileProcess(pidFile);
  if (proc) await stopProcess(proc.pid, { timeoutMs: 10000 });
  fs.rmSync(pidFile, { force: true });
  return proc?.pid ?? null;
}
