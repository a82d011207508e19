/**
 * One chaos scenario: a year of its own (so the conference view of that year holds only its facts), prepared
 * under calm conditions, then a mixed write load during which a fault is injected, then the verdict —
 * ground truth read from the owning services' databases, compared with what the read models show.
 */
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConferenceReport } from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import { handledTwice, query, unpublished } from './db';
import { deadLetters } from './faults';
import { chaosEnv, healthOf, Session } from './gateway';
import { Load, type Operation, type WriteEntry } from './load';

/** Records are dated today in Vietnam: a record is never dated in the future. */
const TODAY = vietnamDate(new Date());
/** Provincial departments that drive the load (units in force today). */
const LOAD_PROVINCES = ['01', '40', '79', '48', '31', '92'];
const POOL_PROVINCE = '40';
const POOL_SUPPORT_VND = 250_000_000;

export interface Sizes {
  /** Projects created and registered during the load (two writes each). */
  projects: number;
  /** Plan-assignment decisions during the load, each on a project prepared beforehand. */
  decisions: number;
  /** Booth requests confirmed during the load (two writes each). */
  bookings: number;
  clusters: number;
  /** Provincial award rounds (one per province and year: at most 34). */
  awardRounds: number;
}

export interface FaultWindow {
  label: string;
  from: number;
  to: number;
}

export interface ScenarioDefinition {
  name: string;
  year: number;
  sizes: Sizes;
  clients: number;
  opsPerSecond: number;
  /** Injects the fault(s) while the load runs; resolves with when each lasted. */
  inject: (load: Load) => Promise<FaultWindow[]>;
}

export interface Figures {
  name: string;
  writes: number;
  acknowledged: number;
  ackedDuringFaults: number;
  /** Acknowledged writes whose effect the read models show after recovery. */
  visible: number;
  duplicates: number;
  /** Acknowledged writes whose effect is missing from the owning service. */
  lost: number;
  /** Writes not acknowledged whose effect committed all the same (the answer was lost on the way). */
  committedUnacknowledged: number;
  /** Writes neither acknowledged nor committed. */
  failed: number;
  retried: number;
  /** From the end of the last fault until every service is healthy and the backlog is published. */
  recoveryMs: number | null;
  /**
   * From the end of the load (or of the last fault, if later) until the read models equal the ground truth
   * and every outbox is empty.
   */
  convergedMs: number | null;
  deadLetters: number;
  faults: { label: string; ms: number; ackedDuring: number }[];
  problems: string[];
}

interface Year {
  year: number;
  agency: Session;
  officers: Map<string, Session>;
  planId: string;
  fairId: string;
  pool: string[];
  provinces: string[];
}

// ------------------------------------------------------------------------------------------- preparation

async function mustWrite(by: Session, path: string, body: unknown, key: string): Promise<{ id: string }> {
  const result = await by.write<{ id: string }>(path, body, key, 120_000);
  if (!result.acked || !result.body)
    throw new Error(`preparing: POST ${path} → ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

const taxCode = (year: number, group: number, index: number) =>
  `${year % 100}${group}${String(index).padStart(7, '0')}`.padStart(10, '9');

function projectBody(planId: string, year: number, provinceCode: string, tag: string, taxCodeOf: string) {
  return {
    planId,
    title: `Hỗ trợ máy móc thiết bị tiên tiến trong sản xuất gốm sứ — ${tag}`,
    kind: 'ordinary',
    activityContents: [3],
    implementingUnit: 'Trung tâm Khuyến công',
    provinceCode,
    startDate: `${year}-03-01`,
    endDate: `${year}-11-30`,
    kcqgVnd: 300_000_000,
    kcdpVnd: 0,
    counterpartVnd: 500_000_000,
    otherVnd: 0,
    procurementMode: 'selection',
    advanceCategory: 'model-machinery',
    beneficiaries: [{ taxCode: taxCodeOf, name: 'Hợp tác xã gốm sứ', legalForm: 'cooperative' }],
  };
}

const criteria = [{ name: 'Phù hợp nội dung khuyến công', passed: true }];

/** The year's national plan, a fair open for booking, and projects ready for a plan-assignment decision. */
async function prepareYear(def: ScenarioDefinition, prefix: string): Promise<Year> {
  const { year, sizes } = def;
  let keys = 0;
  const key = () => `${prefix}-setup-${++keys}`;
  const agency = new Session('cuc.canbo');
  const officers = new Map(LOAD_PROVINCES.map((code) => [code, new Session(`sct.${code}`)]));
  const reference = await agency.get<{ items: { code: string }[] }>('/api/v1/reference/provinces');
  const provinces = reference.body.items.map((p) => p.code);

  const plan = await mustWrite(
    agency,
    '/api/v1/plans',
    { year, level: 'national', budgetVnd: 900_000_000_000 },
    key(),
  );
  const boothCount = sizes.bookings;
  const fair = await mustWrite(
    agency,
    '/api/v1/fairs',
    {
      name: `Hội chợ triển lãm hàng CNNT tiêu biểu toàn quốc ${year}`,
      year,
      scale: 'national',
      provinceCode: '01',
      startDate: `${year}-10-02`,
      endDate: `${year}-10-05`,
      boothCount,
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
      holdMinutes: 1_440,
    },
    key(),
  );
  await mustWrite(
    agency,
    `/api/v1/fairs/${fair.id}/booths`,
    {
      booths: Array.from({ length: boothCount }, (_, i) => ({
        code: `C-${String(i + 1).padStart(3, '0')}`,
        hall: 'Nhà C',
        rentVnd: 10_000_000,
        layout: { x: (i % 20) * 3, y: Math.floor(i / 20) * 3, w: 3, h: 3 },
      })),
    },
    key(),
  );

  // Projects for the decisions: drafted, registered and base-appraised by Nghệ An, reported to the plan,
  // appraised by the agency — each step waiting for the event the next one depends on.
  await until('projects knows the plan', async () =>
    (await query('projects', 'SELECT 1 FROM plan_ref WHERE id = $1', [plan.id])).length === 1 ? true : false,
  );
  const ngheAn = officers.get(POOL_PROVINCE)!;
  const pool = await Promise.all(
    Array.from({ length: sizes.decisions }, async (_, i) => {
      const body = projectBody(
        plan.id,
        year,
        POOL_PROVINCE,
        `${prefix} dự án quyết định ${i + 1}`,
        taxCode(year, 9, i),
      );
      const project = await mustWrite(ngheAn, '/api/v1/projects', body, key());
      await mustWrite(ngheAn, `/api/v1/projects/${project.id}/register`, {}, key());
      await mustWrite(
        ngheAn,
        `/api/v1/projects/${project.id}/base-appraisal`,
        { reviewer: 'Sở Công Thương Nghệ An', criteria, result: 'passed', appraisedOn: TODAY },
        key(),
      );
      return project.id;
    }),
  );
  await until('plans has seen the base appraisals', async () => {
    const rows = await query(
      'plans',
      `SELECT 1 FROM project_ref WHERE project_id = ANY($1) AND status = 'base-appraised'`,
      [pool],
    );
    return rows.length === pool.length;
  });
  await mustWrite(
    ngheAn,
    `/api/v1/plans/${plan.id}/registrations`,
    { provinceCode: POOL_PROVINCE, reportNumber: `${year}/BC-SCT`, reportDate: TODAY, projectIds: pool },
    key(),
  );
  await until('projects has seen the registration report', async () => {
    const rows = await query(
      'projects',
      `SELECT 1 FROM project WHERE id = ANY($1) AND status = 'submitted'`,
      [pool],
    );
    return rows.length === pool.length;
  });
  await Promise.all(
    pool.map((id) =>
      mustWrite(
        agency,
        `/api/v1/projects/${id}/ministry-appraisal`,
        {
          reviewer: 'Cục Công Thương địa phương',
          criteria,
          result: 'passed',
          appraisedSupportVnd: POOL_SUPPORT_VND,
          appraisedOn: TODAY,
        },
        key(),
      ),
    ),
  );
  await until('plans has seen the ministry appraisals', async () => {
    const rows = await query(
      'plans',
      `SELECT 1 FROM project_ref WHERE project_id = ANY($1) AND appraised_support_vnd IS NOT NULL`,
      [pool],
    );
    return rows.length === pool.length;
  });
  await until(
    'reporting knows the fair',
    async () =>
      (await query('reporting', 'SELECT 1 FROM fair_projection WHERE fair_id = $1', [fair.id])).length === 1,
  );
  return { year, agency, officers, planId: plan.id, fairId: fair.id, pool, provinces };
}

// ------------------------------------------------------------------------------------------- the load

/** The load's operations, kinds interleaved so every service is written to all along. */
function operations(y: Year, sizes: Sizes, prefix: string): Operation[] {
  const officer = (i: number) => {
    const code = LOAD_PROVINCES[i % LOAD_PROVINCES.length];
    return { code, by: y.officers.get(code)! };
  };
  const queues: Operation[][] = [
    Array.from(
      { length: sizes.projects },
      (_, i): Operation =>
        async (write) => {
          const { code, by } = officer(i);
          const tag = `${prefix} dự án ${i + 1}`;
          const created = await write(
            'project.create',
            by,
            '/api/v1/projects',
            projectBody(y.planId, y.year, code, tag, taxCode(y.year, 1, i)),
            { subject: tag },
          );
          if (created.entityId)
            await write(
              'project.register',
              by,
              `/api/v1/projects/${created.entityId}/register`,
              {},
              {
                subject: created.entityId,
              },
            );
        },
    ),
    y.pool.map(
      (projectId, i): Operation =>
        async (write) => {
          await write(
            'plan.decision',
            y.agency,
            `/api/v1/plans/${y.planId}/decisions`,
            {
              number: `${i + 1}/QĐ-BCT-${prefix}`,
              signedOn: TODAY,
              kind: 'initial',
              allocations: [{ projectId, fundingSource: 'KCQG', amountVnd: POOL_SUPPORT_VND }],
            },
            { subject: projectId },
          );
        },
    ),
    Array.from(
      { length: sizes.bookings },
      (_, i): Operation =>
        async (write) => {
          const { code, by } = officer(i);
          const facilityTaxCode = taxCode(y.year, 2, i);
          const requested = await write(
            'booking.request',
            by,
            `/api/v1/fairs/${y.fairId}/registrations`,
            {
              facility: {
                taxCode: facilityTaxCode,
                name: 'Cơ sở mây tre đan',
                provinceCode: code,
                legalForm: 'household-business',
              },
              products: [{ name: 'Mây tre đan xuất khẩu' }],
              boothCount: 1,
            },
            { subject: facilityTaxCode },
          );
          if (requested.entityId)
            await write(
              'booking.confirm',
              by,
              `/api/v1/fairs/${y.fairId}/registrations/${requested.entityId}/confirm`,
              {},
              {
                subject: requested.entityId,
              },
            );
        },
    ),
    Array.from(
      { length: sizes.clusters },
      (_, i): Operation =>
        async (write) => {
          const { code, by } = officer(i);
          const clusterCode = `CCN-${code}-${prefix.toUpperCase()}-${i + 1}`;
          await write(
            'cluster.register',
            by,
            '/api/v1/clusters',
            {
              code: clusterCode,
              name: `Cụm công nghiệp ${clusterCode}`,
              provinceCode: code,
              status: 'operating',
              establishment: {
                number: `${i + 1}/QĐ-UBND`,
                date: '2018-06-15',
                authority: 'provincial-peoples-committee',
                issuedBy: 'Ủy ban nhân dân tỉnh',
              },
              totalAreaHa: 48.5,
            },
            { subject: clusterCode },
          );
        },
    ),
    y.provinces.slice(0, sizes.awardRounds).map(
      (code): Operation =>
        async (write) => {
          await write(
            'award-round.open',
            y.agency,
            '/api/v1/award-rounds',
            {
              name: `Bình chọn sản phẩm CNNT tiêu biểu năm ${y.year} — ${code}`,
              year: y.year,
              level: 'provincial',
              provinceCode: code,
            },
            { subject: code },
          );
        },
    ),
  ];
  if (queues[4].length < sizes.awardRounds)
    throw new Error(`only ${queues[4].length} provinces for award rounds`);
  // Interleave in proportion: operation k of a queue of n goes at position (k + 0.5) / n of the load.
  return queues
    .flatMap((queue) => queue.map((op, k) => ({ op, at: (k + 0.5) / queue.length })))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.op);
}

// ------------------------------------------------------------------------------------------- the verdict

interface Truth {
  projects: { id: string; title: string; status: string; requested: number }[];
  decisions: { id: string; number: string; projectId: string; delta: number }[];
  registrations: { id: string; state: string; booths: number; taxCode: string }[];
  clusters: { id: string; code: string }[];
  rounds: { id: string; provinceCode: string }[];
  fairs: number;
}

async function groundTruth(year: number): Promise<Truth> {
  const [projects, decisions, registrations, clusters, rounds, fairs] = await Promise.all([
    query<Truth['projects'][number]>(
      'projects',
      `SELECT id, title, status, requested_support_vnd::float8 AS requested FROM project WHERE plan_year = $1`,
      [year],
    ),
    query<Truth['decisions'][number]>(
      'plans',
      `SELECT d.id, d.number, a.project_id AS "projectId", (a.amount_vnd - a.previous_vnd)::float8 AS delta
         FROM assignment_decision d JOIN decision_allocation a ON a.decision_id = d.id
         JOIN annual_plan p ON p.id = d.plan_id WHERE p.year = $1`,
      [year],
    ),
    query<Truth['registrations'][number]>(
      'trade-fairs',
      `SELECT r.id, r.state, r.booth_count AS booths, r.facility_tax_code AS "taxCode"
         FROM fair_registration r JOIN trade_fair f ON f.id = r.fair_id WHERE f.year = $1`,
      [year],
    ),
    query<Truth['clusters'][number]>('clusters', `SELECT id, code FROM industrial_cluster`),
    query<Truth['rounds'][number]>(
      'awards',
      `SELECT id, province_code AS "provinceCode" FROM award_round WHERE year = $1 AND level = 'provincial'`,
      [year],
    ),
    query<{ n: number }>('trade-fairs', `SELECT count(*)::int AS n FROM trade_fair WHERE year = $1`, [year]),
  ]);
  return { projects, decisions, registrations, clusters, rounds, fairs: fairs[0].n };
}

interface ReadModels {
  projects: Map<string, string>;
  decisions: Set<string>;
  booths: Set<string>;
  clusters: Set<string>;
  rounds: Set<string>;
}

async function readModels(year: number): Promise<ReadModels> {
  const [projects, decisions, booths, clusters, rounds] = await Promise.all([
    query<{ id: string; status: string }>(
      'reporting',
      `SELECT project_id AS id, status FROM project_projection WHERE plan_year = $1`,
      [year],
    ),
    query<{ id: string }>(
      'reporting',
      `SELECT decision_id AS id FROM allocation_projection WHERE plan_year = $1`,
      [year],
    ),
    query<{ id: string }>(
      'reporting',
      `SELECT registration_id AS id FROM booth_projection WHERE fair_year = $1 AND cancelled_at IS NULL`,
      [year],
    ),
    query<{ id: string }>('reporting', `SELECT cluster_id AS id FROM cluster_projection`),
    query<{ id: string }>('reporting', `SELECT round_id AS id FROM award_round_projection WHERE year = $1`, [
      year,
    ]),
  ]);
  return {
    projects: new Map(projects.map((p) => [p.id, p.status])),
    decisions: new Set(decisions.map((d) => d.id)),
    booths: new Set(booths.map((b) => b.id)),
    clusters: new Set(clusters.map((c) => c.id)),
    rounds: new Set(rounds.map((r) => r.id)),
  };
}

const IN_PLAN = new Set([
  'in-plan',
  'contracted',
  'in-progress',
  'extended',
  'accepted',
  'liquidated',
  'settled',
]);

/** What the national conference view must show for the year, from the ground truth. */
function expectedTotals(t: Truth) {
  const counted = t.projects.filter((p) => p.status !== 'draft');
  return {
    projects: counted.length,
    requestedSupportVnd: counted.reduce((sum, p) => sum + p.requested, 0),
    projectsInPlan: counted.filter((p) => IN_PLAN.has(p.status)).length,
    allocatedVnd: t.decisions.reduce((sum, d) => sum + d.delta, 0),
    boothsAllocated: t.registrations.filter((r) => r.state === 'allocated').reduce((s, r) => s + r.booths, 0),
    clustersRegistered: t.clusters.length,
    provincialAwardRounds: t.rounds.length,
    fairsHosted: t.fairs,
  };
}

type Totals = ReturnType<typeof expectedTotals>;

/** Differences between the read models and the ground truth ([] once they agree). */
async function differences(y: Year): Promise<string[]> {
  const [truth, models, outboxes, view] = await Promise.all([
    groundTruth(y.year),
    readModels(y.year),
    unpublished(),
    y.agency.get<ConferenceReport>(`/api/v1/conferences/national?year=${y.year}`),
  ]);
  const out: string[] = [];
  for (const [service, n] of Object.entries(outboxes))
    if (n > 0) out.push(`${service}: ${n} outbox rows unpublished`);
  if (view.status !== 200) return [...out, `conference view → ${view.status}`];
  const expected = expectedTotals(truth);
  for (const [field, value] of Object.entries(expected) as [keyof Totals, number][]) {
    const shown = view.body.totals[field];
    if (shown !== value) out.push(`conference ${field}: shows ${shown}, ground truth ${value}`);
  }
  const missing = (what: string, ids: string[], seen: (id: string) => boolean) => {
    const n = ids.filter((id) => !seen(id)).length;
    if (n > 0) out.push(`${n} ${what} missing from the read models`);
  };
  missing(
    'registered projects',
    truth.projects.filter((p) => p.status !== 'draft').map((p) => p.id),
    (id) =>
      models.projects.has(id) && models.projects.get(id) === truth.projects.find((p) => p.id === id)?.status,
  );
  missing('decisions', [...new Set(truth.decisions.map((d) => d.id))], (id) => models.decisions.has(id));
  missing(
    'booth allocations',
    truth.registrations.filter((r) => r.state === 'allocated').map((r) => r.id),
    (id) => models.booths.has(id),
  );
  missing(
    'clusters',
    truth.clusters.map((c) => c.id),
    (id) => models.clusters.has(id),
  );
  missing(
    'award rounds',
    truth.rounds.map((r) => r.id),
    (id) => models.rounds.has(id),
  );
  return out;
}

/** Is the write's effect in the owning service (`committed`) and in the read models (`visible`)? */
function effectOf(w: WriteEntry, t: Truth, m: ReadModels, projectByTag: Map<string, string[]>) {
  const project = (id: string | undefined) => t.projects.find((p) => p.id === id);
  switch (w.kind) {
    case 'project.create': {
      const ids = projectByTag.get(w.subject!) ?? [];
      return { committed: ids.length > 0, visible: ids.length > 0 };
    }
    case 'project.register': {
      const p = project(w.subject);
      const committed = !!p && p.status !== 'draft';
      return { committed, visible: committed && m.projects.has(p!.id) };
    }
    case 'plan.decision': {
      const d = t.decisions.find((x) => x.projectId === w.subject);
      return {
        committed: !!d,
        visible: !!d && m.decisions.has(d.id) && IN_PLAN.has(m.projects.get(d.projectId) ?? ''),
      };
    }
    case 'booking.request': {
      const committed = t.registrations.some((r) => r.taxCode === w.subject);
      return { committed, visible: committed };
    }
    case 'booking.confirm': {
      const committed = t.registrations.some((r) => r.id === w.subject && r.state === 'allocated');
      return { committed, visible: committed && m.booths.has(w.subject!) };
    }
    case 'cluster.register': {
      const c = t.clusters.find((x) => x.code === w.subject);
      return { committed: !!c, visible: !!c && m.clusters.has(c.id) };
    }
    case 'award-round.open': {
      const r = t.rounds.find((x) => x.provinceCode === w.subject);
      return { committed: !!r, visible: !!r && m.rounds.has(r.id) };
    }
  }
}

/** Effects present more than once for what the load meant as one. */
async function duplicates(y: Year, t: Truth, load: Load): Promise<string[]> {
  const out: string[] = [];
  const count = <T>(items: T[], keyOf: (x: T) => string) => {
    const seen = new Map<string, number>();
    for (const x of items) seen.set(keyOf(x), (seen.get(keyOf(x)) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1);
  };
  for (const [title, n] of count(t.projects, (p) => p.title))
    out.push(`project "${title}" exists ${n} times`);
  for (const [project, n] of count(t.decisions, (d) => d.projectId))
    out.push(`project ${project} allocated by ${n} decisions`);
  for (const [tax, n] of count(t.registrations, (r) => r.taxCode))
    out.push(`facility ${tax} registered ${n} times`);
  for (const twice of await handledTwice())
    out.push(`${twice.service} handled event ${twice.event} ${twice.times} times (${twice.resource})`);
  const ids = load.writes.map((w) => w.entityId).filter((id): id is string => !!id);
  const audit = await query<{ action: string; resource: string; n: number }>(
    'gateway',
    `SELECT action, resource_id AS resource, count(*)::int AS n FROM audit_record
      WHERE caused_by_event IS NULL AND resource_id = ANY($1) GROUP BY 1, 2 HAVING count(*) > 1`,
    [ids],
  );
  for (const a of audit) out.push(`audit trail holds ${a.action} of ${a.resource} ${a.n} times`);
  return out;
}

/** Polls until every service answers /health 200 and the outbox rows written before `since` are published. */
async function recovery(since: number, timeoutMs = 180_000): Promise<number | null> {
  const urls = chaosEnv('KC_CHAOS_HEALTH_URLS').split(',');
  const before = new Date(since);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const healthy = (await Promise.all(urls.map(healthOf))).every((status) => status === 200);
    if (healthy) {
      const backlog = await unpublished(before).catch(() => null);
      if (backlog && Object.values(backlog).every((n) => n === 0)) return Date.now() - since;
    }
    await sleep(250);
  }
  return null;
}

// ------------------------------------------------------------------------------------------- the run

export async function runScenario(def: ScenarioDefinition): Promise<Figures> {
  const prefix = `${def.name}-${Date.now().toString(36)}`;
  const y = await prepareYear(def, prefix);
  const parkedBefore = await deadLetters();
  const load = new Load(operations(y, def.sizes, prefix), {
    clients: def.clients,
    opsPerSecond: def.opsPerSecond,
    keyPrefix: prefix,
  });
  load.start();
  let windows: FaultWindow[];
  try {
    windows = await def.inject(load);
  } catch (error) {
    // The load still finishes (each write is bounded) before the next scenario starts.
    load.unpace();
    await load.done();
    throw error;
  }
  load.unpace();
  const lastFaultEnd = Math.max(...windows.map((w) => w.to));
  const [recoveryMs] = await Promise.all([recovery(lastFaultEnd), load.done()]);

  // The read models are compared with the ground truth once nothing is written and nothing is broken.
  const calm = Math.max(load.endedAt, lastFaultEnd);
  let convergedMs: number | null = null;
  let remaining: string[] = [];
  const deadline = Date.now() + 180_000;
  for (;;) {
    remaining = await differences(y);
    if (remaining.length === 0) {
      convergedMs = Date.now() - calm;
      break;
    }
    if (Date.now() > deadline) break;
    await sleep(250);
  }

  const [truth, models] = await Promise.all([groundTruth(y.year), readModels(y.year)]);
  const projectByTag = new Map<string, string[]>();
  for (const p of truth.projects) {
    const tag = p.title.split(' — ')[1];
    projectByTag.set(tag, [...(projectByTag.get(tag) ?? []), p.id]);
  }
  let lost = 0;
  let visible = 0;
  let committedUnacknowledged = 0;
  let failed = 0;
  const refusals = new Map<string, number>();
  for (const w of load.writes) {
    const effect = effectOf(w, truth, models, projectByTag);
    if (w.result.acked) {
      if (!effect.committed) lost++;
      if (effect.visible) visible++;
    } else {
      const why = `${w.kind} → ${w.result.status || 'no answer'}${w.result.code ? ` ${w.result.code}` : ''}`;
      refusals.set(why, (refusals.get(why) ?? 0) + 1);
      if (effect.committed) committedUnacknowledged++;
      else failed++;
    }
  }
  const dupes = await duplicates(y, truth, load);
  const parked = (await deadLetters()) - parkedBefore;
  const problems = [
    ...remaining,
    ...dupes,
    ...[...refusals].map(([why, n]) => `not acknowledged: ${n} × ${why}`),
    ...(parked > 0 ? [`${parked} messages parked in dead-letter topics`] : []),
  ];
  const figures: Figures = {
    name: def.name,
    writes: load.writes.length,
    acknowledged: load.acked,
    ackedDuringFaults: windows.reduce((sum, w) => sum + load.ackedBetween(w.from, w.to), 0),
    visible,
    duplicates: dupes.length,
    lost,
    committedUnacknowledged,
    failed,
    retried: load.writes.filter((w) => w.result.attempts > 1).length,
    recoveryMs,
    convergedMs,
    deadLetters: parked,
    faults: windows.map((w) => ({
      label: w.label,
      ms: w.to - w.from,
      ackedDuring: load.ackedBetween(w.from, w.to),
    })),
    problems,
  };
  report(figures);
  return figures;
}

const seconds = (ms: number | null) => (ms === null ? 'never' : `${(ms / 1000).toFixed(1)} s`);

/** One line per scenario (and one per fault), on stdout and in the tier's figures file. */
function report(f: Figures): void {
  const lines = [
    `${f.name}: writes ${f.writes}, acknowledged ${f.acknowledged} (${f.ackedDuringFaults} during the faults), ` +
      `visible after recovery ${f.visible}/${f.acknowledged}, duplicates ${f.duplicates}, lost ${f.lost}, ` +
      `committed but unacknowledged ${f.committedUnacknowledged}, failed ${f.failed}, retried ${f.retried}, ` +
      `dead letters ${f.deadLetters}; recovered ${seconds(f.recoveryMs)} after the last fault ended, ` +
      `read models converged ${seconds(f.convergedMs)} after the load and the faults ended`,
    ...f.faults.map(
      (w) => `  ${f.name} · ${w.label}: ${seconds(w.ms)}, ${w.ackedDuring} writes acknowledged meanwhile`,
    ),
    ...f.problems.map((p) => `  ${f.name} · ${p}`),
  ];
  process.stdout.write(`\n[chaos] ${lines.join('\n[chaos] ')}\n`);
  const file = process.env['KC_CHAOS_FIGURES'];
  if (file) appendFileSync(file, `${lines.join('\n')}\n`);
}
