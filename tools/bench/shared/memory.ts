import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bench profile's pid files (deploy/profiles.mjs `paths.run`, tools/platform/services.mjs). */
const RUN_DIR = join(__dirname, '..', '..', '..', '.kc', 'run');

/**
 * Proportional set size in MiB: shared pages split among the processes sharing them, so PostgreSQL's shared
 * buffers are counted once across its backends (RSS would count them in each).
 */
function pssMiB(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kib = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
    return kib / 1024;
  } catch {
    return 0; // gone, or not ours to read
  }
}

const pidIn = (file: string): number | null => {
  try {
    const pid = Number(readFileSync(join(RUN_DIR, file), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/** Every process whose command name is `name` (postgres backends, redis-server). */
function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}

export interface MemoryRow {
  component: string;
  mib: number;
}

/**
 * The memory of the bench profile's platform: its seven services and its Kafka broker by their pid files, and
 * the PostgreSQL and Redis servers of this machine (shared with other profiles when those run too).
 */
export function platformMemory(services: readonly string[]): MemoryRow[] {
  const rows: MemoryRow[] = services.map((service) => {
    const pid = pidIn(`bench-${service}.pid`);
    return { component: service, mib: pid ? pssMiB(pid) : 0 };
  });
  const kafka = pidIn('bench-kafka.pid');
  rows.push({ component: 'kafka', mib: kafka ? pssMiB(kafka) : 0 });
  rows.push({
    component: 'postgresql',
    mib: pidsNamed('postgres').reduce((sum, pid) => sum + pssMiB(pid), 0),
  });
  rows.push({
    component: 'redis',
    mib: pidsNamed('redis-server').reduce((sum, pid) => sum + pssMiB(pid), 0),
  });
  return rows;
}
