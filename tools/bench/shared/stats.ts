import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of a sample in milliseconds; null for an empty sample. */
export function summarise(samples: number[]): Summary | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

/**
 * Calls `fire(i)` at a steady rate (open loop: it does not wait for a call to finish before the next one, so a
 * slow platform shows up as lag, not as a lower rate). Resolves once the last call has been started.
 */
export async function atSteadyRate(
  ratePerSecond: number,
  durationSeconds: number,
  fire: (i: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const total = Math.round(ratePerSecond * durationSeconds);
  const interval = 1000 / ratePerSecond;
  const t0 = performance.now();
  let i = 0;
  for (; i < total && !signal?.aborted; i++) {
    const wait = t0 + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    fire(i);
  }
  return i;
}

export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}
