// Background processes with pid files, for the launcher and tools/platform/start.mjs.
//
// Pid files hold one number. A pid file is trusted only while its process is alive and did not start after the
// file was written, so a pid reused by an unrelated process after a crash (kill -9, reboot) is never signalled.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { dirname, join, basename } from 'node:path';
import { paths } from '../profiles.mjs';

/**
 * Start a process in its own session (it outlives the caller), output appended to `logFile`, pid written to
 * `pidFile`. Resolves once the process exists; rejects (with a one-line message) if it cannot be started.
 * @param {string} name label for the log header and errors
 * @param {string} cmd executable
 * @param {string[]} args
 * @param {{ env?: Record<string,string>, inheritEnv?: boolean, logFile: string, pidFile?: string, cwd?: string,
 *           uid?: number, gid?: number }} opts `env` is added to process.env unless inheritEnv is false
 * @returns {Promise<{ pid: number, name: string, logFile: string, pidFile?: string }>}
 */
export async function spawnDetached(name, cmd, args, opts) {
  const { env, inheritEnv = true, logFile, pidFile, cwd = paths.root, uid, gid } = opts || {};
  if (!logFile) throw new Error(`spawnDetached(${name}): logFile is required`);
  fs.mkdirSync(dirname(logFile), { recursive: true });
  if (pidFile) fs.mkdirSync(dirname(pidFile), { recursive: true });
  const fd = fs.openSync(logFile, 'a');
  try {
    fs.writeSync(fd, `\n--- ${new Date().toISOString()} starting ${name}: ${[cmd, ...args].join(' ')}\n`);
    const child = spawn(cmd, args, {
      cwd,
      env: inheritEnv ? { ...process.env, ...(env || {}) } : env,
      detached: true,
      stdio: ['ignore', fd, fd],
      ...(uid !== undefined ? { uid } : {}),
      ...(gid !== undefined ? { gid } : {}),
    });
    const pid = await new Promise((resolve, reject) => {
      child.once('error', (e) => reject(new Error(`cannot start ${name} (${cmd}): ${e.code || e.message}`)));
      child.once('spawn', () => resolve(child.pid));
    });
    if (pidFile) writePidFile(pidFile, pid);
    child.unref();
    return { pid, name, logFile, pidFile };
  } finally {
    fs.closeSync(fd);
  }
}

export function writePidFile(pidFile, pid) {
  fs.mkdirSync(dirname(pidFile), { recursive: true });
  const tmp = `${pidFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${pid}\n`);
  fs.renameSync(tmp, pidFile);
}

/** The pid in a pid file, or null. */
export function readPid(pidFile) {
  try {
    const n = Number.parseInt(fs.readFileSync(pidFile, 'utf8').trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  return !(stat && (stat.state === 'Z' || stat.state === 'X'));
}

/**
 * The live process a pid file names, or null (no file, dead process, or a pid reused by a newer process).
 * @returns {{ pid: number } | null}
 */
export function pidFileProcess(pidFile) {
  const pid = readPid(pidFile);
  if (!pid || !isAlive(pid)) return null;
  const startedAt = processStartedAt(pid);
  if (startedAt !== null) {
    let written;
    try {
      written = fs.statSync(pidFile).mtimeMs;
    } catch {
      return null;
    }
    // the process must predate its pid file (+ slack for clock granularity); otherwise the pid was reused
    if (startedAt > written + 5000) return null;
  }
  return { pid };
}

/**
 * SIGTERM (to the process group, else the process), wait up to `timeoutMs`, then SIGKILL.
 * @returns {Promise<'stopped'|'killed'|'not-running'>}
 */
export async function stopProcess(pid, { timeoutMs = 15000 } = {}) {
  if (!isAlive(pid)) return 'not-running';
  signal(pid, 'SIGTERM');
  if (await waitUntil(() => !isAlive(pid), { timeoutMs, intervalMs: 100 })) return 'stopped';
  signal(pid, 'SIGKILL');
  await waitUntil(() => !isAlive(pid), { timeoutMs: 5000, intervalMs: 100 });
  return 'killed';
}

/** Stop the process of a pid file (if it is really ours) and remove the file. */
export async function stopPidFile(pidFile, opts) {
  const proc = pidFileProcess(pidFile);
  const result = proc ? await stopProcess(proc.pid, opts) : 'not-running';
  fs.rmSync(pidFile, { force: true });
  return { pid: proc?.pid ?? readPid(pidFile), result };
}

/** Pid files `.kc/run/<prefix>-*.pid` as [{ file, name }] (name = the part after the prefix). */
export function listPidFiles(prefix, runDir = paths.run) {
  let entries = [];
  try {
    entries = fs.readdirSync(runDir);
  } catch {
    return [];
  }
  return entries
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.pid'))
    .sort()
    .map((f) => ({ file: join(runDir, f), name: basename(f, '.pid').slice(prefix.length + 1) }));
}

/** True if something accepts TCP connections on host:port. */
export function portAnswers(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Poll `check` (sync or async) until truthy or timeout; resolves to the last result. */
export async function waitUntil(check, { timeoutMs = 10000, intervalMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await check();
    if (r || Date.now() >= deadline) return r;
    await sleep(intervalMs);
  }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Run a command to completion. Never throws: `{ code, stdout, stderr, notFound }`.
 * @returns {Promise<{ code: number|null, stdout: string, stderr: string, notFound: boolean }>}
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 16 * 1024 * 1024, ...opts }, (err, stdout, stderr) => {
      resolve({
        code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
        stdout: String(stdout ?? ''),
        stderr: String(stderr ?? ''),
        notFound: err?.code === 'ENOENT',
        // Why it did not run or finish when there is no exit code (EACCES, a signal).
        error: err && typeof err.code !== 'number' ? String(err.code ?? err.signal ?? err.message) : null,
      });
    });
  });
}

/** Last `n` non-empty lines of a text file ('' if unreadable). */
export function tailFile(file, n = 20) {
  try {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r');
    const len = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(len);
    fs.readSync(fd, buf, 0, len, size - len);
    fs.closeSync(fd);
    return buf
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(-n)
      .join('\n');
  } catch {
    return '';
  }
}

/**
 * Run `fn` holding an exclusive lock file (`.kc/run/<name>.lock`); a lock left by a dead process is taken over.
 */
export async function withLock(name, fn, { timeoutMs = 120000 } = {}) {
  const file = join(paths.run, `${name}.lock`);
  fs.mkdirSync(paths.run, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = readPid(file);
      if (!holder || !isAlive(holder)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`another launcher (pid ${holder}) is busy; waited ${Math.round(timeoutMs / 1000)} s`);
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
  }
}

function signal(pid, sig) {
  try {
    process.kill(-pid, sig); // the whole process group (spawnDetached makes the child a group leader)
    return;
  } catch {
    /* not a group leader: signal the process alone */
  }
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

let bootTimeMs;
function procStat(pid) {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0], startTicks: Number(rest[19]) };
  } catch {
    return null;
  }
}

/** When the process started (ms since epoch), from /proc; null where /proc is unavailable. */
export function processStartedAt(pid) {
  const stat = procStat(pid);
  if (!stat) return null;
  if (bootTimeMs === undefined) {
    try {
      const m = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
      bootTimeMs = m ? Number(m[1]) * 1000 : null;
    } catch {
      bootTimeMs = null;
    }
  }
  if (bootTimeMs === null) return null;
  return bootTimeMs + (stat.startTicks / 100) * 1000; // USER_HZ is 100 on Linux
}
