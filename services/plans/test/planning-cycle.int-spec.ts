import { randomUUID } from 'node:crypto';
import type {
  AssignmentDecisionView,
  PlanRegistrationView,
  PlanView,
  Principal,
  RegistrationCoverageView,
} from '@kc/contracts';
import { central, eventually, officer } from '@kc/testing';
import type { Bilingual } from '@kc/errors';
import { usePlansContext } from './support/plans-context';

/** Plans, registrations and decisions against a real plans app, fed by real project events on the test broker. */
describe('planning cycle: registrations, plan-assignment decisions and ceilings', () => {
  const { as, db, createPlan, announceProjects, announce } = usePlansContext('plans_planning_cycle');

  const ceilingOf = async (planId: string) =>
    (
      await db.rows<{ ceiling: string; allocated: string }>(
        `SELECT ceiling_vnd AS ceiling, allocated_vnd AS allocated FROM plan_ceiling
          WHERE plan_id = $1 AND funding_source = 'KCQG'`,
        [planId],
      )
    ).map((r) => ({ ceiling: Number(r.ceiling), allocated: Number(r.allocated) }))[0];
  const countOf = async (table: string, planId: string) =>
    (await db.rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE plan_id = $1`, [planId]))[0]
      .n;

  it('keeps creating plans from budgetVnd: the ceiling of the plan’s own source, deadline by default', async () => {
    const plan = await createPlan({ year: 2091, level: 'national', budgetVnd: 150_000_000_000 });
    expect(plan).toMatchObject({
      budgetVnd: 150_000_000_000,
      registrationDeadline: '2090-06-20',
      programmeId: null,
      ceilings: [{ fundingSource: 'KCQG', ceilingVnd: 150_000_000_000, allocatedVnd: 0 }],
    });
    const provincial = await as(officer('40')).post<PlanView>('/api/v1/plans', {
      year: 2091,
      level: 'provincial',
      provinceCode: '40',
      budgetVnd: 5_000_000_000,
      registrationDeadline: '2090-09-30',
    });
    expect(provincial.status).toBe(201);
    expect(provincial.body).toMatchObject({
      registrationDeadline: '2090-09-30',
      ceilings: [{ fundingSource: 'KCDP', ceilingVnd: 5_000_000_000 }],
    });
    const types = await db.rows<{ type: string }>(
      `SELECT type FROM outbox WHERE message_key = $1 AND type LIKE 'plans.%' ORDER BY seq`,
      [plan.id],
    );
    expect(types.map((t) => t.type)).toEqual(['plans.plan.created', 'plans.plan.ceiling-set']);
  });

  it('ties a plan to a programme covering its year, and refuses one that does not', async () => {
    const programmes = await as(central).get<{ id: string; code: string }[]>('/api/v1/programmes?year=2027');
    expect(programmes.body.map((p) => p.code)).toEqual(['KCQG-2026-2030']);
    const ok = await as(central).post<PlanView>('/api/v1/plans', {
      year: 2027,
      level: 'national',
      budgetVnd: 1,
      programmeId: programmes.body[0].id,
    });
    expect(ok.status).toBe(201);
    const wrong = await as(central).post('/api/v1/plans', {
      year: 2092,
      level: 'national',
      budgetVnd: 1,
      programmeId: programmes.body[0].id,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'plan.programme-not-covering' });
  });

  it('never lets parallel decisions allocate beyond the ceiling: the refused ones change nothing', async () => {
    const CEILING = 8_000_000_000;
    const plan = await createPlan({ year: 2093, level: 'national', budgetVnd: CEILING });
    const projects = await announceProjects(plan, 40, {
      provinceCode: '40',
      status: 'ministry-appraised',
      appraisedVnd: 800_000_000,
    });
    // Amounts 500–800 million: which decisions fit depends on the order the database sees them in.
    const amountOf = (i: number) => 500_000_000 + (i % 4) * 100_000_000;
    const replies = await Promise.all(
      projects.map((projectId, i) =>
        as(central).post<AssignmentDecisionView & { code?: string; detail?: string }>(
          `/api/v1/plans/${plan.id}/decisions`,
          {
            number: `${100 + i}/QĐ-BCT`,
            signedOn: '2093-01-10',
            kind: 'initial',
            allocations: [{ projectId, fundingSource: 'KCQG', amountVnd: amountOf(i) }],
          },
        ),
      ),
    );
    const accepted = replies.flatMap((r, i) => (r.status === 201 ? [{ i, body: r.body }] : []));
    const refused = replies.flatMap((r, i) => (r.status !== 201 ? [{ i, reply: r }] : []));
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const { reply } of refused) {
      expect(reply.status).toBe(422);
      expect(reply.body).toMatchObject({ code: 'plan.ceiling-exceeded' });
      expect(reply.body.detail).toMatch(/ceiling of 8\.000\.000\.000 VND/);
    }

    const { ceiling, allocated } = await ceilingOf(plan.id);
    const acceptedSum = accepted.reduce((sum, a) => sum + amountOf(a.i), 0);
    expect(ceiling).toBe(CEILING);
    expect(allocated).toBe(acceptedSum);
    expect(allocated).toBeLessThanOrEqual(CEILING);
    // Allocated only grows here, so a refusal was right: the refused amount does not fit even now.
    for (const { i } of refused) expect(allocated + amountOf(i)).toBeGreaterThan(CEILING);

    const allocations = await db.rows<{ project_id: string; amount_vnd: string }>(
      `SELECT project_id, amount_vnd FROM project_allocation WHERE plan_id = $1`,
      [plan.id],
    );
    expect(allocations.map((a) => a.project_id).sort()).toEqual(accepted.map((a) => projects[a.i]).sort());
    expect(allocations.reduce((sum, a) => sum + Number(a.amount_vnd), 0)).toBe(acceptedSum);
    expect(await countOf('assignment_decision', plan.id)).toBe(accepted.length);

    const events = await db.rows<{
      envelope: { payload: { decisionId: string; allocations: { amountVnd: number }[] } };
    }>(`SELECT envelope FROM outbox WHERE type = 'plans.assignment.decided' AND message_key = $1`, [plan.id]);
    expect(events.map((e) => e.envelope.payload.decisionId).sort()).toEqual(
      accepted.map((a) => a.body.id).sort(),
    );
    expect(events.flatMap((e) => e.envelope.payload.allocations).every((a) => a.amountVnd > 0)).toBe(true);
  });

  it('answers a decision as the list shows it, with its event and audit entry in the outbox', async () => {
    const plan = await createPlan({ year: 2085, level: 'national', budgetVnd: 10_000_000_000 });
    const [a] = await announceProjects(plan, 1, { provinceCode: '40', status: 'ministry-appraised' });
    const [b] = await announceProjects(plan, 1, { provinceCode: '01', status: 'ministry-appraised' });
    const decided = await as(central).post<AssignmentDecisionView>(`/api/v1/plans/${plan.id}/decisions`, {
      number: '3/QĐ-BCT',
      signedOn: '2085-01-20',
      kind: 'initial',
      allocations: [
        { projectId: b, fundingSource: 'KCQG', amountVnd: 700_000_000 },
        { projectId: a, fundingSource: 'KCQG', amountVnd: 600_000_000 },
      ],
    });
    expect(decided.status).toBe(201);
    const listed = await as(central).get<AssignmentDecisionView[]>(`/api/v1/plans/${plan.id}/decisions`);
    expect(listed.body).toEqual([decided.body]);
    expect(decided.body.allocations.map((l) => [l.projectId, l.provinceCode, l.amountVnd])).toEqual(
      [
        [a, '40', 600_000_000],
        [b, '01', 700_000_000],
      ].sort(([x], [y]) => (x < y ? -1 : 1)),
    );
    const rows = await db.rows<{ type: string }>(
      `SELECT type FROM outbox WHERE message_key = $1 OR envelope->'payload'->>'decisionId' = $1 ORDER BY seq`,
      [decided.body.id],
    );
    expect(rows.map((r) => r.type)).toEqual(['plans.assignment.decided', 'audit.record.appended']);
  });

  it('chains parallel adjustments of one project: each takes from the ceiling what the one before left', async () => {
    const plan = await createPlan({ year: 2086, level: 'national', budgetVnd: 10_000_000_000 });
    const [projectId] = await announceProjects(plan, 1, {
      provinceCode: '40',
      status: 'ministry-appraised',
      appraisedVnd: 800_000_000,
    });
    const decide = (number: string, kind: string, amountVnd: number) =>
      as(central).post<AssignmentDecisionView>(`/api/v1/plans/${plan.id}/decisions`, {
        number,
        signedOn: '2086-02-01',
        kind,
        allocations: [{ projectId, fundingSource: 'KCQG', amountVnd }],
      });
    expect((await decide('1/QĐ-BCT', 'initial', 100_000_000)).status).toBe(201);
    // Each adjustment's delta is judged on the allocation in force: read twice, the ceiling would drift from it.
    const amounts = Array.from({ length: 20 }, (_, i) => 110_000_000 + i * 10_000_000);
    const replies = await Promise.all(
      amounts.map((amount, i) => decide(`${10 + i}/QĐ-BCT`, 'adjustment', amount)),
    );
    expect(replies.map((r) => r.status)).toEqual(amounts.map(() => 201));
    const previous = replies.map((r) => r.body.allocations[0].previousVnd);
    expect(new Set(previous).size).toBe(amounts.length);
    const [inForce] = await db.rows<{ amount_vnd: string }>(
      `SELECT amount_vnd FROM project_allocation WHERE project_id = $1`,
      [projectId],
    );
    expect((await ceilingOf(plan.id)).allocated).toBe(Number(inForce.amount_vnd));
    // The one that left what is in force is the one no other adjustment started from.
    const last = amounts.filter((amount) => !previous.includes(amount));
    expect(last).toEqual([Number(inForce.amount_vnd)]);
  });

  describe('decision validation: refused with 4xx and nothing written', () => {
    let plan: PlanView;
    let appraised: string[];
    let submitted: string[];
    let noNorm: string[];

    beforeAll(async () => {
      plan = await createPlan({ year: 2094, level: 'national', budgetVnd: 50_000_000_000 });
      const base = { provinceCode: '40' };
      appraised = await announceProjects(plan, 2, {
        ...base,
        status: 'ministry-appraised',
        appraisedVnd: 800_000_000,
        costVnd: 2_000_000_000,
        requestedVnd: 900_000_000,
      });
      submitted = await announceProjects(plan, 1, { ...base, status: 'submitted' });
      noNorm = await announceProjects(plan, 1, { ...base, status: 'ministry-appraised', normCode: null });
    });

    const decide = (number: string, allocations: unknown[], kind = 'initial', who: Principal = central) =>
      as(who).post<{ code?: string; errors?: { field: string }[]; detail?: string }>(
        `/api/v1/plans/${plan.id}/decisions`,
        { number, signedOn: '2094-01-05', kind, allocations },
      );
    const expectNothingWritten = async () => {
      expect(await ceilingOf(plan.id)).toEqual({ ceiling: 50_000_000_000, allocated: 0 });
      expect(await countOf('assignment_decision', plan.id)).toBe(0);
      expect(await countOf('project_allocation', plan.id)).toBe(0);
      const [{ n }] = await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE type = 'plans.assignment.decided' AND message_key = $1`,
        [plan.id],
      );
      expect(n).toBe(0);
    };

    it.each([
      [
        'an unknown project',
        () => [{ projectId: randomUUID(), fundingSource: 'KCQG', amountVnd: 1 }],
        'decision.unknown-project',
      ],
      [
        'a project not ministry-appraised',
        () => [{ projectId: submitted[0], fundingSource: 'KCQG', amountVnd: 1 }],
        'decision.project-not-appraised',
      ],
      [
        'more than the appraised support',
        () => [{ projectId: appraised[0], fundingSource: 'KCQG', amountVnd: 800_000_001 }],
        'decision.over-appraised-support',
      ],
      [
        'a source the plan has no ceiling for',
        () => [{ projectId: noNorm[0], fundingSource: 'KCDP', amountVnd: 1 }],
        'decision.no-ceiling',
      ],
    ])('refuses %s with 422 naming the rule', async (_name, allocations, code) => {
      const reply = await decide('1/QĐ-BCT', allocations());
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe(code);
      await expectNothingWritten();
    });

    it('refuses an amount over the funding norm (30 % of a 2,000,000,000 VND model) even within the appraisal', async () => {
      const reply = await decide('1/QĐ-BCT', [
        { projectId: appraised[1], fundingSource: 'KCQG', amountVnd: 650_000_000 },
      ]);
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('decision.over-norm');
      expect(reply.body.detail).toMatch(
        /vượt mức tối đa 600\.000\.000 VND của định mức ".+" \(mã demonstration-model, Thông tư 28\/2018\/TT-BTC, phiên bản 1\)/,
      );
      await expectNothingWritten();
    });

    it('is all or nothing: one bad line refuses the good ones with it', async () => {
      const reply = await decide('1/QĐ-BCT', [
        { projectId: appraised[0], fundingSource: 'KCQG', amountVnd: 500_000_000 },
        { projectId: submitted[0], fundingSource: 'KCQG', amountVnd: 1 },
      ]);
      expect(reply.status).toBe(422);
      await expectNothingWritten();
    });

    it('refuses a malformed decision with 400 naming the field', async () => {
      const reply = await decide('1/QĐ-BCT', [
        { projectId: appraised[0], fundingSource: 'KCQG', amountVnd: 1 },
        { projectId: appraised[0], fundingSource: 'KCQG', amountVnd: 2 },
      ]);
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.map((e) => e.field)).toContain('body.allocations');
      await expectNothingWritten();
    });

    it('lets only the plan owner decide: a province officer may not decide the national plan', async () => {
      const reply = await decide(
        '1/QĐ-BCT',
        [{ projectId: appraised[0], fundingSource: 'KCQG', amountVnd: 1 }],
        'initial',
        officer('40'),
      );
      expect(reply.status).toBe(403);
      await expectNothingWritten();
    });

    it('refuses a second decision with the same number (409) and keeps the first', async () => {
      const first = await decide('7/QĐ-BCT', [
        { projectId: appraised[0], fundingSource: 'KCQG', amountVnd: 500_000_000 },
      ]);
      expect(first.status).toBe(201);
      const again = await decide('7/QĐ-BCT', [
        { projectId: noNorm[0], fundingSource: 'KCQG', amountVnd: 300_000_000 },
      ]);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('decision.duplicate-number');
      expect(await ceilingOf(plan.id)).toEqual({ ceiling: 50_000_000_000, allocated: 500_000_000 });
      expect(await countOf('assignment_decision', plan.id)).toBe(1);
      expect(await countOf('project_allocation', plan.id)).toBe(1);
    });

    it('refuses to lower the ceiling below what is allocated, and accepts a ceiling down to it', async () => {
      const set = (ceilingVnd: number, decisionNumber: string) =>
        as(central).post<PlanView & { code?: string }>(`/api/v1/plans/${plan.id}/ceilings`, {
          fundingSource: 'KCQG',
          ceilingVnd,
          decisionNumber,
          signedOn: '2094-06-01',
        });
      const below = await set(499_999_999, '20/QĐ-BCT');
      expect(below.status).toBe(422);
      expect(below.body.code).toBe('plan.ceiling-below-allocated');
      expect(await ceilingOf(plan.id)).toEqual({ ceiling: 50_000_000_000, allocated: 500_000_000 });
      const [{ n }] = await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE type = 'plans.plan.ceiling-set' AND message_key = $1`,
        [plan.id],
      );
      expect(n).toBe(1);

      const down = await set(500_000_000, '21/QĐ-BCT');
      expect(down.status).toBe(200);
      expect(down.body).toMatchObject({
        budgetVnd: 500_000_000,
        ceilings: [{ fundingSource: 'KCQG', ceilingVnd: 500_000_000, allocatedVnd: 500_000_000 }],
      });
      await expect(
        db.query(`UPDATE plan_ceiling SET ceiling_vnd = 1 WHERE plan_id = $1`, [plan.id]),
      ).rejects.toThrow(/plan_ceiling_not_exceeded/);
    });
  });

  describe('registration reports', () => {
    const register = (
      planId: string,
      projectIds: string[],
      who: Principal = officer('40'),
      provinceCode = '40',
    ) =>
      as(who).post<PlanRegistrationView & { code?: string; errors?: unknown; messages?: Bilingual }>(
        `/api/v1/plans/${planId}/registrations`,
        {
          provinceCode,
          reportNumber: '215/BC-SCT',
          reportDate: '2025-06-15',
          projectIds,
        },
      );

    it('accepts a report before the deadline as on time and one after it as late', async () => {
      const onTime = await createPlan({
        year: 2095,
        level: 'national',
        budgetVnd: 1,
        registrationDeadline: '2099-06-20',
      });
      const late = await createPlan({
        year: 2096,
        level: 'national',
        budgetVnd: 1,
        registrationDeadline: '2024-06-20',
      });
      const early = await announceProjects(onTime, 2, {
        provinceCode: '40',
        status: 'base-appraised',
      });
      const tardy = await announceProjects(late, 1, {
        provinceCode: '40',
        status: 'base-appraised',
      });

      const first = await register(onTime.id, early);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ late: false, deadline: '2099-06-20', projectIds: early });
      const second = await register(late.id, tardy);
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({ late: true, deadline: '2024-06-20' });

      const [event] = await db.rows<{ envelope: { payload: { late: boolean; projectIds: string[] } } }>(
        `SELECT envelope FROM outbox WHERE type = 'plans.registration.submitted' AND message_key = $1`,
        [late.id],
      );
      expect(event.envelope.payload).toMatchObject({ late: true, projectIds: tardy });
    });

    it('tells which units have sent their report and which have not yet', async () => {
      const plan = await createPlan({ year: 2088, level: 'national', budgetVnd: 1 });
      const projects = await announceProjects(plan, 1, {
        provinceCode: '40',
        status: 'base-appraised',
      });
      expect((await register(plan.id, projects)).status).toBe(201);
      const path = `/api/v1/plans/${plan.id}/registration-coverage`;
      const agency = await as(central).get<RegistrationCoverageView>(path);
      expect(agency.status).toBe(200);
      expect(agency.body).toMatchObject({ year: 2088, expected: 34, onTime: 1, late: 0 });
      expect(agency.body.missing).toHaveLength(33);
      expect(agency.body.missing).toContain('01');
      expect(agency.body.missing).not.toContain('40');
      expect(agency.body.units.find((u) => u.provinceCode === '40')).toMatchObject({
        nameVi: 'Nghệ An',
        status: 'on-time',
        projects: 1,
      });
      // A department sees its own unit only.
      const own = await as(officer('40')).get<RegistrationCoverageView>(path);
      expect(own.body.units.map((u) => u.provinceCode)).toEqual(['40']);
    });

    it('judges lateness on the day the province sent the report, however much later it is entered', async () => {
      const plan = await createPlan({
        year: 2089,
        level: 'national',
        budgetVnd: 1,
        registrationDeadline: '2024-06-20',
      });
      const projects = await announceProjects(plan, 2, {
        provinceCode: '40',
        status: 'base-appraised',
      });
      const body = { provinceCode: '40', reportNumber: '88/BC-SCT', reportDate: '2024-06-15' };
      const path = `/api/v1/plans/${plan.id}/registrations`;
      const before = await as(officer('40')).post<{ errors: { field: string; rule: string }[] }>(path, {
        ...body,
        sentOn: '2024-06-14',
        projectIds: projects,
      });
      expect([before.status, before.body.errors[0]]).toMatchObject([
        422,
        { field: 'sentOn', rule: 'registration.sent-before-dated' },
      ]);
      const entered = await as(officer('40')).post<PlanRegistrationView>(path, {
        ...body,
        sentOn: '2024-06-18',
        projectIds: projects,
      });
      expect(entered.status).toBe(201);
      expect(entered.body).toMatchObject({
        sentOn: '2024-06-18',
        late: false,
        submittedBy: expect.any(String),
      });
      expect(entered.body.submittedAt.slice(0, 4) > '2024').toBe(true);
      await expect(
        db.query(`UPDATE registration SET late = true WHERE id = $1`, [entered.body.id]),
      ).rejects.toThrow(/registration_late_when_sent_after_deadline/);
    });

    it('refuses projects not base-appraised, of another province, and another province’s officer', async () => {
      const plan = await createPlan({ year: 2097, level: 'national', budgetVnd: 1 });
      const [appraisedAlready] = await announceProjects(plan, 1, {
        provinceCode: '40',
        status: 'submitted',
      });
      const [haNoi] = await announceProjects(plan, 1, {
        provinceCode: '01',
        status: 'base-appraised',
      });

      const notBase = await register(plan.id, [appraisedAlready]);
      expect(notBase.status).toBe(422);
      expect(notBase.body).toMatchObject({ code: 'registration.project-not-base-appraised' });
      const other = await register(plan.id, [haNoi]);
      expect(other.status).toBe(422);
      expect(other.body).toMatchObject({ code: 'registration.unknown-project' });
      expect(other.body.messages?.en).toMatch(/is a project of province 01, not of province 40/);
      // A draft is never published to plans: the refusal says what may be listed, not "not of province 40".
      const draft = randomUUID();
      const unregistered = await register(plan.id, [draft]);
      expect(unregistered.status).toBe(422);
      expect(unregistered.body).toMatchObject({
        code: 'registration.unknown-project',
        errors: [{ field: 'projectIds[0]', rule: 'registration.unknown-project' }],
        messages: {
          vi:
            `Đề án ${draft} chưa được đăng ký vào kế hoạch này: báo cáo đăng ký chỉ liệt kê đề án đã đăng ký ` +
            'và đã thẩm định cấp cơ sở của tỉnh 40 trong kế hoạch (đề án dự thảo phải được đăng ký trước)',
          en:
            `Project ${draft} is not registered in this plan: a registration report lists only registered, ` +
            'base-appraised projects of province 40 in the plan (a draft project must be registered first)',
        },
      });
      const foreign = await register(plan.id, [haNoi], officer('40'), '01');
      expect(foreign.status).toBe(403);
      expect(await countOf('registration', plan.id)).toBe(0);
    });
  });
  describe('funding norms', () => {
    type NormView = { code: string; version: number; validTo: string | null; verified: boolean };
    const normsOn = async (asOf: string) =>
      (await as(central).get<NormView[]>(`/api/v1/funding-norms?asOf=${asOf}&activityContent=3`)).body;

    it('lists the versions in force on a date, verified 2018 values and unverified 2014 ones', async () => {
      expect((await normsOn('2020-01-01')).map((n) => [n.code, n.version, n.verified])).toEqual([
        ['demonstration-model', 1, true],
        ['machinery-technology', 1, true],
      ]);
      expect(await normsOn('2015-01-01')).toEqual([]);
      const all = (await as(central).get<NormView[]>('/api/v1/funding-norms?asOf=2020-01-01')).body;
      expect(all.find((n) => n.code === 'brand-consulting')).toMatchObject({ verified: false });
    });

    it('takes a new version from the agency, ending the one before it, and checks by the version in force', async () => {
      const version = {
        code: 'demonstration-model',
        nameVi: 'Xây dựng mô hình trình diễn kỹ thuật',
        nameEn: 'Technical demonstration model',
        activityContent: 3,
        legalBasis: 'Thông tư thay thế (thử nghiệm)',
        validFrom: '2097-01-01',
        maxPercentBp: 4000,
        maxVndPerUnit: 1_500_000_000,
        unit: 'mô hình',
        verified: false,
      };
      expect((await as(officer('40')).post('/api/v1/funding-norms', version)).status).toBe(403);
      const created = await as(central).post<NormView>('/api/v1/funding-norms', version);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ version: 2, validTo: null });
      expect((await normsOn('2096-12-31')).find((n) => n.code === 'demonstration-model')).toMatchObject({
        version: 1,
        validTo: '2096-12-31',
      });
      const overlapping = await as(central).post('/api/v1/funding-norms', {
        ...version,
        validFrom: '2096-06-01',
        validTo: '2096-12-31',
      });
      expect(overlapping.status).toBe(409);
      expect(overlapping.body).toMatchObject({ code: 'funding-norm.overlap' });

      const check = (asOf: string) =>
        as(officer('40')).post<{ withinNorm: boolean; maxSupportVnd: number; norm: NormView }>(
          '/api/v1/funding-norms/check',
          { code: 'demonstration-model', asOf, costVnd: 2_000_000_000, supportVnd: 700_000_000 },
        );
      const before = await check('2096-12-31');
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        withinNorm: false,
        maxSupportVnd: 600_000_000,
        norm: { version: 1 },
      });
      expect((await check('2097-01-01')).body).toMatchObject({
        withinNorm: true,
        maxSupportVnd: 800_000_000,
        norm: { version: 2 },
      });
    });
  });

  it('gives a stopped project’s unspent allocation back to its plan’s ceiling', async () => {
    const plan = await createPlan({ year: 2098, level: 'national', budgetVnd: 2_000_000_000 });
    const [projectId] = await announceProjects(plan, 1, {
      provinceCode: '40',
      status: 'ministry-appraised',
    });
    const decided = await as(central).post(`/api/v1/plans/${plan.id}/decisions`, {
      number: '5/QĐ-BCT',
      signedOn: '2098-01-05',
      kind: 'initial',
      allocations: [{ projectId, fundingSource: 'KCQG', amountVnd: 800_000_000 }],
    });
    expect(decided.status).toBe(201);
    await announce({
      type: 'projects.project.stopped',
      version: 1,
      projectId,
      provinceCode: '40',
      payload: {
        projectId,
        planId: plan.id,
        planYear: 2098,
        provinceCode: '40',
        fundingSource: 'KCQG',
        decisionNumber: '900/QĐ-BCT',
        stoppedOn: '2098-08-01',
        reason: 'Cơ sở không đảm bảo tiến độ đầu tư',
        allocatedVnd: 800_000_000,
        paidVnd: 300_000_000,
        unspentVnd: 500_000_000,
      },
    });
    await eventually(async () => (await ceilingOf(plan.id)).allocated === 300_000_000, 30_000);
    const [allocation] = await db.rows<{ amount_vnd: string }>(
      `SELECT amount_vnd FROM project_allocation WHERE project_id = $1`,
      [projectId],
    );
    expect(Number(allocation.amount_vnd)).toBe(300_000_000);
  });
});
