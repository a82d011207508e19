import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** Load averages over 1, 5 and 15 minutes: figures taken on a busy machine are noisy, so every run prints them. */
export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** `nproc 2 (AMD EPYC …), 23.5 GiB, load …` — printed with every run's figures. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `nproc ${availableParallelism()} (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${loadAverage()}`;
}
