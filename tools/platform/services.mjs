// The platform's service processes for a profile: start (or reuse) one, wait for its /health, explain failures.
import fs from 'node:fs';
import { join, relative } from 'node:path';
import { paths, serviceEnv } from '../../deploy/profiles.mjs';
import {
  isAlive,
  pidFileProcess,
  portAnswers,
  processStartedAt,
  sleep,
  spawnDetached,
  tailFile,
} from '../../deploy/lib/process.mjs';
import { LauncherError, sinceStart } from '../../deploy/lib/ui.mjs';

export const HEALTH_TIMEOUT_MS = 90_000;

const rel = (p) => relative(paths.root, p);

export function serviceFiles(profile, name) {
  return {
    entry: join(paths.root, 'services', name, 'src', 'main.ts'),
    logFile: join(paths.logs, `${profile.name}-${name}.log`),
    pidFile: join(paths.run, `${profile.name}-${name}.pid`),
  };
}

/** A service that did not come up; `logTail` holds the end of its log, made readable. */
export class ServiceStartError extends LauncherError {
  constructor(message, { hint, logFile } = {}) {
    super(message, { hint });
    this.logFile = logFile;
    this.logTail = logFile ? readableTail(logFile, 20) : '';
  }
}

/** The status code of GET <url>/health, or 0 if nothing answers in time. */
export async function healthStatus(url, timeoutMs = 2000) {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/**
 * Start one service of the profile unless it already runs, and wait until GET /health answers 200.
 * @param {object} profile from getProfile()
 * @param {{ name: string, port: number, url: string }} svc an entry of profile.services
 * @returns {Promise<{ name: string, state: 'started'|'reused'|'foreign', pid?: number, outdated?: boolean, ms: number }>}
 *   `outdated`: a reused process started before the latest change to its service's or the libs' sources
 */
export async function ensureService(profile, svc, { timeoutMs = HEALTH_TIMEOUT_MS } = {}) {
  const t0 = Date.now();
  const { entry, logFile, pidFile } = serviceFiles(profile, svc.name);

  const ours = pidFileProcess(pidFile);
  if (ours) {
    // Ours and alive: healthy now, or still starting (e.g. a concurrent `npm start`).
    await waitHealthy(svc, { pid: ours.pid, logFile, timeoutMs });
    const startedAt = processStartedAt(ours.pid);
    const outdated = startedAt !== null && newestSourceChange(svc.name) > startedAt;
    return { name: svc.name, state: 'reused', pid: ours.pid, outdated, ms: Date.now() - t0 };
  }
  if (await portAnswers('127.0.0.1', svc.port)) {
    if ((await healthStatus(svc.url)) === 200)
      return { name: svc.name, state: 'foreign', ms: Date.now() - t0 };
    throw new ServiceStartError(
      `port ${svc.port} (${svc.name}) is taken by a program that npm start did not start`,
      {
        hint: `free the port (ss -ltnp 'sport = :${svc.port}')`,
      },
    );
  }
  if (!fs.existsSync(entry)) {
    throw new ServiceStartError(
      `${rel(entry)} does not exist: the ${svc.name} service is not in this checkout`,
    );
  }
  const { pid } = await spawnDetached(
    `${profile.name}-${svc.name}`,
    process.execPath,
    [...svc.nodeOptions, '-r', '@swc-node/register', rel(entry)],
    {
      env: serviceEnv(profile, svc.name),
      logFile,
      pidFile,
    },
  );
  await waitHealthy(svc, { pid, logFile, timeoutMs });
  return { name: svc.name, state: 'started', pid, ms: Date.now() - t0 };
}

/** The newest modification time (ms) of the TypeScript a service runs: its own sources and the shared libs. */
function newestSourceChange(name) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(p);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        newest = Math.max(newest, fs.statSync(p).mtimeMs);
      }
    }
  };
  for (const dir of [join(paths.root, 'services', name, 'src'), join(paths.root, 'libs')]) {
    if (fs.existsSync(dir)) walk(dir);
  }
  return newest;
}

async function waitHealthy(svc, { pid, logFile, timeoutMs }) {
  const t0 = Date.now();
  let status = 0;
  while (Date.now() - t0 < timeoutMs) {
    status = await healthStatus(svc.url);
    if (status === 200) return;
    if (!isAlive(pid)) {
      throw new ServiceStartError(`${svc.name} exited during start-up (pid ${pid})`, {
        hint: `full log: ${rel(logFile)}`,
        logFile,
      });
    }
    await sleep(250);
  }
  const why = status ? `GET ${svc.url}/health still answers ${status}` : `nothing answers on ${svc.url}`;
  throw new ServiceStartError(`${svc.name} did not become healthy within ${sinceStart(t0)} (${why})`, {
    hint: `full log: ${rel(logFile)}; \`npm stop\` then \`npm start\` restarts everything`,
    logFile,
  });
}

const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * The last lines of a service log written since its latest start (spawnDetached heads each start with
 * `--- <time> starting …`); JSON log lines shown as `time level [context] message: error`.
 */
export function readableTail(logFile, n) {
  const lines = tailFile(logFile, 400).split('\n');
  const start = lines.findLastIndex((line) => line.startsWith('--- ') && line.includes(' starting '));
  return lines
    .slice(start + 1)
    .slice(-n)
    .map((line) => {
      let e;
      try {
        e = JSON.parse(line);
      } catch {
        return line;
      }
      if (!e || typeof e !== 'object' || !('msg' in e)) return line;
      const time = typeof e.time === 'number' ? new Date(e.time).toISOString().slice(11, 23) : '';
      const err = e.err?.message ?? e.error?.message ?? (typeof e.error === 'string' ? e.error : '');
      return `${time} ${LEVELS[e.level] ?? e.level} ${e.context ? `[${e.context}] ` : ''}${e.msg}${err ? `: ${err}` : ''}`;
    })
    .join('\n');
}
