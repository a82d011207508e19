#!/usr/bin/env node
// Demo data for the platform, loaded through the gateway's public HTTP API only (never the databases).
//
//   node tools/seed/demo-data.mjs [--gateway URL] [--concurrency 16] [--plans national-2018,...]
//     gateway: --gateway, else env KC_GATEWAY_URL, else the dev profile's (http://127.0.0.1:${GATEWAY_PORT:-3000})
//   import { loadDemoData } from './tools/seed/demo-data.mjs'
//
// Every project is driven through its real lifecycle — created, registered, appraised by its province,
// listed in the province's registration report, appraised by the plan's owner, allocated by an assignment
// decision, contracted, reported on monthly, advanced and paid, accepted, liquidated and settled — as far as
// the data set (demo-dataset.mjs) takes it: the 2018 national plan (120 billion VND, 262 projects, 261
// completed) and this year's national and provincial plans spread over every stage.
//
// Safe to rerun, also after a partial failure: records are looked up before they are written (plan by
// year/level/unit, project by title within its plan, cluster code, fair and round name), each project goes
// on from the status it has, and every write carries an Idempotency-Key derived from what it writes. Where
// another service must first learn of a fact from an event, the seed retries or polls, bounded in time.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { getProfile } from '../../deploy/profiles.mjs';
import { ApiError, createApi, createOnce, idempotencyKey, listAll, login, mapLimit, sleep } from './http.mjs';
import { buildDemoDataset, fairBooths, reaches, STAGES } from './demo-dataset.mjs';

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
 * @param {{ concurrency?: number, now?: Date, log?: (line: string) => void, plans?: string[] }} [opts]
 *   `plans`: load only the plans with these keys (e.g. ['national-2018']) and nothing else
 * @returns {Promise<{ created: number, existing: number, counts: Record<string, number>, currentYear: number,
 *   planIds: Record<string, string> }>}
 */
export async function loadDemoData(
  gatewayUrl,
  { concurrency = 16, now = new Date(), log = () => {}, plans: only } = {},
) {
  // The agency's administrator loads the national picture; every write is audited under that account.
  const central = await session(gatewayUrl, () => login(gatewayUrl, 'cuc.admin'));
  const today = todayInVietnam(now);
  const currentYear = Number(today.slice(0, 4));
  const tally = { created: 0, existing: 0 };
  const note = (created) => (created ? tally.created++ : tally.existing++);

  const [provinces2018, provincesNow] = await Promise.all([
    provinces(central, '2018-06-01'),
    provinces(central, today),
  ]);
  const data = buildDemoDataset({ provinces2018, provincesNow, currentYear, today });
  const selected = only ? data.plans.filter((p) => only.includes(p.key)) : data.plans;
  const actors = provinceActors(gatewayUrl, central, new Set(provincesNow.map((u) => u.code)));

  // Plans first: the projects service learns of them from events, which takes a moment.
  const planIds = {};
  await mapLimit(selected, concurrency, async ({ key, plan }) => {
    const { id, created } = await ensurePlan(central, plan);
    planIds[key] = id;
    note(created);
  });

  if (!only) {
    const [clusters, fairs, rounds] = await Promise.all([
      ensureAll(central, data.clusters, concurrency, {
        list: () => listAll(central, '/api/v1/clusters'),
        same: (a, b) => a.code === b.code,
        path: '/api/v1/clusters',
      }),
      ensureAll(central, data.fairs, concurrency, {
        list: () => listAll(central, `/api/v1/fairs?year=${currentYear}`),
        same: (a, b) => a.name === b.name,
        path: '/api/v1/fairs',
      }),
      ensureAll(central, data.awardRounds, concurrency, {
        list: () => listAll(central, `/api/v1/award-rounds?year=${currentYear}`),
        same: (a, b) => a.name === b.name && a.level === b.level,
        path: '/api/v1/award-rounds',
      }),
    ]);
    await ensureFairBooths(central, data.fairs, currentYear);
    for (const r of [clusters, fairs, rounds]) {
      tally.created += r.created;
      tally.existing += r.existing;
    }
  }

  let projects = 0;
  let steps = 0;
  for (const entry of selected) {
    const owner = entry.owner === 'central' ? central : await actors(entry.owner);
    const r = await drivePlan({ planId: planIds[entry.key], entry, owner, actors, concurrency, log, today });
    projects += entry.projects.length;
    steps += r.steps;
    tally.created += r.steps;
    const what =
      entry.plan.level === 'national'
        ? `national plan ${entry.plan.year}`
        : `plan ${entry.plan.year} of unit ${entry.plan.provinceCode}`;
    log(`${what}: ${entry.projects.length} projects, ${r.steps} lifecycle steps taken now`);
  }

  const counts = {
    plans: selected.length,
    projects,
    lifecycleSteps: steps,
    clusters: only ? 0 : data.clusters.length,
    fairs: only ? 0 : data.fairs.length,
    awardRounds: only ? 0 : data.awardRounds.length,
  };
  return { ...tally, counts, currentYear, planIds };
}

/**
 * An API client whose token is renewed once on a 401 (a long run outlives an access token).
 * @param {string} gatewayUrl
 * @param {() => Promise<string>} getToken
 */
async function session(gatewayUrl, getToken) {
  const headers = { authorization: `Bearer ${await getToken()}` };
  const api = createApi(gatewayUrl, { headers });
  const call = async (method, path, opts) => {
    try {
      return await api.call(method, path, opts);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
      headers.authorization = `Bearer ${await getToken()}`;
      return api.call(method, path, opts);
    }
  };
  return {
    ...api,
    call,
    get: (path) => call('GET', path),
    post: (path, body, key) => call('POST', path, { body, idempotencyKey: key }),
  };
}

/**
 * The provincial department acting for a unit code: its demo account when the code is a unit in force today,
 * else (a 2018 unit merged in 2025, e.g. 36 Nam Định) a provincial system registered as an API client bound
 * to that code, as that department's own system would have been.
 */
function provinceActors(gatewayUrl, central, currentCodes) {
  const cache = new Map();
  return (code) => {
    if (!cache.has(code)) {
      const getToken = currentCodes.has(code)
        ? () => login(gatewayUrl, `sct.${code}`)
        : provincialSystem(central, gatewayUrl, code);
      cache.set(code, session(gatewayUrl, getToken));
    }
    return cache.get(code);
  };
}

function provincialSystem(central, gatewayUrl, code) {
  let registered;
  return async () => {
    if (!registered) {
      const body = {
        name: `Hệ thống dữ liệu mẫu của Sở Công Thương (mã đơn vị ${code})`,
        role: 'province-officer',
        provinceCode: code,
        scopes: ['plans:read', 'plans:write', 'projects:read', 'projects:write'],
        rateLimitPerMinute: 100_000,
      };
      // The secret is shown once: a new client each run that needs one (a key of its own, never a replay).
      const path = '/api/v1/auth/clients';
      registered = await central.post(
        path,
        body,
        idempotencyKey(path, body, `${Date.now()}-${Math.random()}`),
      );
    }
    const token = await createApi(gatewayUrl).post('/api/v1/auth/token', {
      grant_type: 'client_credentials',
      client_id: registered.clientId,
      client_secret: registered.clientSecret,
    });
    return token.accessToken;
  };
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

/** The demo fairs' booth inventory (for the floor plan), added once: a fair with booths is left as it is. */
async function ensureFairBooths(api, fairBodies, year) {
  const fairs = await listAll(api, `/api/v1/fairs?year=${year}`);
  for (const body of fairBodies) {
    const fair = fairs.find((f) => f.name === body.name);
    const path = `/api/v1/fairs/${fair.id}/booths`;
    const present = await api.get(path);
    if ((Array.isArray(present) ? present : present.items).length > 0) continue;
    const booths = { booths: fairBooths() };
    await api.post(path, booths, idempotencyKey(path, booths));
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

// ------------------------------------------------------------------------------------ the project lifecycle

/** How long to wait for another service to learn of a fact (events through Kafka), and how often to look. */
const CONSISTENCY_WAIT_MS = 60_000;

/**
 * Retries `attempt` while it fails with a 4xx whose code says another service has not caught up yet; each try
 * has its own Idempotency-Key (the gateway replays a stored 4xx under the same key). Bounded by the wait.
 */
async function untilConsistent(what, codes, attempt) {
  const deadline = Date.now() + CONSISTENCY_WAIT_MS;
  for (let n = 1, delay = 100; ; n++, delay = Math.min(delay * 2, 2000)) {
    try {
      return await attempt(`attempt ${n}`);
    } catch (e) {
      if (!(e instanceof ApiError && codes.includes(e.code))) throw e;
      if (Date.now() + delay > deadline) {
        e.message += ` (${what}: not consistent within ${CONSISTENCY_WAIT_MS / 1000} s)`;
        throw e;
      }
      await sleep(delay);
    }
  }
}

/** Polls a project until `ready(project)`, bounded. */
async function waitForProject(api, id, what, ready) {
  const deadline = Date.now() + CONSISTENCY_WAIT_MS;
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    const project = await api.get(`/api/v1/projects/${id}`);
    if (ready(project)) return project;
    if (Date.now() + delay > deadline) {
      throw new Error(
        `project ${project.code} is still ${project.status} after ${CONSISTENCY_WAIT_MS / 1000} s, not ${what}`,
      );
    }
    await sleep(delay);
  }
}

const rankOf = (status) => (status === 'extended' ? STAGES.indexOf('in-progress') : STAGES.indexOf(status));
/** The project's status is `stage` or later along the demo's path. */
const atLeast = (project, stage) => rankOf(project.status) >= rankOf(stage);
const CRITERIA = [
  { name: 'Phù hợp với nội dung hoạt động khuyến công', passed: true },
  { name: 'Kinh phí đề nghị trong định mức hỗ trợ', passed: true },
  { name: 'Đơn vị thụ hưởng đủ điều kiện', passed: true },
];
const step5 = (v) => Math.floor(v / 5_000_000) * 5_000_000;
/** A short stable number for a set of ids: report numbers that a rerun with the same list repeats. */
const shortHash = (text) =>
  (parseInt(createHash('sha1').update(text).digest('hex').slice(0, 6), 16) % 900) + 100;

/**
 * Drive a plan's projects to the stage each has in the data set, picking up where an earlier run stopped:
 * each project's steps go in order (one province's projects one after another, so codes come out the same
 * on a fresh platform); registrations and the assignment decision are one request per province and plan.
 */
async function drivePlan({ planId, entry, owner, actors, concurrency, log, today }) {
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const { plan, projects: specs } = entry;
  const central = entry.owner === 'central';
  const counter = { steps: 0 };
  const act = async (api, path, body, salt = '') => {
    const result = await api.post(path, body, idempotencyKey(path, body, salt));
    counter.steps++;
    return result;
  };
  const present = new Map(
    (await listAll(owner, `/api/v1/projects?planId=${planId}`)).map((p) => [p.title, p]),
  );
  const byProvince = new Map();
  for (const spec of specs) {
    const code = spec.create.provinceCode;
    byProvince.set(code, [...(byProvince.get(code) ?? []), spec]);
  }
  const state = new Map(); // title → project view (as far as this run knows)
  const eachProvince = (fn) =>
    mapLimit([...byProvince.entries()], concurrency, async ([code, group]) => {
      const province = await actors(code);
      for (const spec of group) await fn(spec, province, code);
    });

  // 1. Create, register and appraise at base level.
  await eachProvince(async (spec, province) => {
    let p = present.get(spec.create.title);
    if (!p) {
      const request = { planId, ...spec.create };
      p = await untilConsistent('the plan reaching the projects service', ['project.unknown-plan'], (salt) =>
        act(central ? owner : province, '/api/v1/projects', request, salt),
      );
    }
    if (p.status === 'draft') {
      p = await act(owner, `/api/v1/projects/${p.id}/register`, {});
    }
    if (reaches(spec.target, 'base-appraised') && p.status === 'registered') {
      p = await act(province, `/api/v1/projects/${p.id}/base-appraisal`, {
        reviewer: 'Hội đồng thẩm định cấp cơ sở của Sở Công Thương',
        criteria: CRITERIA,
        result: 'passed',
        appraisedOn: spec.baseAppraisedOn,
      });
    }
    state.set(spec.create.title, p);
  });

  // 2. Each province's registration report lists its base-appraised projects.
  await mapLimit([...byProvince.entries()], concurrency, async ([code, group]) => {
    const listed = group.filter(
      (s) => reaches(s.target, 'submitted') && state.get(s.create.title).status === 'base-appraised',
    );
    if (listed.length === 0) return;
    const projectIds = listed.map((s) => state.get(s.create.title).id);
    const body = {
      provinceCode: code,
      reportNumber: `${shortHash(projectIds.join())}/BC-SCT`,
      reportDate: listed[0].baseAppraisedOn,
      projectIds,
    };
    const path = `/api/v1/plans/${planId}/registrations`;
    const submitter = central ? owner : await actors(code);
    try {
      await untilConsistent('base appraisals reaching the plans service', REGISTRATION_LAG, (salt) =>
        act(submitter, path, body, salt),
      );
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'registration.duplicate-report')) throw e; // sent by an earlier run
    }
  });

  // 3. Ministry-level appraisal by the plan's owner, once the projects service has them submitted.
  await eachProvince(async (spec) => {
    if (!reaches(spec.target, 'ministry-appraised')) return;
    let p = state.get(spec.create.title);
    if (!atLeast(p, 'submitted'))
      p = await waitForProject(owner, p.id, 'submitted', (x) => atLeast(x, 'submitted'));
    if (p.status === 'submitted') {
      p = await act(owner, `/api/v1/projects/${p.id}/ministry-appraisal`, {
        reviewer: central
          ? 'Hội đồng thẩm định của Cục Công Thương địa phương'
          : 'Hội đồng thẩm định của Sở Công Thương',
        criteria: CRITERIA,
        result: 'passed',
        appraisedSupportVnd: spec.appraisedSupportVnd,
        appraisedOn: spec.ministryAppraisedOn,
      });
    }
    state.set(spec.create.title, p);
  });

  // 4. The assignment decision allocates to every appraised project (an adjustment when a rerun adds some).
  const toAllocate = specs.filter(
    (s) => reaches(s.target, 'in-plan') && state.get(s.create.title).status === 'ministry-appraised',
  );
  if (toAllocate.length > 0) {
    const alreadyInPlan = specs.some((s) => atLeast(state.get(s.create.title), 'in-plan'));
    const allocations = toAllocate.map((s) => ({
      projectId: state.get(s.create.title).id,
      fundingSource: plan.level === 'national' ? 'KCQG' : 'KCDP',
      amountVnd: s.allocatedVnd,
    }));
    const body = {
      number: alreadyInPlan
        ? `${entry.decision.number}/BS-${shortHash(allocations.map((a) => a.projectId).join())}`
        : entry.decision.number,
      signedOn: entry.decision.signedOn,
      kind: alreadyInPlan ? 'adjustment' : 'initial',
      allocations,
    };
    try {
      await untilConsistent('ministry appraisals reaching the plans service', DECISION_LAG, (salt) =>
        act(owner, `/api/v1/plans/${planId}/decisions`, body, salt),
      );
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'decision.duplicate-number')) throw e; // made by an earlier run
    }
  }

  // 5. Contract, monthly reports and money, extension, acceptance, liquidation and settlement.
  await eachProvince(async (spec, province) => {
    if (!reaches(spec.target, 'contracted')) return;
    let p = state.get(spec.create.title);
    if (!atLeast(p, 'in-plan'))
      p = await waitForProject(owner, p.id, 'in the plan', (x) => atLeast(x, 'in-plan'));
    const path = (what) => `/api/v1/projects/${p.id}/${what}`;
    if (p.status === 'in-plan') {
      await act(owner, path('contract'), {
        mode: spec.contract.mode,
        number: `${shortHash(p.id)}/HĐ-KC`,
        signedOn: spec.contract.signedOn,
        valueVnd: spec.allocatedVnd,
        parties: [central ? 'Cục Công Thương địa phương' : 'Sở Công Thương', spec.create.implementingUnit],
      });
      p = { ...p, status: 'contracted' };
    }
    const value = spec.allocatedVnd;
    let paid = p.paidVnd ?? 0;
    for (const report of spec.reports) {
      if (p.lastProgressMonth && report.month <= p.lastProgressMonth) continue;
      if (!['contracted', 'in-progress', 'extended'].includes(p.status)) break;
      await act(owner, path('progress-reports'), {
        month: report.month,
        percentDone: report.percentDone,
        spentVnd: step5((value * report.percentDone) / 100),
        narrative: `Đã thực hiện ${report.percentDone}% khối lượng công việc theo hợp đồng.`,
        attachments: [],
      });
      p = {
        ...p,
        status: p.status === 'contracted' ? 'in-progress' : p.status,
        lastProgressMonth: report.month,
      };
      const allowed =
        spec.create.advanceCategory === 'training-events-media' ||
        (spec.create.advanceCategory === 'model-machinery' && report.percentDone > 70);
      if (spec.drawsAdvance && allowed && paid === 0) {
        const amountVnd = step5(value / 2);
        await act(owner, path('disbursements'), {
          kind: 'advance',
          amountVnd,
          on: earlier(earlier(`${report.month}-20`, spec.acceptedOn), yesterday),
          reference: `UNC-${shortHash(p.id)}`,
        });
        paid = amountVnd;
      }
    }
    if (spec.extension && p.status === 'in-progress') {
      await act(owner, path('adjustments'), { kind: 'extension', ...spec.extension });
      p = { ...p, status: 'extended' };
    }
    if (reaches(spec.target, 'accepted') && p.status === 'in-progress') {
      await act(province, path('accept'), {
        acceptedOn: spec.acceptedOn,
        result: 'Đạt yêu cầu: hoàn thành đầy đủ khối lượng và mục tiêu theo hợp đồng',
      });
      p = { ...p, status: 'accepted' };
    }
    if (reaches(spec.target, 'liquidated') && p.status === 'accepted') {
      if (paid < value) {
        await act(owner, path('disbursements'), {
          kind: 'payment',
          amountVnd: value - paid,
          on: spec.paymentOn,
          reference: `UNC-${shortHash(`${p.id}/payment`)}`,
        });
        paid = value;
      }
      await act(owner, path('liquidate'), { liquidatedOn: spec.liquidatedOn, finalValueVnd: value });
      p = { ...p, status: 'liquidated' };
    }
    if (reaches(spec.target, 'settled') && p.status === 'liquidated') {
      await act(owner, path('settle'), { settledVnd: paid, settledOn: spec.settledOn });
    }
  });
  log(`  plan ${plan.year} ${plan.level}${plan.provinceCode ? ` ${plan.provinceCode}` : ''}: done`);
  return counter;
}

const REGISTRATION_LAG = ['registration.unknown-project', 'registration.project-not-base-appraised'];
const DECISION_LAG = ['decision.unknown-project', 'decision.project-not-appraised'];
/** The earlier of two ISO dates (the second may be null). */
const earlier = (a, b) => (b !== null && b < a ? b : a);

// ---------------------------------------------------------------------------------------------------- CLI

function parseArgs(argv) {
  const out = {
    gateway: process.env.KC_GATEWAY_URL || getProfile('dev').services.find((s) => s.name === 'gateway').url,
    concurrency: 16,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--gateway') out.gateway = value();
    else if (flag === '--concurrency') out.concurrency = Number(value());
    else if (flag === '--plans') out.plans = value().split(',');
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
      console.log('usage: node tools/seed/demo-data.mjs [--gateway URL] [--concurrency N] [--plans key,…]');
      process.exit(0);
    }
    console.log(`· loading demo data through ${args.gateway}`);
    const r = await loadDemoData(args.gateway, {
      concurrency: args.concurrency,
      plans: args.plans,
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
