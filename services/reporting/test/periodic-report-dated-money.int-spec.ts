import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@kc/contracts';
import { eventually, officer } from '@kc/testing';
import { PeriodicReportsClock } from '../src/application/periodic-reports/periodic-reports-clock';
import {
  BACKFILL,
  BACKFILL_COLUMNS,
} from '../src/infrastructure/persistence/money-ledger/1764300000100-money-ledger';
import { useReportingContext } from './support/reporting-context';
import { envelope, projectEventsOf, TO_PLAN } from './support/reporting-events';

const PLANS = 'plans.plan.events';
const PROJECTS = 'projects.project.events';
const FORM = 'sct-khuyen-cong-quy';
// Cà Mau (96): a unit the other suites leave alone, so its figures on the shared broker are this file's.
const UNIT = '96';
const M = 1_000_000;

/**
 * Issue 16, money as at a period's end: the pre-fill sums the money ledger up to the period's last day, fed by
 * the real plans and projects events through the real consumer; a movement given again counts once.
 */
describe('periodic report pre-fill: money as at the period end', () => {
  const context = useReportingContext('reporting_periodic_report_dated_money');
  const { as, db, publish } = context;

  const plan2026 = { planId: randomUUID(), year: 2026 };
  const plan2025 = { planId: randomUUID(), year: 2025 };
  const events = projectEventsOf(plan2026);
  const old = projectEventsOf(plan2025);
  // a, b, d: allocated in February; c: in April. b is settled in May, d stopped in May.
  const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  // Bạc Liêu (95), a 2025 project of a unit merged into Cà Mau on 2025-07-01.
  const e = randomUUID();

  const decided = (plan: typeof plan2026, signedOn: string, allocations: [string, string, number][]) =>
    envelope('plans.assignment.decided', 1, plan.planId, null, {
      decisionId: randomUUID(),
      planId: plan.planId,
      planYear: plan.year,
      number: `${signedOn.slice(5, 7)}/QĐ-BCT`,
      signedOn,
      kind: 'initial',
      allocations: allocations.map(([projectId, provinceCode, amountVnd]) => ({
        projectId,
        provinceCode,
        fundingSource: 'KCQG',
        amountVnd,
        previousVnd: 0,
      })),
    });
  const moved = (
    plan: typeof plan2026,
    [projectId, code]: [string, string],
    move: { kind: string; amount: number; on: string; advanced: number; paid: number },
  ) =>
    envelope('projects.disbursement.recorded', 1, projectId, code, {
      ...projectEventsOf(plan).project(projectId, code),
      disbursementId: randomUUID(),
      kind: move.kind,
      amountVnd: move.amount,
      on: move.on,
      reference: null,
      advancedVnd: move.advanced,
      paidVnd: move.paid,
    });
  /** The same movement published again as a new event (another id), as a producer re-emitting it would. */
  const republished = (event: EventEnvelope): EventEnvelope => ({ ...event, id: randomUUID() });
  const into = (project: string, plan = events, code = UNIT) => [
    plan.registered(project, code, 1),
    ...plan.walk(project, code, TO_PLAN),
  ];

  const aprilAdvance = moved(plan2026, [a, UNIT], {
    kind: 'advance',
    amount: 200 * M,
    on: '2026-04-02',
    advanced: 500 * M,
    paid: 500 * M,
  });
  const settledB = envelope('projects.project.settled', 1, b, UNIT, {
    ...events.project(b, UNIT),
    settledVnd: 295 * M,
    settledOn: '2026-05-20',
    late: false,
  });

  beforeAll(async () => {
    await publish(PROJECTS, ...into(a), ...into(b), ...into(c), ...into(d), ...into(e, old, '95'));
    await publish(
      PLANS,
      decided(plan2026, '2026-02-10', [
        [a, UNIT, 800 * M],
        [b, UNIT, 300 * M],
        [d, UNIT, 200 * M],
      ]),
      decided(plan2026, '2026-04-15', [[c, UNIT, 100 * M]]),
      decided(plan2025, '2025-03-01', [[e, '95', 500 * M]]),
    );
    await publish(
      PROJECTS,
      events.contracted(a, UNIT, 800 * M),
      moved(plan2026, [a, UNIT], {
        kind: 'advance',
        amount: 300 * M,
        on: '2026-03-20',
        advanced: 300 * M,
        paid: 300 * M,
      }),
      // Delivered twice (the same event) and published once more under a new event id.
      aprilAdvance,
      aprilAdvance,
      republished(aprilAdvance),
      events.contracted(b, UNIT, 300 * M),
      // Accepted on 20 April (Vietnamese day; 17:30Z on the 19th): completed in Q2, not in Q1.
      ...events.walk(b, UNIT, ['in-plan', 'contracted', 'in-progress'], undefined, '2026-03-01T03:00:00Z'),
      ...events.walk(b, UNIT, ['in-progress', 'accepted'], undefined, '2026-04-19T17:30:00Z'),
      moved(plan2026, [b, UNIT], {
        kind: 'payment',
        amount: 300 * M,
        on: '2026-03-25',
        advanced: 0,
        paid: 300 * M,
      }),
      ...events.walk(b, UNIT, ['accepted', 'liquidated'], undefined, '2026-05-02T03:00:00Z'),
      settledB,
      settledB,
      republished(settledB),
      ...events.walk(b, UNIT, ['liquidated', 'settled']),
      envelope('projects.project.stopped', 1, d, UNIT, {
        ...events.project(d, UNIT),
        fundingSource: 'KCQG',
        decisionNumber: '51/QĐ-BCT',
        stoppedOn: '2026-05-05',
        reason: 'Cơ sở thụ hưởng không còn đủ điều kiện thực hiện',
        allocatedVnd: 200 * M,
        paidVnd: 0,
        unspentVnd: 200 * M,
      }),
      ...events.walk(d, UNIT, ['in-plan', 'stopped']),
      moved(plan2025, [e, '95'], {
        kind: 'advance',
        amount: 200 * M,
        on: '2025-08-10',
        advanced: 200 * M,
        paid: 200 * M,
      }),
      moved(plan2025, [e, '95'], {
        kind: 'advance',
        amount: 100 * M,
        on: '2025-10-05',
        advanced: 300 * M,
        paid: 300 * M,
      }),
    );
    // Each project's events are ordered on its key: its last one in means the ones before it are in too.
    await eventually(async () => {
      const [row] = await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM project_projection
          WHERE (project_id = $1 AND paid_vnd = 500000000) OR (project_id = $2 AND status = 'settled')
             OR (project_id = $3 AND status = 'stopped') OR (project_id = $4 AND paid_vnd = 300000000)`,
        [a, b, d, e],
      );
      const [ledger] = await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM money_movement WHERE kind = 'allocation'`,
      );
      return row.n === 4 && ledger.n === 5;
    }, 60_000);
  }, 120_000);

  const prefill = async (period: string, openedAt: string) => {
    context.service.app.get(PeriodicReportsClock).now = () => new Date(openedAt);
    const reply = await as(officer(UNIT)).post<{ platform: Record<string, number> }>(
      '/api/v1/periodic-reports',
      {
        formId: FORM,
        period,
        provinceCode: UNIT,
      },
    );
    expect([reply.status, reply.body.code]).toEqual([201, undefined]);
    return reply.body.platform;
  };

  it('leaves a disbursement dated 2 April out of the first quarter, even in a report opened in July', async () => {
    const q1 = await prefill('2026-Q1', '2026-07-10T02:00:00Z');
    expect(q1).toMatchObject({
      'kcqgAllocatedVnd/content-3': (800 + 300 + 200) * M,
      'kcqgDisbursedVnd/content-3': (300 + 300) * M,
      'kcqgSettledVnd/content-3': 0,
      'projectsApproved/content-3': 3,
      'projectsCompleted/content-3': 0,
      counterpartVnd: 3 * 1_100 * M,
      'kcdpDisbursedVnd/content-3': 0,
    });
  });

  it('counts it in the second quarter once, however often it came; the settlement too; a stop gives back', async () => {
    const q2 = await prefill('2026-Q2', '2026-07-10T02:00:00Z');
    expect(q2).toMatchObject({
      // c allocated in April; d's allocation given back by its stop in May.
      'kcqgAllocatedVnd/content-3': (800 + 300 + 100 + 200 - 200) * M,
      'kcqgDisbursedVnd/content-3': (300 + 200 + 300) * M,
      'kcqgSettledVnd/content-3': 295 * M,
      // d was stopped by 30 June: no longer in the plan; c is.
      'projectsApproved/content-3': 3,
      'projectsCompleted/content-3': 1,
      counterpartVnd: 3 * 1_100 * M,
    });
    const rows = await db.rows<{ kind: string; n: number; total: string }>(
      `SELECT kind, count(*)::int AS n, sum(amount_vnd)::text AS total FROM money_movement
        WHERE project_id = ANY($1) AND kind IN ('advance', 'settlement') GROUP BY kind ORDER BY kind`,
      [[a, b]],
    );
    expect(rows).toEqual([
      { kind: 'advance', n: 2, total: String(500 * M) },
      { kind: 'settlement', n: 1, total: String(295 * M) },
    ]);
    const [disbursement] = await db.rows<{ event_id: string }>(
      `SELECT event_id FROM money_movement WHERE movement_key = $1`,
      [`disbursement:${(aprilAdvance.payload as { disbursementId: string }).disbursementId}`],
    );
    expect(disbursement.event_id).toBe(aprilAdvance.id);
  });

  it("rolls an old unit's movements up to the unit it became, up to the period's last day", async () => {
    // 2025-Q3 ends on 30 September: Bạc Liêu's August advance is in, its October one is not.
    const q3 = await prefill('2025-Q3', '2025-10-20T02:00:00Z');
    expect(q3).toMatchObject({
      'kcqgAllocatedVnd/content-3': 500 * M,
      'kcqgDisbursedVnd/content-3': 200 * M,
      'projectsApproved/content-3': 1,
    });
  });

  it("backfills an older database's decisions, settlements and stops as the events wrote them", async () => {
    // What the migration copies from the projections, against what the handlers appended from the events.
    const backfill = BACKFILL.join(' UNION ALL ');
    const written = `SELECT ${BACKFILL_COLUMNS} FROM money_movement
                      WHERE kind IN ('allocation', 'settlement', 'release')`;
    const differ = await db.rows(
      `(${backfill} EXCEPT ${written}) UNION ALL (${written} EXCEPT (${backfill}))`,
    );
    expect(differ).toEqual([]);
    const [copied] = await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM (${backfill}) b`);
    expect(copied.n).toBe(7); // 5 allocations, b's settlement, d's release
  });

  it('keeps the ledger append-only', async () => {
    await expect(
      db.query(`UPDATE money_movement SET amount_vnd = 1 WHERE project_id = $1`, [a]),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db.query(`DELETE FROM money_movement WHERE project_id = $1`, [a])).rejects.toThrow(
      /cannot be changed or deleted/,
    );
  });
});
