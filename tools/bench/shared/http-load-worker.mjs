// The load generator of an in-process benchmark, on a thread of its own: the clients' HTTP work (sockets,
// parsing, JSON) then runs beside the service's event loop instead of inside it, as real clients would.
// Input (workerData): { baseUrl, concurrency, calls: [{ method, path, token?, body? }] }.
// Output (one message): { answers: [{ status, ms, body }], wallMs } in the order of `calls`.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { baseUrl, concurrency, calls } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

function send({ method, path, token, body }) {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const headers = { accept: 'application/json' };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(new URL(path, baseUrl), { method, headers, agent, timeout: 120_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const ms = performance.now() - started;
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: kept as text for the error report
        }
        resolve({ status: res.statusCode ?? 0, ms, body: parsed });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within 120 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

const answers = new Array(calls.length);
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Math.min(concurrency, calls.length) }, async () => {
    while (next < calls.length) {
      const i = next++;
      answers[i] = await send(calls[i]);
    }
  }),
);
const wallMs = performance.now() - started;
agent.destroy();
parentPort.postMessage({ answers, wallMs });
