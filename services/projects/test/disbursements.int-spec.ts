import { randomUUID } from 'node:crypto';
import type { Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useProjectsContext } from './support/projects-context';
import { planCreated } from './support/projects-harness';

/**
 * Money under concurrency: many real HTTP clients at once against one project, the sums checked in the
 * database afterwards. Projects are created and registered through the API; the steps owned by other flows
 * (appraisals, the plans decision, the contract) are put in place with SQL, standing for their events.
 */
describe('disbursements (advances, payments, refunds)', () => {
  const plan = planCreated(2026, 'national');
  const { as, db, contractedProject } = useProjectsContext('projects_disbursements', { plans: [plan] });

  /** A registered project moved to `contracted` with a contract of `contractVnd`. */
  const contracted = (advanceCategory: string, contractVnd: number) =>
    contractedProject(
      plan.planId,
      {
        title: `Đề án thử chi tiền ${randomUUID().slice(0, 6)}`,
        activityContents: [3],
        kcqgVnd: contractVnd,
        counterpartVnd: 500_000_000,
        advanceCategory,
      },
      {
        mode: 'contract',
        number: 'HĐ-01/2026',
        signedOn: '2026-02-15',
        parties: ['Cục ĐMST, CĐX và KC', 'Trung tâm Khuyến công Nghệ An'],
      },
    );

  const disburse = (id: string, kind: string, amountVnd: number, by: Principal = central) =>
    as(by).post(`/api/v1/projects/${id}/disbursements`, {
      kind,
      amountVnd,
      on: '2026-03-01',
      reference: `UNC-${randomUUID().slice(0, 8)}`,
    });

  async function sums(id: string) {
    const { rows } = await db.query(
      `SELECT p.advanced_vnd::bigint AS advanced, p.paid_vnd::bigint AS paid, p.contract_value_vnd::bigint AS contract,
              coalesce(sum(d.amount_vnd) FILTER (WHERE d.kind = 'advance'), 0)::bigint AS advances,
              coalesce(sum(d.amount_vnd) FILTER (WHERE d.kind = 'payment'), 0)::bigint AS payments,
              coalesce(sum(d.amount_vnd) FILTER (WHERE d.kind = 'refund'), 0)::bigint AS refunds
         FROM project p LEFT JOIN disbursement d ON d.project_id = p.id
        WHERE p.id = $1 GROUP BY p.id`,
      [id],
    );
    return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  }

  it('never lets parallel advances pass 70 % of the contract; the refused ones are 422 naming the rule', async () => {
    const id = await contracted('training-events-media', 1_000_000_000);
    // 40 clients at once ask 45,000,000 each (1.8 billion in all): 15 fit under 700,000,000, the 16th does not.
    const answers = await Promise.all(Array.from({ length: 40 }, () => disburse(id, 'advance', 45_000_000)));
    const accepted = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 422);
    expect(accepted).toHaveLength(15);
    expect(refused).toHaveLength(25);
    for (const r of refused) expect(r.body.code).toBe('disbursement.advance-cap-70');
    const s = await sums(id);
    expect(s).toMatchObject({ advanced: 675_000_000, paid: 675_000_000, advances: 675_000_000 });
    expect(s.paid * 10).toBeLessThanOrEqual(s.contract * 7);
    // What is left under the cap can still be drawn, to the đồng.
    expect((await disburse(id, 'advance', 25_000_001)).status).toBe(422);
    expect((await disburse(id, 'advance', 25_000_000)).status).toBe(201);
    expect(await sums(id)).toMatchObject({ advanced: 700_000_000, advances: 700_000_000 });
    // One projects.disbursement.recorded per recorded advance, in the same commits, with the running totals.
    const events = await db.query(
      `SELECT max((envelope->'payload'->>'advancedVnd')::bigint)::bigint AS last, count(*)::int AS n FROM outbox
        WHERE type = 'projects.disbursement.recorded' AND message_key = $1`,
      [id],
    );
    expect([events.rows[0].n, Number(events.rows[0].last)]).toEqual([16, 700_000_000]);
  });

  it('never lets parallel payments after acceptance pass the contract, and refunds never go below zero', async () => {
    const id = await contracted('training-events-media', 800_000_000);
    expect((await disburse(id, 'advance', 560_000_000)).status).toBe(201);
    // Payments come after acceptance only.
    const early = await disburse(id, 'payment', 1);
    expect([early.status, early.body.code]).toEqual([422, 'disbursement.payment-before-acceptance']);
    const province = as(officer('40'));
    const report = await province.post(`/api/v1/projects/${id}/progress-reports`, {
      month: '2026-03',
      percentDone: 100,
      spentVnd: 1_300_000_000,
      narrative: 'Hoàn thành toàn bộ',
    });
    expect(report.status).toBe(201);
    const accept = await province.post(`/api/v1/projects/${id}/accept`, {
      acceptedOn: '2026-04-10',
      result: 'Đạt',
    });
    expect(accept.status).toBe(200);

    // 30 clients at once pay 20,000,000 each (600,000,000) against the 240,000,000 left: 12 fit.
    const answers = await Promise.all(Array.from({ length: 30 }, () => disburse(id, 'payment', 20_000_000)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(12);
    const refused = answers.filter((a) => a.status === 422);
    expect(refused).toHaveLength(18);
    for (const r of refused) expect(r.body.code).toBe('disbursement.contract-exceeded');
    expect(await sums(id)).toMatchObject({ paid: 800_000_000, contract: 800_000_000, payments: 240_000_000 });

    // Parallel refunds: 10 × 100,000,000 against 800,000,000 disbursed: 8 fit, nothing goes below zero.
    const refunds = await Promise.all(Array.from({ length: 10 }, () => disburse(id, 'refund', 100_000_000)));
    expect(refunds.filter((a) => a.status === 201)).toHaveLength(8);
    for (const r of refunds.filter((a) => a.status !== 201))
      expect(r.body.code).toBe('disbursement.refund-exceeds-paid');
    expect(await sums(id)).toMatchObject({ paid: 0, advanced: 0, refunds: 800_000_000 });
  });

  it('refuses a model or machinery advance until more than 70 % of the work is reported', async () => {
    const id = await contracted('model-machinery', 1_000_000_000);
    const before = await disburse(id, 'advance', 100_000_000);
    expect([before.status, before.body.code]).toEqual([422, 'disbursement.advance-progress-required']);
    expect(before.body.detail).toContain('70%');
    const report = (month: string, percentDone: number) =>
      as(officer('40')).post(`/api/v1/projects/${id}/progress-reports`, {
        month,
        percentDone,
        spentVnd: 0,
        narrative: 'Lắp đặt máy móc',
      });
    expect((await report('2026-03', 70)).status).toBe(201);
    expect((await disburse(id, 'advance', 100_000_000)).body.code).toBe(
      'disbursement.advance-progress-required',
    );
    expect((await report('2026-04', 71)).status).toBe(201);
    expect((await disburse(id, 'advance', 700_000_000)).status).toBe(201);
    expect(await sums(id)).toMatchObject({ advanced: 700_000_000 });
  });

  it('answers a disbursement as the list shows it, with its event and audit entry in the outbox', async () => {
    const id = await contracted('training-events-media', 200_000_000);
    const advance = await disburse(id, 'advance', 30_000_000);
    expect(advance.status).toBe(201);
    expect(advance.body).toMatchObject({
      projectId: id,
      kind: 'advance',
      advanceRuleId: 'training-events-media-2018',
      advancedVndAfter: 30_000_000,
      paidVndAfter: 30_000_000,
    });
    const list = await as(central).get<{ items: unknown[] }>(`/api/v1/projects/${id}/disbursements`);
    expect(list.body).toMatchObject({ advancedVnd: 30_000_000, paidVnd: 30_000_000, items: [advance.body] });
    const { rows } = await db.query(
      `SELECT type, envelope->'payload'->>'summary' AS summary FROM outbox
        WHERE message_key = $1 AND type IN ('projects.disbursement.recorded', 'audit.record.appended') ORDER BY seq`,
      [id],
    );
    expect(rows.map((r) => r.type).slice(-2)).toEqual([
      'projects.disbursement.recorded',
      'audit.record.appended',
    ]);
    expect(rows[rows.length - 1].summary).toMatch(/^Tạm ứng 30\.000\.000 VND cho đề án/);
  });

  it("lets only the plan owner move money, and hides another province's project", async () => {
    const id = await contracted('training-events-media', 100_000_000);
    const own = await disburse(id, 'advance', 1_000_000, officer('40'));
    expect([own.status, own.body.code]).toEqual([403, 'disbursement.not-plan-owner']);
    expect((await disburse(id, 'advance', 1_000_000, officer('01'))).status).toBe(404);
    const list = await as(central).get<{ items: unknown[]; advancedVnd: number }>(
      `/api/v1/projects/${id}/disbursements`,
    );
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [], advancedVnd: 0 });
    const rules = await as(central).get<{ category: string; ratePercent: number }[]>(
      '/api/v1/advance-rules?asOf=2026-03-01',
    );
    expect(rules.body.map((r) => [r.category, r.ratePercent])).toEqual([
      ['cluster-infrastructure', 30],
      ['enterprise-founding', 100],
      ['model-machinery', 70],
      ['training-events-media', 70],
    ]);
  });
});
