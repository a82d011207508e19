#!/usr/bin/env node
// Demo data for the platform, loaded through the gateway's public HTTP API only (never the databases).
//
//   node tools/seed/demo-data.mjs [--gateway URL] [--concurrency 8]
//     gateway: --gateway, else env KC_GATEWAY_URL, else the dev profile's (http://127.0.0.1:${GATEWAY_PORT:-3000})
//   import { loadDemoData } from './tools/seed/demo-data.mjs'
//
// Safe to rerun, also after a partial failure: every record is looked up before it is written (by plan
// year/level/unit, project title within its plan, cluster code, fair and round name), and every write carries
// an Idempotency-Key derived from what it writes, so a retried request has no second effect either.
// The data set itself is in demo-dataset.mjs (deterministic: every run produces the same records).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getProfile } from '../../deploy/profiles.mjs';
import { ApiError, createApi, createOnce, idempotencyKey, listAll, login, mapLimit, sleep } from './http.mjs';
import { buildDemoDataset } from './demo-dataset.mjs';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Today in Việt Nam as YYYY-MM-DD (deadlines and "the current year" follow Vietnamese time). */
export function todayInVietnam(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Load (or complete) the demo data.
 * @param {string} gatewayUrl
 * @param {{ concurrency?: number, now?: Date, log?: (line: string) => void }} [opts]
 * @returns {Promise<{ created: number, existing: number, counts: Record<string, number>, currentYear: number }>}
 */
export async function loadDemoData(gatewayUrl, { concurrency = 8, now = new Date(), log = () => {} } = {}) {
  // The agency's administrator loads the national picture; every write is audited under that account.
  const token = await login(gatewayUrl, 'cuc.admin');
  const api = createApi(gatewayUrl, { headers: { authorization: `Bearer ${token}` } });
  const today = todayInVietnam(now);
  const currentYear = Number(today.slice(0, 4));
  const tally = { created: 0, existing: 0 };
  const note = (created) => (created ? tally.created++ : tally.existing++);

  const [provinces2018, provincesNow] = await Promise.all([
    provinces(api, '2018-06-01'),
    provinces(api, today),
  ]);
  const data = buildDemoDataset({ provinces2018, provincesNow, currentYear });

  // Plans first: the projects service learns of them from events, which takes a moment.
  const planIds = new Map();
  await mapLimit(data.plans, concurrency, async ({ key, plan }) => {
    const { id, created } = await ensurePlan(api, plan);
    planIds.set(key, id);
    note(created);
  });

  const [clusters, fairs, rounds] = await Promise.all([
    ensureAll(api, data.clusters, concurrency, {
      list: () => listAll(api, '/api/v1/clusters'),
      same: (a, b) => a.code === b.code,
      path: '/api/v1/clusters',
    }),
    ensureAll(api, data.fairs, concurrency, {
      list: () => listAll(api, `/api/v1/fairs?year=${currentYear}`),
      same: (a, b) => a.name === b.name,
      path: '/api/v1/fairs',
    }),
    ensureAll(api, data.awardRounds, concurrency, {
      list: () => listAll(api, `/api/v1/award-rounds?year=${currentYear}`),
      same: (a, b) => a.name === b.name && a.level === b.level,
      path: '/api/v1/award-rounds',
    }),
  ]);
  for (const r of [clusters, fairs, rounds]) {
    tally.created += r.created;
    tally.existing += r.existing;
  }

  let registered = 0;
  let approved = 0;
  for (const { key, plan, projects } of data.plans) {
    const r = await ensureProjects(api, planIds.get(key), projects, concurrency);
    tally.created += r.registered + r.approved;
    tally.existing += r.existing;
    registered += r.total;
    approved += r.approvedTotal;
    const what =
      plan.level === 'national'
        ? `national plan ${plan.year}`
        : `plan ${plan.year} of unit ${plan.provinceCode}`;
    log(
      `${what}: ${r.total} projects (${r.approvedTotal} approved)${r.registered + r.approved ? `, ${r.registered} registered and ${r.approved} approved now` : ''}`,
    );
  }

  const counts = {
    plans: data.plans.length,
    projects: registered,
    approvedProjects: approved,
    clusters: data.clusters.length,
    fairs: data.fairs.length,
    awardRounds: data.awardRounds.length,
  };
  return { ...tally, counts, currentYear };
}

async function provinces(api, asOf) {
  const { items } = await api.get(`/api/v1/reference/provinces?asOf=${asOf}`);
  if (!items?.length) throw new Error(`GET /api/v1/reference/provinces?asOf=${asOf} returned no provinces`);
  return items;
}

async function findPlan(api, { year, level, provinceCode }) {
  const q = new URLSearchParams({ year: String(year), level, ...(provinceCode ? { provinceCode } : {}) });
  const page = await api.get(`/api/v1/plans?${q}`);
  return page.items.find((p) => p.level === level && (p.provinceCode ?? undefined) === provinceCode);
}

async function ensurePlan(api, plan) {
  const existing = await findPlan(api, plan);
  if (existing) return { id: existing.id, created: false };
  try {
    const created = await createOnce(api, '/api/v1/plans', plan);
    return { id: created.id, created: true };
  } catch (e) {
    // Created meanwhile by another run: use that one.
    if (e instanceof ApiError && e.status === 409) {
      const again = await findPlan(api, plan);
      if (again) return { id: again.id, created: false };
    }
    throw e;
  }
}

async function ensureAll(api, bodies, concurrency, { list, same, path }) {
  if (bodies.length === 0) return { created: 0, existing: 0 };
  const present = await list();
  const missing = bodies.filter((b) => !present.some((p) => same(p, b)));
  await mapLimit(missing, concurrency, async (body) => {
    try {
      await createOnce(api, path, body);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 409)) throw e; // 409: written meanwhile by another run
    }
  });
  return { created: missing.length, existing: bodies.length - missing.length };
}

/**
 * Register and approve a plan's projects. One province's projects go in order, so project codes
 * (KCQG-2018-40-001, …) come out the same on every fresh platform; provinces run in parallel.
 */
async function ensureProjects(api, planId, projects, concurrency) {
  const present = new Map((await listAll(api, `/api/v1/projects?planId=${planId}`)).map((p) => [p.title, p]));
  const byProvince = new Map();
  for (const p of projects) byProvince.set(p.provinceCode, [...(byProvince.get(p.provinceCode) ?? []), p]);

  const r = { registered: 0, approved: 0, existing: 0, total: projects.length, approvedTotal: 0 };
  await mapLimit([...byProvince.values()], concurrency, async (group) => {
    for (const spec of group) {
      const { approvedSupportVnd, ...body } = spec;
      let project = present.get(spec.title);
      if (project) r.existing++;
      else {
        const request = { planId, ...body };
        project = await registerProject(api, request);
        r.registered++;
      }
      if (approvedSupportVnd !== null && project.status === 'registered') {
        if (await approveProject(api, project.id, { approvedSupportVnd })) r.approved++;
      }
      if (approvedSupportVnd !== null || project.status === 'approved') r.approvedTotal++;
    }
  });
  return r;
}

/** Approve; false if another run approved it in the meantime (409 and the project is approved). */
async function approveProject(api, id, approval) {
  const path = `/api/v1/projects/${id}/approve`;
  try {
    await api.post(path, approval, idempotencyKey(path, approval));
    return true;
  } catch (e) {
    const conflict = e instanceof ApiError && e.status === 409;
    if (conflict && (await api.get(`/api/v1/projects/${id}`)).status === 'approved') return false;
    throw e;
  }
}

/**
 * The projects service accepts a project once it has seen the plan's event (usually well under a second).
 * The gateway replays a 4xx stored under an Idempotency-Key, so each attempt after a 422 has its own key.
 */
async function registerProject(api, request, { waitMs = 30000 } = {}) {
  const deadline = Date.now() + waitMs;
  for (let attempt = 1, delay = 100; ; attempt++, delay = Math.min(delay * 2, 2000)) {
    try {
      return await createOnce(api, '/api/v1/projects', request, `attempt ${attempt}`);
    } catch (e) {
      const unknownPlan = e instanceof ApiError && e.status === 422 && e.code === 'project.unknown-plan';
      if (!unknownPlan) throw e;
      if (Date.now() + delay > deadline) {
        e.message += ` (the projects service did not learn of the plan within ${waitMs / 1000} s)`;
        throw e;
      }
      await sleep(delay);
    }
  }
}

// ---------------------------------------------------------------------------------------------------- CLI

function parseArgs(argv) {
  const out = {
    gateway: process.env.KC_GATEWAY_URL || getProfile('dev').services.find((s) => s.name === 'gateway').url,
    concurrency: 8,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--gateway') out.gateway = value();
    else if (flag === '--concurrency') out.concurrency = Number(value());
    else if (flag === '--help' || flag === '-h') out.help = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!(Number.isInteger(out.concurrency) && out.concurrency > 0))
    throw new Error('--concurrency must be 1 or more');
  return out;
}

function isMain() {
  try {
    return (
      Boolean(process.argv[1]) &&
      realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
}

if (isMain()) {
  const t0 = Date.now();
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log('usage: node tools/seed/demo-data.mjs [--gateway URL] [--concurrency N]');
      process.exit(0);
    }
    console.log(`· loading demo data through ${args.gateway}`);
    const r = await loadDemoData(args.gateway, {
      concurrency: args.concurrency,
      log: (l) => console.log(`  ${l}`),
    });
    console.log(
      `✓ demo data: ${r.created} records written, ${r.existing} already there (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    );
  } catch (e) {
    if (process.env.KC_DEBUG) console.error(e);
    const unreachable = e instanceof ApiError && e.status === undefined;
    console.error(`✗ demo data: ${e.message}${unreachable ? ' (is the platform running? `npm start`)' : ''}`);
    process.exit(1);
  }
}
