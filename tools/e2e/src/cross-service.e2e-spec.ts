import type { AssignmentDecisionView, PlanView, ProjectView } from '@kc/contracts';
import { as, type Reply, type Session } from './gateway-client';

// Every step below is decided by a service on its copy of another service's facts (plans ← projects for the
// registration and the decision, projects ← plans for the plan, `submitted` and `in-plan`), sent the moment
// the step before it answered. A copy that lags must never turn into a refusal (docs/conventions.md).
const YEAR = 2036;
const CHAINS = 200;
const IN_FLIGHT = 6;
const SUPPORT = 100_000_000;

const draft = (planId: string, n: number) => ({
  planId,
  title: `Chuỗi liên dịch vụ số ${n}: đào tạo nghề thêu ren`,
  kind: 'ordinary',
  activityContents: [1],
  implementingUnit: 'Trung tâm Khuyến công Nghệ An',
  provinceCode: '40',
  startDate: `${YEAR}-03-01`,
  endDate: `${YEAR}-10-31`,
  kcqgVnd: SUPPORT,
  kcdpVnd: 0,
  counterpartVnd: 20_000_000,
  otherVnd: 0,
  procurementMode: 'selection',
  advanceCategory: 'training-events-media',
});
const appraisal = (on: string) => ({
  reviewer: 'Hội đồng thẩm định',
  criteria: [{ name: 'Phù hợp nội dung khuyến công', passed: true }],
  result: 'passed',
  appraisedOn: on,
});

/** The answer, or a failure naming the step and what the service said. */
function ok<T>(step: string, reply: Reply<T>): T {
  if (reply.status >= 300) throw new Error(`${step} → ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

async function inParallel(count: number, limit: number, work: (n: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

describe('cross-service preconditions, back to back', () => {
  let agency: Session;
  let ngheAn: Session;
  beforeAll(async () => {
    agency = await as('cuc.canbo');
    ngheAn = await as('sct.40');
  });

  it(`never refuses a step because a copy lags: ${CHAINS} projects from creation to contract, each step sent at once`, async () => {
    // The plan is used the instant it exists: projects learns of it by an event.
    const plan = ok(
      'create plan',
      await agency.post<PlanView>('/api/v1/plans', {
        year: YEAR,
        level: 'national',
        budgetVnd: CHAINS * SUPPORT,
      }),
    );
    const failures: string[] = [];
    await inParallel(CHAINS, IN_FLIGHT, async (n) => {
      try {
        const project = ok('create', await ngheAn.post<ProjectView>('/api/v1/projects', draft(plan.id, n)));
        const path = (step: string) => `/api/v1/projects/${project.id}/${step}`;
        ok('register', await ngheAn.post(path('register'), {}));
        ok('base appraisal', await ngheAn.post(path('base-appraisal'), appraisal(`${YEAR - 1}-05-10`)));
        // plans ← projects: the registration needs plans' copy to know the project as base-appraised.
        ok(
          'registration',
          await ngheAn.post(`/api/v1/plans/${plan.id}/registrations`, {
            provinceCode: '40',
            reportNumber: `${n + 1}/BC-SCT`,
            reportDate: `${YEAR - 1}-05-12`,
            projectIds: [project.id],
          }),
        );
        // projects ← plans: `submitted` comes with the registration event.
        ok(
          'ministry appraisal',
          await agency.post(path('ministry-appraisal'), {
            ...appraisal(`${YEAR - 1}-08-01`),
            appraisedSupportVnd: SUPPORT,
          }),
        );
        // plans ← projects: the decision needs the appraised support in plans' copy.
        ok(
          'decision',
          await agency.post<AssignmentDecisionView>(`/api/v1/plans/${plan.id}/decisions`, {
            number: `${n + 1}/QĐ-BCT`,
            signedOn: `${YEAR - 1}-12-20`,
            kind: 'initial',
            allocations: [{ projectId: project.id, fundingSource: 'KCQG', amountVnd: SUPPORT }],
          }),
        );
        // projects ← plans: `in-plan` and the allocation come with the decision event.
        const contracted = ok(
          'contract',
          await agency.post<ProjectView>(path('contract'), {
            mode: 'contract',
            number: `${n + 1}/HĐ-KC`,
            signedOn: `${YEAR}-02-15`,
            valueVnd: SUPPORT,
            parties: ['Cục Công Thương địa phương', 'Trung tâm Khuyến công Nghệ An'],
          }),
        );
        expect(contracted.status).toBe('contracted');
      } catch (error) {
        failures.push(`chain ${n}: ${(error as Error).message}`);
      }
    });
    expect(failures).toEqual([]);
    const allocated = ok('plan', await agency.get<PlanView>(`/api/v1/plans/${plan.id}`));
    expect(allocated).toMatchObject({ id: plan.id });
  }, 600_000);

  it('answers a refusal that depends on state afresh: the same Idempotency-Key succeeds once the state allows it', async () => {
    const plan = ok(
      'create plan',
      await agency.post<PlanView>('/api/v1/plans', { year: YEAR + 1, level: 'national', budgetVnd: 1 }),
    );
    const project = ok('create', await ngheAn.post<ProjectView>('/api/v1/projects', draft(plan.id, 0)));
    const path = (step: string) => `/api/v1/projects/${project.id}/${step}`;
    ok('register', await ngheAn.post(path('register'), {}));
    ok('base appraisal', await ngheAn.post(path('base-appraisal'), appraisal(`${YEAR}-05-10`)));
    ok(
      'registration',
      await ngheAn.post(`/api/v1/plans/${plan.id}/registrations`, {
        provinceCode: '40',
        reportNumber: '1/BC-SCT',
        reportDate: `${YEAR}-05-12`,
        projectIds: [project.id],
      }),
    );
    ok(
      'ministry appraisal',
      await agency.post(path('ministry-appraisal'), {
        ...appraisal(`${YEAR}-08-01`),
        appraisedSupportVnd: SUPPORT,
      }),
    );
    const decision = {
      number: '1/QĐ-BCT',
      signedOn: `${YEAR}-12-20`,
      kind: 'initial',
      allocations: [{ projectId: project.id, fundingSource: 'KCQG', amountVnd: SUPPORT }],
    };
    const key = { 'idempotency-key': `decision-${plan.id}` };
    const refused = await agency.post(`/api/v1/plans/${plan.id}/decisions`, decision, key);
    expect([refused.status, (refused.body as { code?: string }).code]).toEqual([
      422,
      'plan.ceiling-exceeded',
    ]);

    ok(
      'raise ceiling',
      await agency.post(`/api/v1/plans/${plan.id}/ceilings`, {
        fundingSource: 'KCQG',
        ceilingVnd: SUPPORT,
        decisionNumber: '2/QĐ-BCT',
        signedOn: `${YEAR}-12-19`,
      }),
    );
    const again = await agency.post<AssignmentDecisionView>(
      `/api/v1/plans/${plan.id}/decisions`,
      decision,
      key,
    );
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    // Now the key holds the completed decision: a third send replays it and decides nothing new.
    const replay = await agency.post<AssignmentDecisionView>(
      `/api/v1/plans/${plan.id}/decisions`,
      decision,
      key,
    );
    expect([replay.status, replay.headers.get('idempotent-replayed'), replay.body.id]).toEqual([
      201,
      'true',
      again.body.id,
    ]);
    const decisions = ok(
      'decisions',
      await agency.get<AssignmentDecisionView[]>(`/api/v1/plans/${plan.id}/decisions`),
    );
    expect(decisions).toHaveLength(1);
  });

  it('refuses at once, with the rule, what the owner refuses too: a draft never waits for the copy', async () => {
    const plan = ok(
      'create plan',
      await agency.post<PlanView>('/api/v1/plans', {
        year: YEAR + 1,
        level: 'provincial',
        provinceCode: '40',
        budgetVnd: 1,
      }),
    );
    const project = ok(
      'create',
      await ngheAn.post<ProjectView>('/api/v1/projects', {
        ...draft(plan.id, 1),
        kcqgVnd: 0,
        kcdpVnd: SUPPORT,
      }),
    );
    const refused = await ngheAn.post<{ code: string; detail: string }>(
      `/api/v1/plans/${plan.id}/registrations`,
      {
        provinceCode: '40',
        reportNumber: '2/BC-SCT',
        reportDate: `${YEAR + 1}-05-12`,
        projectIds: [project.id],
      },
    );
    // Not 503 consistency.replica-behind after waiting for a copy that will never show a draft.
    expect([refused.status, refused.body.code]).toEqual([422, 'registration.unknown-project']);
  });
});
