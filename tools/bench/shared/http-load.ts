import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface LoadCall {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: unknown;
}

export interface LoadAnswer<T = unknown> {
  status: number;
  /** From writing the request to the end of the answer. */
  ms: number;
  body: T;
}

/**
 * Sends `calls` to `baseUrl` from a worker thread, at most `concurrency` at a time (a closed loop), and gives
 * the answers in the order of the calls with the wall time of the whole run. A service booted in this process
 * then has its event loop to itself, as it would behind real clients.
 */
export function loadFromWorker<T = unknown>(
  baseUrl: string,
  concurrency: number,
  calls: readonly LoadCall[],
): Promise<{ answers: LoadAnswer<T>[]; wallMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'http-load-worker.mjs'), {
      workerData: { baseUrl, concurrency, calls },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load worker exited with code ${code}`));
    });
  });
}
