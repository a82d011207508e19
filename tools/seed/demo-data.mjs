#!/usr/bin/env node
// Demo data for the platform, loaded through the gateway's public HTTP API only (never the databases).
//
//   node tools/seed/demo-data.mjs [--gateway URL] [--concurrency 16] [--plans national-2018,...]
//     gateway: --gateway, else env KC_GATEWAY_URL, else the dev profile's (http://127.0.0.1:${GATEWAY_PORT:-3000})
//   import { loadDemoData } from './tools/seed/demo-data.mjs'
//
// This year's projects are driven through their real lifecycle one request at a time — created, registered,
// appraised by their province, listed in the province's registration report, appraised by the plan's owner,
// allocated by an assignment decision, contracted, reported on monthly, advanced and paid, accepted, liquidated
// and settled — as far as the data set (demo-dataset.mjs) takes each. A past year's plan (2018: 120 billion VND,
// 262 projects, 261 completed) is what a province or the agency migrates from its old records: the projects
// service's history import records each project's past in bulk, while the plans service's own steps (the
// registration reports, the assignment decision) go through its API as they would for a live plan. Next year's
// plans stand where they would today: the national one in appraisal, Hà Nội's open for registration.
//
// Beside the plans: clusters — the 13 hand-written ones and the northern region's (demo-clusters.mjs: 718 on the
// provincial lists of 14 units, 28,997.5 ha, 396 established), the last two periods' reports recorded from their
// history by each unit's department (some late, one returned and corrected, three awaiting approval), tenants of a
// few operating clusters, two petitions and an inspection (demo-clusters-loader.mjs); the Northern regional fair of 270 booths — this year's and, once that one is too
// close to book, next year's too — the one ahead open for booking on the day of the load (its window set anew
// whenever it has closed), its organiser btc.hoicho bound to it through the gateway's user API; and the awards
// (demo-awards.mjs, loaded by demo-awards-loader.mjs): the 2018 regional and 2023 national rounds run again as
// historic rounds (entered, scored by the demo jurors, published on their announcement days), this year's round in scoring with giamkhao.1–9 on its jury, and Nghệ An's provincial round scored by its
// jurors and published. The load ends with what is ready to try, for whom (demo-guide.mjs).
//
// Safe to rerun, also after a partial failure (killed, broker restarted, a refusal): records are looked up
// before they are written (plan by year/level/unit, project by title within its plan or by its legacy record,
// registrations and decisions as the plans service lists them), each project goes on from the status it has,
// and every write carries an Idempotency-Key derived from what it writes. Where a step's precondition lives in
// another service (an event has to arrive), the seed polls that state through the API, bounded in time; a 503
// (the other service's copy catching up), 429 or 409 idempotency.in-flight is sent again under the same key.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { getProfile } from '../../deploy/profiles.mjs';
import {
  ApiError,
  createApi,
  createLimiter,
  createOnce,
  idempotencyKey,
  listAll,
  login,
  mapLimit,
  sleep,
} from './http.mjs';
import { buildAwardsDataset } from './demo-awards.mjs';
import { loadAwards } from './demo-awards-loader.mjs';
import { buildPeriodicReportDemo, loadPeriodicReports } from './demo-periodic-reports.mjs';
import { buildClusterDemo } from './demo-clusters.mjs';
import { loadClusterActivity } from './demo-clusters-loader.mjs';
import { buildDemoDataset, fairBooths, reaches, STAGES } from './demo-dataset.mjs';
import { demoGuide } from './demo-guide.mjs';

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
 *   `concurrency`: requests in flight at most, over the whole run; `plans`: load only the plans with these keys
 *   (e.g. ['national-2018']) and nothing else
 * @returns {Promise<{ created: number, existing: number, counts: Record<string, number>, currentYear: number,
 *   planIds: Record<string, string>, http: { requests: number, writes: number, retries: number },
 *   guide: string[] }>} `guide`: what is ready to try, for whom (empty when only some plans were loaded)
 */
export async function loadDemoData(
  gatewayUrl,
  { concurrency = 16, now = new Date(), log = () => {}, plans: only } = {},
) {
  const t0 = Date.now();
  const http = { requests: 0, writes: 0, retries: 0 };
  const client = { gatewayUrl, limiter: createLimiter(concurrency), stats: http };
  // The agency's administrator loads the national picture; every write is audited under that account.
  const central = await session(client, () => login(gatewayUrl, 'cuc.admin'));
  const today = todayInVietnam(now);
  const currentYear = Number(today.slice(0, 4));
  const tally = { created: 0, existing: 0 };
  const note = (created) => (created ? tally.created++ : tally.existing++);
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

  const [provinces2018, provincesNow] = await Promise.all([
    provinces(central, '2018-06-01'),
    provinces(central, today),
  ]);
  const data = buildDemoDataset({ provinces2018, provincesNow, currentYear, today });
  // The hand-written clusters grow into the northern region's (the seeds' figure), with their reports and more.
  const clusterDemo = buildClusterDemo({
    handWritten: data.clusters,
    provincesNow,
    today,
    plans: data.plans,
  });
  const periodicReports = buildPeriodicReportDemo({ provincesNow, today });
  const selected = only ? data.plans.filter((p) => only.includes(p.key)) : data.plans;
  const account = accountSessions(client);
  const actors = (code) => account(`sct.${code}`);

  // Plans first: the projects service learns of them from events, which takes a moment.
  const planIds = {};
  await Promise.all(
    selected.map(async ({ key, plan }) => {
      const { id, created } = await ensurePlan(central, plan);
      planIds[key] = id;
      note(created);
    }),
  );
  log(`plans ready (${elapsed()})`);

  // Every plan goes its own way (their waits for events overlap), next to the registries.
  let steps = 0;
  let registries;
  let clusterActivity;
  let awards;
  // A past year's plan is the longest chain of waits (its import, then the other services' events, three
  // times over): its requests go before this year's step-by-step ones, and this year's plans start once its
  // records are in (they would only slow that import down; they fill its waits for the other services).
  const historical = selected.filter((e) => e.plan.year < currentYear);
  const urgent = historical.length
    ? await session(client, () => login(gatewayUrl, 'cuc.admin'), { urgent: true })
    : central;
  let recordsIn;
  const historyImported = new Promise((resolve) => (recordsIn = resolve));
  let importing = historical.length;
  const context = {
    central,
    urgent,
    actors,
    concurrency,
    log,
    today,
    currentYear,
    elapsed,
    historyImported,
    imported: () => --importing === 0 && recordsIn(),
  };
  if (importing === 0) recordsIn();
  await Promise.all([
    only
      ? null
      : ensureRegistries(central, data, tally, concurrency, now).then((r) => {
          registries = r;
          log(`fairs (one open for booking) and their organiser ready (${elapsed()})`);
        }),
    // The clusters on their own chain (700-odd registrations), so the fairs do not wait for them.
    only
      ? null
      : ensureAll(central, clusterDemo.registrations, concurrency, {
          list: () => listAll(central, '/api/v1/clusters'),
          same: (a, b) => a.code === b.code,
          path: '/api/v1/clusters',
        })
          .then((r) => {
            tally.created += r.created;
            tally.existing += r.existing;
            log(`${clusterDemo.registrations.length} clusters registered (${elapsed()})`);
            return loadClusterActivity({ central, account, concurrency, log, elapsed }, clusterDemo);
          })
          .then((r) => {
            clusterActivity = r;
            tally.created += r.created;
            tally.existing += r.existing;
            log(
              `cluster reports of ${clusterDemo.periods.map((p) => `${p.kind} ${p.year}`).join(' and ')}: ` +
                `${r.reports.created} recorded, ${r.reports.existing} there already; tenants, petitions and an ` +
                `inspection (${elapsed()})`,
            );
          }),
    only
      ? null
      : loadAwards(
          { central, urgent, account, concurrency, today, log, elapsed },
          buildAwardsDataset({ provinces2018, provincesNow, currentYear, today }),
        ).then((r) => {
          awards = r;
          tally.created += r.created;
          tally.existing += r.existing;
          log(`awards ready (${elapsed()})`);
        }),
    // The provinces' quarterly reports of the last four quarters, with their true days (history import).
    only
      ? null
      : loadPeriodicReports({ central, log }, periodicReports).then((r) => {
          tally.created += r.created;
          tally.existing += r.existing + r.conflicts;
          log(
            `periodic reports of ${periodicReports.quarters.join(', ')}: ${r.created} recorded (${elapsed()})`,
          );
        }),
    ...selected.map(async (entry) => {
      const r = await drivePlan(context, entry, planIds[entry.key]);
      steps += r.steps;
      tally.created += r.steps;
      log(
        `${describePlan(entry.plan)}: ${entry.projects.length} projects, ${r.steps} lifecycle steps taken now (${elapsed()})`,
      );
    }),
  ]);

  const counts = {
    plans: selected.length,
    projects: selected.reduce((n, e) => n + e.projects.length, 0),
    lifecycleSteps: steps,
    clusters: only ? 0 : clusterDemo.registrations.length,
    clusterReports: only ? 0 : clusterDemo.reports.reduce((n, u) => n + u.records.length, 0),
    fairs: only ? 0 : data.fairs.length,
    awardRounds: only ? 0 : awards.past.reduce((n, p) => n + p.rounds.length, 0) + awards.rounds.length,
  };
  const guide = only
    ? []
    : demoGuide({
        data,
        currentYear,
        planIds,
        ...registries,
        awards,
        clusters: { demo: clusterDemo, ...clusterActivity },
        periodicReports,
      });
  return { ...tally, counts, currentYear, planIds, http, guide };
}

const describePlan = (plan) =>
  plan.level === 'national' ? `national plan ${plan.year}` : `plan ${plan.year} of unit ${plan.provinceCode}`;

/**
 * An API client whose token is renewed once on a 401 (a long run outlives an access token); all sessions of a
 * run share one limit of requests in flight (`urgent` ones go first) and one set of counters.
 * @param {{ gatewayUrl: string, limiter: object, stats: object }} client
 * @param {() => Promise<string>} getToken
 */
async function session({ gatewayUrl, limiter, stats }, getToken, { urgent = false } = {}) {
  const headers = { authorization: `Bearer ${await getToken()}` };
  const api = createApi(gatewayUrl, { headers, limiter, stats, urgent });
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
 * A demo account's session, logged in once per run: the provincial department acting for a unit in force today
 * (sct.<code>), a juror (giamkhao.<n>).
 */
function accountSessions(client) {
  const cache = new Map();
  return (username) => {
    if (!cache.has(username))
      cache.set(
        username,
        session(client, () => login(client.gatewayUrl, username)),
      );
    return cache.get(username);
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

/**
 * Fairs (with their booths): whatever is missing; then the bookable fair's window opened if it is not open now,
 * and the demo's organiser bound to its fairs. Returns the demo's fairs and the bookable one as the service lists
 * them. (The clusters go on their own chain: see loadDemoData.)
 */
async function ensureRegistries(central, data, tally, concurrency, now) {
  const fairYears = [...new Set(data.fairs.map((f) => f.year))];
  const listFairs = async () =>
    (await Promise.all(fairYears.map((y) => listAll(central, `/api/v1/fairs?year=${y}`)))).flat();
  const results = [
    await ensureAll(central, data.fairs, concurrency, {
      list: listFairs,
      same: (a, b) => a.name === b.name,
      path: '/api/v1/fairs',
    }),
  ];
  for (const r of results) {
    tally.created += r.created;
    tally.existing += r.existing;
  }
  const fairs = await listFairs();
  const demoFairs = data.fairs.map((body) => fairs.find((f) => f.name === body.name));
  const [bookable, bound] = await Promise.all([
    ensureFairBooths(central, demoFairs).then(() => ensureBookingWindow(central, demoFairs, data, now)),
    ensureOrganiser(
      central,
      demoFairs.map((f) => f.id),
    ),
  ]);
  tally.created += bound + (bookable?.opened ? 1 : 0);
  return { fairs: demoFairs, bookableFair: bookable?.fair ?? null };
}

/** The demo fairs' booth inventory (for the floor plan), added once: a fair with booths is left as it is. */
async function ensureFairBooths(api, fairs) {
  for (const fair of fairs) {
    const path = `/api/v1/fairs/${fair.id}/booths`;
    const present = await api.get(path);
    if ((Array.isArray(present) ? present : present.items).length > 0) continue;
    const booths = { booths: fairBooths() };
    await api.post(path, booths, idempotencyKey(path, booths));
  }
}

/**
 * The bookable fair's registration window, set again only when it is not open at `now` (a window set on an
 * earlier day has closed, or none was set): the demo's businesses can always book. The key follows the window it
 * replaces, so a window changed since by hand is replaced anew rather than answered from an old record.
 */
async function ensureBookingWindow(api, fairs, data, now) {
  if (!data.bookableFair) return null;
  const fair = fairs.find((f) => f.name === data.bookableFair.name);
  const opens = Date.parse(fair.registrationOpensAt ?? '');
  const closes = Date.parse(fair.registrationClosesAt ?? '');
  if (opens <= now.getTime() && now.getTime() < closes) return { fair, opened: false };
  const path = `/api/v1/fairs/${fair.id}/registration-window`;
  const { window } = data.bookableFair;
  const key = idempotencyKey(path, window, `${fair.registrationOpensAt}/${fair.registrationClosesAt}`);
  return { fair: await api.post(path, window, key), opened: true };
}

const ORGANISER = 'btc.hoicho';

/**
 * The demo's fair organiser runs its fairs: the bindings its token carries from its next login. Bindings made
 * otherwise are kept (the set is replaced whole, so the demo's are added to it). Returns 1 if the account changed.
 * (Jurors need no binding: the awards service seats them on councils itself.)
 */
async function ensureOrganiser(api, fairIds) {
  const { items } = await api.get(`/api/v1/users?username=${ORGANISER}&limit=200`);
  const user = items.find((u) => u.username === ORGANISER);
  if (!user)
    throw new Error(`the demo account ${ORGANISER} does not exist (GET /api/v1/users?username=${ORGANISER})`);
  const missing = fairIds.filter((id) => !user.fairIds.includes(id));
  if (missing.length === 0) return 0;
  await api.call('PUT', `/api/v1/users/${user.id}/fair-bindings`, {
    body: { fairIds: [...user.fairIds, ...missing] },
  });
  return 1;
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

/**
 * How long to wait for another service to learn of a fact (events through Kafka: milliseconds normally,
 * longer while the broker restarts), and how often to look.
 */
const CONSISTENCY_WAIT_MS = 120_000;
const POLL_MS = 200;

/**
 * Retries `attempt` while it fails with a 4xx whose code says another service has not caught up yet, under
 * the same Idempotency-Key: the gateway keeps no 409/422 answer, so the key can be sent again. (The services
 * themselves now wait for their copy and answer 503 with Retry-After, which the client retries; this covers a
 * refusal read off a copy that the owner was not asked about.) Bounded by the wait.
 */
async function untilConsistent(what, codes, attempt) {
  const deadline = Date.now() + CONSISTENCY_WAIT_MS;
  for (let delay = 100; ; delay = Math.min(delay * 2, 1000)) {
    try {
      return await attempt();
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

const rankOf = (status) => (status === 'extended' ? STAGES.indexOf('in-progress') : STAGES.indexOf(status));
/** The project's status is `stage` or later along the demo's path. */
const atLeast = (project, stage) => project !== undefined && rankOf(project.status) >= rankOf(stage);
const CRITERIA = [
  { name: 'Phù hợp với nội dung hoạt động khuyến công', passed: true },
  { name: 'Kinh phí đề nghị trong định mức hỗ trợ', passed: true },
  { name: 'Đơn vị thụ hưởng đủ điều kiện', passed: true },
];
const BASE_REVIEWER = 'Hội đồng thẩm định cấp cơ sở của Sở Công Thương';
const step5 = (v) => Math.floor(v / 5_000_000) * 5_000_000;
/** A short stable number for a set of ids: report numbers that a rerun with the same list repeats. */
const shortHash = (text) =>
  (parseInt(createHash('sha1').update(text).digest('hex').slice(0, 6), 16) % 900) + 100;
const itemsOf = (page) => (Array.isArray(page) ? page : page.items);
/**
 * Records per history import request (a province's records stay together: codes follow their order), and
 * requests at a time. Small requests, several at once: each answers in a few seconds even while the projects
 * service also serves this year's step-by-step requests (the gateway gives a service 10 s), and together they
 * hold their share of it (six: the service's database pool has ten connections).
 */
const HISTORY_CHUNK = 6;
const HISTORY_REQUESTS = 6;

/**
 * Drive a plan's projects to the stage each has in the data set, picking up where an earlier run stopped. The
 * stages that wait for another service are barriers for the whole plan: the registration reports once every
 * project is base-appraised, the ministry appraisals once the projects service has them submitted, the
 * decision once they are appraised, the contracts once they are in the plan. A past year's plan is recorded
 * through the history import, this year's step by step (one province's projects one after another, so codes
 * come out the same on a fresh platform).
 */
async function drivePlan(context, entry, planId) {
  const { central, urgent, actors, concurrency, log, today, currentYear, elapsed } = context;
  const historical = entry.plan.year < currentYear;
  const byProvince = new Map();
  for (const spec of entry.projects) {
    const code = spec.create.provinceCode;
    byProvince.set(code, [...(byProvince.get(code) ?? []), spec]);
  }
  if (!historical) {
    // The provinces' logins meanwhile (the sessions are kept): they are not what the import waits for.
    for (const code of byProvince.keys()) actors(code).catch(() => undefined);
    await context.historyImported;
  }
  const owner = entry.owner !== 'central' ? await actors(entry.owner) : historical ? urgent : central;
  const plan = { id: planId, entry, owner, central: entry.owner === 'central', historical };
  const counter = { steps: 0 };
  const state = new Map(); // title → the project as the projects service last listed it
  const refresh = async () => {
    for (const p of await listAll(owner, `/api/v1/projects?planId=${planId}`)) state.set(p.title, p);
  };
  const specsAt = (status, stage) =>
    entry.projects.filter((s) => reaches(s.target, stage) && state.get(s.create.title)?.status === status);
  const phase = (what) => log(`  ${describePlan(entry.plan)}: ${what} (${elapsed()})`);

  await refresh();
  // 1. Created, registered and appraised by the province (a past year's: its records imported by whole
  //    provinces, several requests at once).
  if (historical) {
    const due = entry.projects.filter((s) => !atLeast(state.get(s.create.title), 'base-appraised'));
    try {
      await importHistory(plan, due, 'base', state, counter);
    } finally {
      context.imported();
    }
  } else await createAndAppraise(plan, byProvince, state, actors, concurrency, counter);
  phase('projects registered and base-appraised');

  // 2. Each province's registration report lists its base-appraised projects; the projects service then has
  //    them submitted (its plans event).
  await refresh();
  const listed = await submitRegistrations(plan, byProvince, state, actors, concurrency, counter);
  await waitForStage(owner, planId, state, listed, 'base-appraised', 'submitted');
  phase('registration reports in, projects submitted');

  // 3. Ministry-level appraisal by the plan's owner.
  const submitted = specsAt('submitted', 'ministry-appraised');
  if (historical) await importHistory(plan, submitted, 'ministry', state, counter);
  else await ministryAppraisals(plan, submitted, state, concurrency, counter);

  // 4. The assignment decision allocates to every appraised project; the projects service then has them in
  //    the plan (its plans event).
  await refresh();
  const allocated = await decide(plan, specsAt('ministry-appraised', 'in-plan'), state, counter);
  await waitForStage(owner, planId, state, allocated, 'ministry-appraised', 'in-plan');
  phase('appraised and allocated');

  // 5. Contract, monthly reports and money, extension, acceptance, liquidation and settlement.
  const inPlan = specsAt('in-plan', 'contracted');
  if (historical) await importHistory(plan, inPlan, 'execution', state, counter);
  else {
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const specs = entry.projects.filter(
      (s) => reaches(s.target, 'contracted') && atLeast(state.get(s.create.title), 'in-plan'),
    );
    await mapLimit(specs, concurrency, async (spec) => {
      const province = await actors(spec.create.provinceCode);
      await resuming(owner, state.get(spec.create.title), (p) =>
        execute(plan, spec, p, province, yesterday, counter),
      );
    });
  }
  phase('contracts to settlements recorded');
  return counter;
}

/** Projects created, registered and base-appraised through the lifecycle API, each province in order. */
async function createAndAppraise(plan, byProvince, state, actors, concurrency, counter) {
  await mapLimit([...byProvince.entries()], concurrency, async ([code, group]) => {
    const province = await actors(code);
    for (const spec of group) {
      let p = state.get(spec.create.title);
      if (!p) {
        const request = { planId: plan.id, ...spec.create };
        p = await untilConsistent('the plan reaching the projects service', ['project.unknown-plan'], () =>
          act(counter, plan.central ? plan.owner : province, '/api/v1/projects', request),
        );
      }
      p = await resuming(plan.owner, p, async (q) => {
        if (reaches(spec.target, 'registered') && q.status === 'draft')
          q = await act(counter, plan.owner, `/api/v1/projects/${q.id}/register`, {});
        if (reaches(spec.target, 'base-appraised') && q.status === 'registered') {
          q = await act(counter, province, `/api/v1/projects/${q.id}/base-appraisal`, {
            reviewer: BASE_REVIEWER,
            criteria: CRITERIA,
            result: 'passed',
            appraisedOn: spec.baseAppraisedOn,
          });
        }
        return q;
      });
      state.set(spec.create.title, p);
    }
  });
}

/**
 * A project's next steps, `steps(project)`; if one is refused after an attempt that got no answer (the gateway
 * gave up waiting, the service may have done it all the same, and the retry is refused for that very reason),
 * they go on once from where the project stands now — as a rerun of the loader would.
 */
async function resuming(api, project, steps) {
  try {
    return await steps(project);
  } catch (e) {
    if (!(e instanceof ApiError && e.uncertain && (e.status === 409 || e.status === 422))) throw e;
    return steps(await api.get(`/api/v1/projects/${project.id}`));
  }
}

/** One write under a key derived from what it writes; counted as one lifecycle step. */
async function act(counter, api, path, body) {
  const result = await api.post(path, body, idempotencyKey(path, body));
  counter.steps++;
  return result;
}

/**
 * A registration report per province for its base-appraised projects that no report of the plan lists yet
 * (as the plans service has them: it owns the reports). Returns the titles listed, now or before.
 */
async function submitRegistrations(plan, byProvince, state, actors, concurrency, counter) {
  const reports = itemsOf(await plan.owner.get(`/api/v1/plans/${plan.id}/registrations`));
  const alreadyListed = new Set(reports.flatMap((r) => r.projectIds));
  const titles = [];
  await mapLimit([...byProvince.entries()], concurrency, async ([code, group]) => {
    const due = group.filter(
      (s) => reaches(s.target, 'submitted') && state.get(s.create.title)?.status === 'base-appraised',
    );
    titles.push(...due.map((s) => s.create.title));
    const listed = due.filter((s) => !alreadyListed.has(state.get(s.create.title).id));
    if (listed.length === 0) return;
    const projectIds = listed.map((s) => state.get(s.create.title).id);
    const reportDate = listed[0].baseAppraisedOn;
    const body = {
      provinceCode: code,
      reportNumber: `${shortHash(projectIds.join())}/BC-SCT`,
      reportDate,
      // The department sent its report the day it is dated: lateness is judged on that day, not on today.
      ...(reportDate <= todayInVietnam() ? { sentOn: reportDate } : {}),
      projectIds,
    };
    const path = `/api/v1/plans/${plan.id}/registrations`;
    const submitter = plan.central ? plan.owner : await actors(code);
    try {
      await untilConsistent('base appraisals reaching the plans service', REGISTRATION_LAG, () =>
        act(counter, submitter, path, body),
      );
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'registration.duplicate-report')) throw e; // sent by an earlier run
    }
  });
  return titles;
}

async function ministryAppraisals(plan, specs, state, concurrency, counter) {
  await mapLimit(specs, concurrency, async (spec) => {
    const p = state.get(spec.create.title);
    const appraised = await act(
      counter,
      plan.owner,
      `/api/v1/projects/${p.id}/ministry-appraisal`,
      ministryAppraisal(plan, spec),
    );
    state.set(spec.create.title, appraised);
  });
}

const ministryAppraisal = (plan, spec) => ({
  reviewer: plan.central
    ? 'Hội đồng thẩm định của Cục Công Thương địa phương'
    : 'Hội đồng thẩm định của Sở Công Thương',
  criteria: CRITERIA,
  result: 'passed',
  appraisedSupportVnd: spec.appraisedSupportVnd,
  appraisedOn: spec.ministryAppraisedOn,
});

/**
 * The assignment decision for the appraised projects that no decision of the plan allocates yet (as the plans
 * service lists them): the data set's decision, or an adjustment when the plan has one already. Returns the
 * titles allocated, now or before.
 */
async function decide(plan, specs, state, counter) {
  const { entry } = plan;
  const decisions = itemsOf(await plan.owner.get(`/api/v1/plans/${plan.id}/decisions`));
  const allocatedIds = new Set(decisions.flatMap((d) => d.allocations.map((a) => a.projectId)));
  const toAllocate = specs.filter((s) => !allocatedIds.has(state.get(s.create.title).id));
  if (toAllocate.length > 0) {
    const allocations = toAllocate.map((s) => ({
      projectId: state.get(s.create.title).id,
      fundingSource: entry.plan.level === 'national' ? 'KCQG' : 'KCDP',
      amountVnd: s.allocatedVnd,
    }));
    const first = decisions.length === 0;
    const body = {
      number: first
        ? entry.decision.number
        : `${entry.decision.number}/BS-${shortHash(allocations.map((a) => a.projectId).join())}`,
      signedOn: entry.decision.signedOn,
      kind: first ? 'initial' : 'adjustment',
      allocations,
    };
    try {
      await untilConsistent('ministry appraisals reaching the plans service', DECISION_LAG, () =>
        act(counter, plan.owner, `/api/v1/plans/${plan.id}/decisions`, body),
      );
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'decision.duplicate-number')) throw e; // made by an earlier run
    }
  }
  return specs.map((s) => s.create.title);
}

/**
 * Polls the plan's projects until none of `titles` is still `before` (an event from the plans service moves
 * them on to `stage`), bounded; then the state holds them as listed.
 */
async function waitForStage(api, planId, state, titles, before, stage) {
  if (titles.length === 0) return;
  const ids = new Set(titles.map((t) => state.get(t).id));
  const deadline = Date.now() + CONSISTENCY_WAIT_MS;
  for (;;) {
    const lagging = (await listAll(api, `/api/v1/projects?planId=${planId}&status=${before}`)).filter((p) =>
      ids.has(p.id),
    );
    if (lagging.length === 0) break;
    if (Date.now() + POLL_MS > deadline) {
      throw new Error(
        `${lagging.length} projects (e.g. ${lagging[0].code}) are still ${before} after ${CONSISTENCY_WAIT_MS / 1000} s, not ${stage}`,
      );
    }
    await sleep(POLL_MS);
  }
  for (const p of await listAll(api, `/api/v1/projects?planId=${planId}`)) state.set(p.title, p);
}

/** One project of this year from its contract to where the data set takes it, step by step. */
async function execute(plan, spec, p, province, yesterday, counter) {
  const { owner } = plan;
  const path = (what) => `/api/v1/projects/${p.id}/${what}`;
  const step = (api, what, body) => act(counter, api, path(what), body);
  if (p.status === 'in-plan') {
    await step(owner, 'contract', contractOf(plan, spec, shortHash(p.id)));
    p = { ...p, status: 'contracted' };
  }
  const value = spec.allocatedVnd;
  let paid = p.paidVnd ?? 0;
  for (const report of spec.reports) {
    if (p.lastProgressMonth && report.month <= p.lastProgressMonth) continue;
    if (!['contracted', 'in-progress', 'extended'].includes(p.status)) break;
    await step(owner, 'progress-reports', reportOf(report, value));
    p = {
      ...p,
      status: p.status === 'contracted' ? 'in-progress' : p.status,
      lastProgressMonth: report.month,
    };
    if (drawsAdvanceWith(spec, report) && paid === 0) {
      const advance = advanceOf(spec, report, earlier(`${report.month}-20`, yesterday), shortHash(p.id));
      await step(owner, 'disbursements', advance);
      paid = advance.amountVnd;
    }
  }
  if (spec.extension && p.status === 'in-progress') {
    await step(owner, 'adjustments', { kind: 'extension', ...spec.extension });
    p = { ...p, status: 'extended' };
  }
  if (reaches(spec.target, 'accepted') && p.status === 'in-progress') {
    await step(province, 'accept', acceptanceOf(spec));
    p = { ...p, status: 'accepted' };
  }
  if (reaches(spec.target, 'liquidated') && p.status === 'accepted') {
    if (paid < value) {
      await step(owner, 'disbursements', paymentOf(spec, value - paid, shortHash(`${p.id}/payment`)));
      paid = value;
    }
    await step(owner, 'liquidate', { liquidatedOn: spec.liquidatedOn, finalValueVnd: value });
    p = { ...p, status: 'liquidated' };
  }
  if (reaches(spec.target, 'settled') && p.status === 'liquidated') {
    await step(owner, 'settle', { settledVnd: paid, settledOn: spec.settledOn });
  }
}

const contractOf = (plan, spec, number) => ({
  mode: spec.contract.mode,
  number: `${number}/HĐ-KC`,
  signedOn: spec.contract.signedOn,
  valueVnd: spec.allocatedVnd,
  parties: [plan.central ? 'Cục Công Thương địa phương' : 'Sở Công Thương', spec.create.implementingUnit],
});
const reportOf = (report, value) => ({
  month: report.month,
  percentDone: report.percentDone,
  spentVnd: step5((value * report.percentDone) / 100),
  narrative: `Đã thực hiện ${report.percentDone}% khối lượng công việc theo hợp đồng.`,
  attachments: [],
});
/** An advance once the rule allows it: training/events/media any time, models/machinery after > 70% reported. */
const drawsAdvanceWith = (spec, report) =>
  spec.drawsAdvance &&
  (spec.create.advanceCategory === 'training-events-media' ||
    (spec.create.advanceCategory === 'model-machinery' && report.percentDone > 70));
const advanceOf = (spec, report, notAfter, number) => ({
  kind: 'advance',
  amountVnd: step5(spec.allocatedVnd / 2),
  on: earlier(notAfter, spec.acceptedOn),
  reference: `UNC-${number}`,
});
const paymentOf = (spec, amountVnd, number) => ({
  kind: 'payment',
  amountVnd,
  on: spec.paymentOn,
  reference: `UNC-${number}`,
});
const acceptanceOf = (spec) => ({
  acceptedOn: spec.acceptedOn,
  result: 'Đạt yêu cầu: hoàn thành đầy đủ khối lượng và mục tiêu theo hợp đồng',
});

// ------------------------------------------------------------------------------------ a past year's records

/**
 * Records a past year's projects through the history import, the part `part` of each record: `base` (the
 * project itself and its base appraisal), `ministry` (the ministry appraisal) or `execution` (contract to
 * settlement). Each request holds whole provinces (their projects' codes follow the record order); the
 * projects service writes each record whole or not at all and says where its project stands, which the state
 * takes over.
 */
async function importHistory(plan, specs, part, state, counter) {
  if (specs.length === 0) return;
  const index = new Map(plan.entry.projects.map((s, i) => [s, i]));
  const chunks = [];
  for (const spec of specs) {
    const last = chunks.at(-1);
    const sameProvince = last && last.at(-1).create.provinceCode === spec.create.provinceCode;
    if (last && (last.length < HISTORY_CHUNK || sameProvince)) last.push(spec);
    else chunks.push([spec]);
  }
  const path = '/api/v1/projects/history-imports';
  const problems = [];
  await mapLimit(chunks, HISTORY_REQUESTS, async (chunk) => {
    const body = { planId: plan.id, records: chunk.map((s) => historyRecord(plan, s, index.get(s), part)) };
    const answer = await untilConsistent(
      'the plan reaching the projects service',
      ['project.unknown-plan'],
      () => plan.owner.post(path, body, idempotencyKey(path, body)),
    );
    counter.steps += answer.recorded;
    answer.results.forEach((r, i) => {
      const title = chunk[i].create.title;
      if (r.projectId)
        state.set(title, { ...state.get(title), id: r.projectId, code: r.code, status: r.status, title });
    });
    for (const r of answer.results)
      problems.push(...r.problems.map((p) => `${r.legacyRef} ${p.field}: ${p.rule} ${p.message}`));
  });
  if (problems.length > 0) {
    throw new Error(
      `history import refused ${problems.length} records; first: ${problems.slice(0, 3).join(' | ')}`,
    );
  }
}

/** A data-set project as the old records would have it (identified by its place in the plan's list). */
function historyRecord(plan, spec, i, part) {
  const legacyRef = `${plan.entry.key}/${String(i + 1).padStart(3, '0')}`;
  if (part === 'base') {
    return {
      legacyRef,
      project: spec.create,
      ...(reaches(spec.target, 'base-appraised')
        ? {
            baseAppraisal: {
              reviewer: BASE_REVIEWER,
              criteria: CRITERIA,
              result: 'passed',
              appraisedOn: spec.baseAppraisedOn,
            },
          }
        : {}),
    };
  }
  if (part === 'ministry') return { legacyRef, ministryAppraisal: ministryAppraisal(plan, spec) };
  const value = spec.allocatedVnd;
  const reports = [];
  const disbursements = [];
  let paid = 0;
  for (const report of spec.reports) {
    // Received on the 20th: on time (reports are due by the 25th).
    const receivedOn = `${report.month}-20`;
    reports.push({ ...reportOf(report, value), receivedOn });
    if (drawsAdvanceWith(spec, report) && paid === 0) {
      disbursements.push(advanceOf(spec, report, receivedOn, shortHash(legacyRef)));
      paid = disbursements[0].amountVnd;
    }
  }
  if (reaches(spec.target, 'liquidated') && paid < value) {
    disbursements.push(paymentOf(spec, value - paid, shortHash(`${legacyRef}/payment`)));
    paid = value;
  }
  return {
    legacyRef,
    contract: contractOf(plan, spec, shortHash(legacyRef)),
    reports,
    disbursements,
    ...(spec.extension ? { extension: spec.extension } : {}),
    ...(reaches(spec.target, 'accepted') ? { acceptance: acceptanceOf(spec) } : {}),
    ...(reaches(spec.target, 'liquidated')
      ? { liquidation: { liquidatedOn: spec.liquidatedOn, finalValueVnd: value } }
      : {}),
    ...(reaches(spec.target, 'settled')
      ? { settlement: { settledVnd: paid, settledOn: spec.settledOn } }
      : {}),
  };
}

const REGISTRATION_LAG = ['registration.unknown-project', 'registration.project-not-base-appraised'];
const DECISION_LAG = [
  'decision.unknown-project',
  'decision.project-not-appraised',
  'decision.over-appraised-support',
];
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
    const { requests, writes, retries } = r.http;
    console.log(
      `✓ demo data: ${r.counts.lifecycleSteps} lifecycle steps, ${r.created} records written, ${r.existing} already ` +
        `there; ${writes} writes in ${requests} requests (${retries} retried) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    for (const line of r.guide) console.log(line);
  } catch (e) {
    if (process.env.KC_DEBUG) console.error(e);
    const unreachable = e instanceof ApiError && e.status === undefined;
    console.error(`✗ demo data: ${e.message}${unreachable ? ' (is the platform running? `npm start`)' : ''}`);
    process.exit(1);
  }
}
