/**
 * The fault injector, run as its own process (tools/chaos/platform.mjs): stops and starts the chaos profile's
 * broker, Postgres and Redis, and SIGKILLs or starts its services.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'tools', 'chaos', 'platform.mjs');

export type FaultCommand =
  | 'restore'
  | 'kafka-stop'
  | 'kafka-start'
  | 'service-kill'
  | 'service-start'
  | 'postgres-stop'
  | 'postgres-start'
  | 'redis-stop'
  | 'redis-start'
  | 'dead-letters';

export function fault<T = Record<string, unknown>>(command: FaultCommand, arg?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, command, ...(arg ? [arg] : [])],
      { cwd: ROOT, timeout: 180_000, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = String(stdout).trim().split('\n').pop() ?? '';
        let parsed: { ok?: boolean; error?: string } | undefined;
        try {
          parsed = JSON.parse(line);
        } catch {
          parsed = undefined;
        }
        if (parsed?.ok) resolve(parsed as T);
        else
          reject(
            new Error(
              `${command}${arg ? ` ${arg}` : ''} failed: ${parsed?.error ?? error?.message ?? ''}\n${String(stderr).slice(-2000)}`,
            ),
          );
      },
    );
  });
}

export async function deadLetters(): Promise<number> {
  return (await fault<{ total: number }>('dead-letters')).total;
}

/**
 * The usual injection: once `afterAcked` writes are acknowledged, stop a part of the platform for `downMs`, then
 * start it again — the window reported runs from the stop until it answered again.
 */
export function stoppedFor(
  part: 'kafka' | 'postgres' | 'redis',
  downMs: number,
  afterAcked: number,
  label: string,
) {
  return async (load: { whenAcked(n: number): Promise<unknown> }) => {
    await load.whenAcked(afterAcked);
    const from = Date.now();
    await fault(`${part}-stop`);
    await sleep(downMs); // the fault itself
    await fault(`${part}-start`);
    return [{ label, from, to: Date.now() }];
  };
}
