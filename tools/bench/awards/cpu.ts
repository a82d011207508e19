import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';

/** The bench profile's pid files (deploy/profiles.mjs `paths.run`, as shared/memory.ts reads them). */
const RUN_DIR = join(__dirname, '..', '..', '..', '.kc', 'run');
/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) of a process in ms, or null when it is gone or not readable. */
function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

const pidOf = (file: string): number | null => {
  try {
    const pid = Number(readFileSync(join(RUN_DIR, file), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/** CPU ms so far of each process, by component: the bench gateway, awards, Kafka, PostgreSQL backends, us. */
export type CpuSnapshot = Map<string, Map<number, number>>;

/**
 * What the processes on a scoring request's path have used so far. PostgreSQL: the backends connected to the
 * bench profile's databases (the services' pools hold them for the run; one that closes before the second
 * snapshot is missed, so that figure is a lower bound).
 */
export async function cpuSnapshot(db: Client): Promise<CpuSnapshot> {
  const snapshot: CpuSnapshot = new Map();
  const add = (component: string, pid: number | null) => {
    const ms = pid === null ? null : cpuMs(pid);
    if (pid === null || ms === null) return;
    if (!snapshot.has(component)) snapshot.set(component, new Map());
    snapshot.get(component)!.set(pid, ms);
  };
  for (const service of ['gateway', 'awards']) add(service, pidOf(`bench-${service}.pid`));
  add('Kafka', pidOf('bench-kafka.pid'));
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname LIKE 'kc\\_bench\\_%' AND pid <> pg_backend_pid()`,
  );
  for (const { pid } of rows) add('PostgreSQL', pid);
  const own = process.cpuUsage();
  snapshot.set('this client', new Map([[process.pid, (own.user + own.system) / 1000]]));
  return snapshot;
}

/** CPU ms each component used between two snapshots (a process new since the first counts from zero). */
export function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const used = new Map<string, number>();
  for (const [component, pids] of after) {
    let sum = 0;
    for (const [pid, ms] of pids) sum += ms - (before.get(component)?.get(pid) ?? 0);
    used.set(component, sum);
  }
  return used;
}
