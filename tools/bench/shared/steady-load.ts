import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { summarise, type Summary } from './stats';

export interface SteadyLoadResult {
  /** Answers per second over the run. */
  requestsPerSecond: number;
  /** From each request's send to the end of its answer. */
  latency: Summary;
  non2xx: number;
  errors: number;
}

/**
 * An open-loop GET load: `rate` requests a second, each sent at its own moment (evenly spaced, not waiting for
 * earlier answers), over at most `connections` keep-alive sockets — how a hall of dashboards, each on its own
 * refresh timer, reaches the edge. (autocannon's `overallRate` sends each second's quota at the top of the
 * second: a burst, not a hall.) It runs on a worker thread with a fresh heap.
 */
export function steadyLoad(options: {
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  connections: number;
}): Promise<SteadyLoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'steady-load-worker.mjs'), { workerData: options });
    worker.once('message', (run: { latencies: number[]; non2xx: number; errors: number; wallMs: number }) =>
      resolve({
        requestsPerSecond: (run.latencies.length / run.wallMs) * 1000,
        latency: summarise(run.latencies) ?? { n: 0, p50: 0, p95: 0, p99: 0, max: 0 },
        non2xx: run.non2xx,
        errors: run.errors,
      }),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the steady load worker exited with code ${code}`));
    });
  });
}
