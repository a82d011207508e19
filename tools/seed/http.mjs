// A small JSON client for the gateway's public API, for seeding and benchmarks. Plain Node (global fetch).
import { createHash } from 'node:crypto';

/**
 * A request that failed for good: carries the HTTP status and the problem+json body, if any. `uncertain`: an
 * earlier attempt got no answer or the gateway's 502/504 (it gave up on the service, which may have done the
 * write all the same), so a refusal of the retry may be that write's own effect.
 */
export class ApiError extends Error {
  constructor(message, { status, problem, request } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
    this.request = request;
    this.uncertain = false;
  }
}

const MAYBE_DONE_STATUS = new Set([502, 504]);

const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);
/** The gateway answers 409 idempotency.in-flight while the first request with the same key is still running. */
const isTransient = (status, problem) =>
  TRANSIENT_STATUS.has(status) || (status === 409 && problem?.code === 'idempotency.in-flight');

/** Retry-After as milliseconds (delta-seconds or an HTTP date), or undefined. */
function retryAfterMs(value) {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/**
 * At most `n` calls of `run` at once, the others queued in order — urgent ones first (the steps the rest of a
 * run waits on): one limit for every session of a run.
 */
export function createLimiter(n) {
  let active = 0;
  const queues = { urgent: [], normal: [] };
  const next = () => {
    const queue = queues.urgent.length > 0 ? queues.urgent : queues.normal;
    if (active >= n || queue.length === 0) return;
    active++;
    const { fn, resolve, reject } = queue.shift();
    fn()
      .then(resolve, reject)
      .finally(() => {
        active--;
        next();
      });
  };
  return {
    run: (fn, urgent = false) =>
      new Promise((resolve, reject) => {
        queues[urgent ? 'urgent' : 'normal'].push({ fn, resolve, reject });
        next();
      }),
  };
}

const UNLIMITED = { run: (fn) => fn() };

/**
 * @param {string} baseUrl e.g. http://localhost:3000
 * @param {{ timeoutMs?: number, retryForMs?: number, headers?: Record<string,string>,
 *   limiter?: { run: <T>(fn: () => Promise<T>, urgent?: boolean) => Promise<T> }, urgent?: boolean,
 *   stats?: { requests: number, writes: number, retries: number } }} [opts]
 *   `retryForMs`: how long a transient answer is retried — no answer, 429/502/503/504 or 409
 *   idempotency.in-flight — always with the same Idempotency-Key (the gateway keeps none of those answers),
 *   after the answer's Retry-After or a backoff. `limiter`: shared by the sessions of one run (`urgent`: this
 *   client's requests go first). `stats`: counts
 *   requests sent, writes done (2xx to a POST or PUT, not a replay) and retries.
 */
export function createApi(
  baseUrl,
  { timeoutMs = 30_000, retryForMs = 90_000, headers = {}, limiter = UNLIMITED, urgent = false, stats } = {},
) {
  const base = baseUrl.replace(/\/$/, '');

  async function once(method, path, body, idempotencyKey) {
    if (stats) stats.requests++;
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      ok: res.ok,
      json,
      text,
      retryAfter: retryAfterMs(res.headers.get('retry-after')),
      replayed: res.headers.get('idempotent-replayed') === 'true',
    };
  }

  /**
   * One call; resolves to the parsed body of a 2xx answer (with `meta`: `{ body, replayed }`, replayed meaning
   * the gateway answered from its Idempotency-Key record), throws ApiError otherwise (`uncertain` set as above).
   * @param {'GET'|'POST'|'PUT'|'PATCH'|'DELETE'} method
   * @param {string} path e.g. /api/v1/plans?year=2018
   * @param {{ body?: unknown, idempotencyKey?: string, meta?: boolean }} [opts]
   */
  async function call(method, path, { body, idempotencyKey, meta = false } = {}) {
    const request = `${method} ${path}`;
    const deadline = Date.now() + retryForMs;
    let uncertain = false;
    const fail = (e) => Object.assign(e, { uncertain });
    for (let attempt = 1; ; attempt++) {
      let last;
      let wait;
      try {
        const r = await limiter.run(() => once(method, path, body, idempotencyKey), urgent);
        if (r.ok) {
          if (stats && method !== 'GET' && !r.replayed) stats.writes++;
          return meta ? { body: r.json, replayed: r.replayed } : r.json;
        }
        last = new ApiError(describe(request, r), { status: r.status, problem: r.json, request });
        if (!isTransient(r.status, r.json)) throw fail(last);
        wait = r.retryAfter;
        if (MAYBE_DONE_STATUS.has(r.status)) uncertain = true;
      } catch (e) {
        if (e instanceof ApiError && !isTransient(e.status, e.problem)) throw e;
        if (!(e instanceof ApiError)) uncertain = true;
        last = e instanceof ApiError ? e : new ApiError(`${request}: ${networkReason(e)}`, { request });
      }
      const delay = Math.min(wait ?? 200 * 2 ** (attempt - 1), 10_000);
      if (Date.now() + delay > deadline) throw fail(last);
      if (stats) stats.retries++;
      await sleep(delay);
    }
  }

  return {
    baseUrl: base,
    call,
    get: (path) => call('GET', path),
    post: (path, body, idempotencyKey) => call('POST', path, { body, idempotencyKey }),
  };
}

function describe(request, r) {
  const p = r.json;
  if (p && typeof p === 'object' && (p.detail || p.title)) {
    const fields = Array.isArray(p.errors) ? p.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : '';
    return `${request} → ${r.status} ${p.code ? `${p.code}: ` : ''}${p.detail || p.title}${fields ? ` (${fields})` : ''}`;
  }
  return `${request} → ${r.status} ${r.text.slice(0, 200)}`;
}

function networkReason(e) {
  if (e?.name === 'TimeoutError') return 'no answer in time';
  const cause = e?.cause;
  return cause?.code || cause?.message || e?.message || String(e);
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * A stable Idempotency-Key (UUID-shaped, version 5 layout) for one write: the same path and body (and `salt`)
 * always give the same key, so a rerun sends the same key, while a changed request gets a new key instead of
 * the gateway's "key reused for a different request" error.
 */
export function idempotencyKey(path, body, salt = '') {
  const h = createHash('sha1')
    .update(`kc-demo:POST ${path}:${JSON.stringify(body)}:${salt}`)
    .digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/**
 * POST under a stable Idempotency-Key. The gateway remembers keys for 24 hours in its own database: if it replays
 * the answer of a record that no longer exists (the owning service's database was reset, the gateway's not), post
 * again under a fresh key — the one place a key is salted, since the same request must then be sent anew.
 */
export async function createOnce(api, path, body, salt = '') {
  const first = await api.call('POST', path, {
    body,
    idempotencyKey: idempotencyKey(path, body, salt),
    meta: true,
  });
  if (!first.replayed || (await exists(api, `${path}/${first.body.id}`))) return first.body;
  return api.post(path, body, idempotencyKey(path, body, `${salt} ${Date.now()}`));
}

async function exists(api, path) {
  try {
    await api.get(path);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return false;
    throw e;
  }
}

/** Every item of a page/limit list (`{ items, total }`), following pages. */
export async function listAll(api, path, limit = 200) {
  const sep = path.includes('?') ? '&' : '?';
  const out = [];
  for (let page = 1; ; page++) {
    const { items, total } = await api.get(`${path}${sep}page=${page}&limit=${limit}`);
    out.push(...items);
    if (items.length < limit || out.length >= total) return out;
  }
}

/**
 * Run `fn` over `items` with at most `limit` in flight. After the first failure no new item starts; the
 * failures are thrown together once the running ones have finished.
 */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  const failures = [];
  let next = 0;
  async function worker() {
    while (failures.length === 0 && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (e) {
        failures.push(e);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new AggregateError(failures, `${failures.length} requests failed; first: ${failures[0].message}`);
  }
  return results;
}

/** The demo accounts' password (README): DEMO_PASSWORD or the documented default. */
export const demoPassword = () => process.env.DEMO_PASSWORD || 'khuyencong2026';

/**
 * Logs in with the built-in identity provider and returns an access token. No answer in time (a busy gateway
 * hashing many passwords at once) or a 503 is tried again, for up to `retryForMs`; a refusal is thrown.
 * @param {string} baseUrl the gateway
 * @param {string} username e.g. cuc.admin
 */
export async function login(baseUrl, username, password = demoPassword(), { retryForMs = 90_000 } = {}) {
  const deadline = Date.now() + retryForMs;
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await fetch(`${baseUrl.replace(/\/$/, '')}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
        signal: AbortSignal.timeout(20000),
      });
    } catch (e) {
      if (Date.now() > deadline) throw new ApiError(`login as ${username}: ${networkReason(e)}`);
    }
    if (res) {
      const body = await res.json().catch(() => ({}));
      if (res.ok) return body.accessToken;
      if (res.status !== 503 || Date.now() > deadline) {
        throw new ApiError(`login as ${username} → ${res.status} ${body.detail ?? ''}`.trim(), {
          status: res.status,
          problem: body,
        });
      }
    }
    await sleep(Math.min(200 * 2 ** (attempt - 1), 5_000));
  }
}
