// The open-loop GET load of steady-load.ts, on a thread of its own: a fresh heap, so neither the benchmark's
// earlier measures (autocannon's garbage) nor its bookkeeping delay the answers it times.
// Input (workerData): { url, headers, rate, seconds, connections }. Output: { latencies, non2xx, errors, wallMs }.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

const { url, headers, rate, seconds, connections } = workerData;
const target = new URL(url);
const pool = new Pool(target.origin, { connections, pipelining: 1 });
const latencies = [];
const pending = [];
let non2xx = 0;
let errors = 0;

async function get() {
  const sent = performance.now();
  try {
    const answer = await pool.request({ method: 'GET', path: `${target.pathname}${target.search}`, headers });
    await answer.body.dump();
    if (answer.statusCode < 200 || answer.statusCode >= 300) non2xx++;
    latencies.push(performance.now() - sent);
  } catch {
    errors++;
  }
}

// Evenly spaced sends that never wait for an answer (the same schedule as stats.ts atSteadyRate).
const total = Math.round(rate * seconds);
const interval = 1000 / rate;
const started = performance.now();
for (let i = 0; i < total; i++) {
  const wait = started + i * interval - performance.now();
  if (wait > 0) await sleep(wait);
  pending.push(get());
}
await Promise.all(pending);
const wallMs = performance.now() - started;
await pool.close();
parentPort.postMessage({ latencies, non2xx, errors, wallMs });
