import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { central } from '@kc/testing';
import { bootService } from '@kc/service-testing';
import { PlansModule } from '../../../services/plans/src/app.module';
import { plansEnvSchema } from '../../../services/plans/src/config/plans.config';
import { describe, withConcurrency } from '../booth-rush/http-pool';
import { loadFromWorker } from '../shared/http-load';
import { summarise, type Summary } from '../shared/stats';
import { UNITS } from './dataset';
import type { BenchContext, BenchSection } from './sections';
import { connections, dropScratch, row } from './support';

/** Two national plans on the scratch database: one the service allocates from, one for the SQL floor. */
const HTTP_YEAR = 2026;
const FLOOR_YEAR = 2025;
/** The ceiling covers this share of what all decisions ask for, so it runs out part-way. */
const CEILING_SHARE = 0.75;

interface Decision {
  number: string;
  projectIds: string[];
  amounts: number[];
  total: number;
}

/**
 * Plan-assignment decisions (POST /api/v1/plans/:id/decisions) from parallel clients against the plans service,
 * booted in this process on a scratch database: a national plan with a KCQG ceiling and ministry-appraised
 * projects inserted by SQL (as the projects events would have left them); every decision allocates to projects
 * of its own. Then the same decisions, in the same order, as bare SQL on as many connections against a second
 * plan with the same ceiling: the guarded ceiling UPDATE and the decision's rows, no validation, lock, outbox
 * or audit.
 */
export const allocations: BenchSection = {
  name: 'plan allocations',
  async run(ctx: BenchContext): Promise<string> {
    const svc = await bootService(
      { service: 'plans', envSchema: plansEnvSchema, module: (config) => PlansModule.forRoot(config) },
      `bench_plans_${ctx.run}`,
      'measured',
    );
    const db = new Client({ connectionString: svc.databaseUrl, application_name: 'kc-bench-projects' });
    await db.connect();
    try {
      const byHttp = await seedPlan(db, HTTP_YEAR, ctx.allocations, ctx.lines);
      const bySql = await seedPlan(db, FLOOR_YEAR, ctx.allocations, ctx.lines);
      const token = await svc.tokenFor(central);

      // The clients run on a worker thread: the service keeps its event loop to itself, as behind real clients.
      const { answers, wallMs } = await loadFromWorker<{ code?: string }>(
        svc.url,
        ctx.concurrency,
        byHttp.decisions.map((d) => ({
          method: 'POST' as const,
          path: `/api/v1/plans/${byHttp.planId}/decisions`,
          token,
          body: {
            number: d.number,
            signedOn: `${HTTP_YEAR}-01-15`,
            kind: 'initial',
            allocations: d.projectIds.map((projectId, k) => ({
              projectId,
              fundingSource: 'KCQG',
              amountVnd: d.amounts[k],
            })),
          },
        })),
      );
      const refusedHttp: Decision[] = [];
      answers.forEach((a, i) => {
        const d = byHttp.decisions[i];
        if (a.status === 422 && a.body?.code === 'plan.ceiling-exceeded') refusedHttp.push(d);
        else if (a.status !== 201) throw new Error(`decision ${d.number} → ${a.status} ${describe(a.body)}`);
      });
      const latency = answers.map((a) => a.ms);
      const httpSeconds = wallMs / 1000;
      console.log(row('allocation decision (HTTP, parallel)', summarise(latency) as Summary));

      const clients = await connections(db, ctx.concurrency, 'kc-bench-projects');
      const sqlLatency: number[] = [];
      const refusedSql: Decision[] = [];
      const t = performance.now();
      await withConcurrency(bySql.decisions, ctx.concurrency, async (d) => {
        const c = clients.pop() as Client;
        const started = performance.now();
        try {
          if (!(await decideBySql(c, bySql.planId, d))) refusedSql.push(d);
        } finally {
          sqlLatency.push(performance.now() - started);
          clients.push(c);
        }
      });
      const sqlSeconds = (performance.now() - t) / 1000;
      await Promise.all(clients.map((c) => c.end()));
      console.log(row('allocation decision (SQL floor, parallel)', summarise(sqlLatency) as Summary));

      const h = await verify(db, byHttp.planId, byHttp.decisions, refusedHttp, 'HTTP');
      const s = await verify(db, bySql.planId, bySql.decisions, refusedSql, 'SQL floor');
      const n = ctx.allocations;
      const rate = (count: number, seconds: number) => (count / seconds).toFixed(0);
      console.log(
        `  allocations: ${n} decisions of ${ctx.lines} projects each, ceiling ${bn(h.ceiling)} (${CEILING_SHARE * 100} % ` +
          `of what they ask); Σ allocated ${bn(h.allocated)} (HTTP), ${bn(s.allocated)} (SQL) — each ≤ the ceiling ` +
          `and = Σ of its projects' allocations`,
      );
      return (
        `${'plan allocations'.padEnd(40)} ${rate(n, httpSeconds)} decisions/s (${rate(h.lines, httpSeconds)} allocations/s) ` +
        `through HTTP, ${h.accepted} decided + ${refusedHttp.length} refused at the ceiling, vs ${rate(n, sqlSeconds)}/s ` +
        `(${rate(s.lines, sqlSeconds)}/s) bare SQL, ${s.accepted} + ${refusedSql.length} ` +
        `(${(httpSeconds / sqlSeconds).toFixed(1)}× the service), ${ctx.concurrency} clients`
      );
    } finally {
      await db.end().catch(() => undefined);
      await svc.close();
      await dropScratch(svc.databaseUrl);
    }
  },
};

const bn = (vnd: number) => `${(vnd / 1e9).toFixed(1)} billion VND`;

/** Deterministic pseudo-random numbers: both plans get the same projects, amounts and order. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * A national plan of `year` with a KCQG ceiling and `count × lines` ministry-appraised projects (as the
 * replica holds them after the projects events: cost 3 billion, 900 million requested, 300–800 million
 * appraised, the demonstration-model norm), spread over the 34 units; decision i allocates each of its
 * projects its appraised support.
 */
async function seedPlan(db: Client, year: number, count: number, lines: number) {
  const rnd = random(7);
  const planId = randomUUID();
  const ids: string[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < count * lines; i++) {
    ids.push(randomUUID());
    amounts.push((300 + Math.floor(rnd() * 501)) * 1_000_000);
  }
  const decisions: Decision[] = Array.from({ length: count }, (_, i) => {
    const slice = (list: string[] | number[]) => list.slice(i * lines, (i + 1) * lines);
    const own = slice(amounts) as number[];
    return {
      number: `${i + 1}/QĐ-BCT`,
      projectIds: slice(ids) as string[],
      amounts: own,
      total: own.reduce((a, b) => a + b, 0),
    };
  });
  const ceiling = Math.floor((amounts.reduce((a, b) => a + b, 0) * CEILING_SHARE) / 1_000_000) * 1_000_000;
  await db.query(
    `INSERT INTO annual_plan (id, name, year, level, registration_deadline)
     VALUES ($1, $2, $3::int, 'national', make_date($3::int - 1, 6, 20))`,
    [planId, `Kế hoạch khuyến công quốc gia năm ${year} (benchmark)`, year],
  );
  await db.query(`INSERT INTO plan_ceiling (plan_id, funding_source, ceiling_vnd) VALUES ($1, 'KCQG', $2)`, [
    planId,
    ceiling,
  ]);
  await db.query(
    `INSERT INTO project_ref (project_id, code, plan_id, plan_year, province_code, funding_source, status,
       total_cost_vnd, requested_support_vnd, appraised_support_vnd, norm_code, norm_units, start_date)
     SELECT id, 'KCQG-' || $2::int || '-' || unit || '-' || lpad(ord::text, 6, '0'), $1, $2::int, unit, 'KCQG',
            'ministry-appraised', 3000000000, 900000000, appraised, 'demonstration-model', 1, make_date($2::int, 3, 1)
       FROM unnest($3::uuid[], $4::bigint[], $5::text[]) WITH ORDINALITY AS t(id, appraised, unit, ord)`,
    [planId, year, ids, amounts, ids.map((_, i) => UNITS[i % UNITS.length])],
  );
  await db.query('ANALYZE project_ref');
  return { planId, decisions };
}

/** The floor of one decision: the guarded ceiling UPDATE, then its rows; false when the ceiling refuses it. */
async function decideBySql(c: Client, planId: string, d: Decision): Promise<boolean> {
  await c.query('BEGIN');
  try {
    const taken = await c.query(
      `UPDATE plan_ceiling SET allocated_vnd = allocated_vnd + $2
        WHERE plan_id = $1 AND funding_source = 'KCQG' AND allocated_vnd + $2 <= ceiling_vnd`,
      [planId, d.total],
    );
    if (!taken.rowCount) {
      await c.query('ROLLBACK');
      return false;
    }
    const decisionId = randomUUID();
    await c.query(
      `INSERT INTO assignment_decision (id, plan_id, number, signed_on, kind, decided_by)
       VALUES ($1, $2, $3, make_date(${FLOOR_YEAR}, 1, 15), 'initial', 'bench')`,
      [decisionId, planId, d.number],
    );
    await c.query(
      `INSERT INTO decision_allocation (decision_id, project_id, province_code, funding_source, amount_vnd,
         previous_vnd)
       SELECT $1, p.project_id, p.province_code, 'KCQG', t.amount, 0
         FROM unnest($2::uuid[], $3::bigint[]) AS t(id, amount) JOIN project_ref p ON p.project_id = t.id`,
      [decisionId, d.projectIds, d.amounts],
    );
    await c.query(
      `INSERT INTO project_allocation (project_id, funding_source, plan_id, amount_vnd)
       SELECT id, 'KCQG', $1, amount FROM unnest($2::uuid[], $3::bigint[]) AS t(id, amount)
       ON CONFLICT (project_id, funding_source) DO UPDATE SET amount_vnd = excluded.amount_vnd`,
      [planId, d.projectIds, d.amounts],
    );
    await c.query('COMMIT');
    return true;
  } catch (error) {
    await c.query('ROLLBACK');
    throw error;
  }
}

/**
 * Σ allocated ≤ ceiling; the allocations in force add up to it and belong to exactly the decisions not
 * refused; every refusal was right (allocated only grows here, so a refused decision does not fit even now).
 */
async function verify(db: Client, planId: string, decisions: Decision[], refused: Decision[], how: string) {
  const [{ ceiling, allocated, in_force, lines, decided }] = (
    await db.query(
      `SELECT c.ceiling_vnd AS ceiling, c.allocated_vnd AS allocated,
              (SELECT coalesce(sum(amount_vnd), 0) FROM project_allocation WHERE plan_id = $1) AS in_force,
              (SELECT count(*) FROM project_allocation WHERE plan_id = $1) AS lines,
              (SELECT count(*) FROM assignment_decision WHERE plan_id = $1) AS decided
         FROM plan_ceiling c WHERE c.plan_id = $1 AND c.funding_source = 'KCQG'`,
      [planId],
    )
  ).rows.map((r: Record<string, string>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])),
  );
  const refusedNumbers = new Set(refused.map((d) => d.number));
  const expected = decisions
    .filter((d) => !refusedNumbers.has(d.number))
    .reduce((sum, d) => sum + d.total, 0);
  const wrong = [
    allocated > ceiling && `Σ allocated ${allocated} > ceiling ${ceiling}`,
    in_force !== allocated && `Σ project allocations ${in_force} ≠ Σ allocated ${allocated}`,
    expected !== allocated && `the accepted decisions add up to ${expected}, Σ allocated is ${allocated}`,
    decided !== decisions.length - refused.length &&
      `${decided} decisions stored for ${decisions.length - refused.length} accepted`,
    refused.some((d) => allocated + d.total <= ceiling) && 'a refused decision would still fit the ceiling',
    refused.length === 0 && 'the ceiling never ran out: the refusal path was not exercised',
  ].filter(Boolean);
  if (wrong.length) throw new Error(`allocations (${how}): ${wrong.join('; ')}`);
  return { ceiling, allocated, lines, accepted: decided };
}
