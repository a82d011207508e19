import { randomUUID } from 'node:crypto';
import type { ProjectDetailView, ProjectView, Principal } from '@kc/contracts';
import { assignmentDecidedV1, registrationSubmittedV1 } from '@kc/contracts';
import { business, central, officer } from '@kc/testing';
import { useProjectsContext } from './support/projects-context';
import {
  appraisal,
  assignmentDecided,
  draftBody,
  planCreated,
  registrationSubmitted,
} from './support/projects-harness';

/**
 * The project lifecycle over HTTP against the real service and database. Plans events are delivered
 * through the service's own handler inside the inbox transaction (see deliverPlanEvent), not via Kafka.
 */
describe('project lifecycle over HTTP', () => {
  const sct40 = officer('40');
  const national = planCreated(2026, 'national');
  const provincial = planCreated(2026, 'provincial', '40');
  const { as, db, deliver, createProject, toInPlan } = useProjectsContext('kc_it_projects_lifecycle', {
    plans: [national, provincial],
  });

  const outbox = async (projectId: string) =>
    (
      await db.query<{ type: string; envelope: { payload: Record<string, unknown> } }>(
        `SELECT type, envelope FROM outbox WHERE message_key = $1 AND type <> 'audit.record.appended' ORDER BY created_at, id`,
        [projectId],
      )
    ).rows;
  const row = async (projectId: string) =>
    (await db.query(`SELECT status, version, allocated_support_vnd FROM project WHERE id = $1`, [projectId]))
      .rows[0];
  const snapshot = async (projectId: string) => ({
    row: await row(projectId),
    outbox: Number(
      (await db.query(`SELECT count(*) AS n FROM outbox WHERE message_key = $1`, [projectId])).rows[0].n,
    ),
  });

  const post = (p: Principal, id: string, step: string, body: unknown = {}) =>
    as(p).post<ProjectView>(`/api/v1/projects/${id}/${step}`, body);

  it('walks a national project through the whole lifecycle, each step by the right role, with its events', async () => {
    const project = await createProject(national.planId);
    expect(project).toMatchObject({
      status: 'draft',
      code: 'KCQG-2026-40-001',
      requestedSupportVnd: 850_000_000,
    });

    expect((await post(sct40, project.id, 'register')).body.status).toBe('registered');
    expect((await post(sct40, project.id, 'base-appraisal', appraisal())).body.status).toBe('base-appraised');

    const submission = registrationSubmitted({
      planId: national.planId,
      planYear: 2026,
      projectIds: [project.id],
    });
    const eventId = randomUUID();
    expect(await deliver(registrationSubmittedV1, submission, eventId)).toBe('handled');
    expect(await deliver(registrationSubmittedV1, submission, eventId)).toBe('duplicate');
    expect((await row(project.id)).status).toBe('submitted');

    // Appraised above the request: refused, nothing changes.
    const before = await snapshot(project.id);
    const tooMuch = await post(
      central,
      project.id,
      'ministry-appraisal',
      appraisal('passed', { appraisedSupportVnd: 900_000_000 }),
    );
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'project.appraised-above-requested' });
    expect(await snapshot(project.id)).toEqual(before);

    const appraised = await post(
      central,
      project.id,
      'ministry-appraisal',
      appraisal('passed', { appraisedSupportVnd: 800_000_000 }),
    );
    expect(appraised.body).toMatchObject({ status: 'ministry-appraised', appraisedSupportVnd: 800_000_000 });

    const decision = (amountVnd: number, previousVnd: number, kind: 'initial' | 'adjustment') =>
      assignmentDecided({
        planId: national.planId,
        planYear: 2026,
        number: `${kind === 'initial' ? '3500' : '4100'}/QĐ-BCT`,
        kind,
        allocations: [{ projectId: project.id, amountVnd, previousVnd }],
      });
    await deliver(assignmentDecidedV1, decision(700_000_000, 0, 'initial'));
    expect(await row(project.id)).toMatchObject({ status: 'in-plan', allocated_support_vnd: '700000000' });
    await deliver(assignmentDecidedV1, decision(800_000_000, 700_000_000, 'adjustment'));
    expect(await row(project.id)).toMatchObject({ status: 'in-plan', allocated_support_vnd: '800000000' });

    const contract = {
      mode: 'contract',
      number: '15/2026/HĐ-KC',
      signedOn: '2026-03-20',
      parties: ['Cục', 'Công ty'],
    };
    const over = await post(central, project.id, 'contract', { ...contract, valueVnd: 800_000_001 });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'project.contract-above-allocated' });
    expect(
      (await post(central, project.id, 'contract', { ...contract, valueVnd: 790_000_000 })).body.status,
    ).toBe('contracted');

    // The first monthly report (the progress helper's route) moves the project into progress.
    const report = await as(sct40).post(`/api/v1/projects/${project.id}/progress-reports`, {
      month: '2026-04',
      percentDone: 20,
      spentVnd: 100_000_000,
      narrative: 'Đã lắp đặt xong nhà xưởng',
    });
    expect(report.status).toBe(201);
    expect((await row(project.id)).status).toBe('in-progress');

    const extended = await as(central).post<ProjectDetailView>(`/api/v1/projects/${project.id}/adjustments`, {
      kind: 'extension',
      decisionNumber: '1234/QĐ-BCT',
      decidedOn: '2026-11-20',
      reason: 'Thiết bị nhập khẩu giao chậm',
      newEndDate: '2027-03-31',
    });
    expect(extended.status).toBe(201);
    expect(extended.body).toMatchObject({ status: 'extended', endDate: '2027-03-31' });

    expect(
      (await post(sct40, project.id, 'accept', { acceptedOn: '2027-03-25', result: 'Đạt' })).body.status,
    ).toBe('accepted');
    const overFinal = await post(central, project.id, 'liquidate', {
      liquidatedOn: '2027-04-01',
      finalValueVnd: 800_000_000,
    });
    expect(overFinal.status).toBe(422);
    expect(
      (
        await post(central, project.id, 'liquidate', {
          liquidatedOn: '2027-04-01',
          finalValueVnd: 790_000_000,
        })
      ).body.status,
    ).toBe('liquidated');
    const settledAbovePaid = await post(central, project.id, 'settle', {
      settledVnd: 1,
      settledOn: '2028-01-10',
    });
    expect(settledAbovePaid.status).toBe(422);
    // Extended into 2027, so settlement was due by 22 January 2028.
    const settled = await post(central, project.id, 'settle', { settledVnd: 0, settledOn: '2028-02-01' });
    expect(settled.body).toMatchObject({ status: 'settled', settlementLate: true });

    const events = await outbox(project.id);
    const changes = events
      .filter((e) => e.type === 'projects.project.status-changed')
      .map((e) => e.envelope.payload);
    expect(changes.map((c) => [c.from, c.to, c.action])).toEqual([
      [null, 'draft', 'create'],
      ['draft', 'registered', 'register'],
      ['registered', 'base-appraised', 'base-appraise'],
      ['base-appraised', 'submitted', 'submit'],
      ['submitted', 'ministry-appraised', 'ministry-appraise'],
      ['ministry-appraised', 'in-plan', 'assign'],
      ['in-plan', 'contracted', 'contract'],
      ['contracted', 'in-progress', 'report-progress'],
      ['in-progress', 'extended', 'extend'],
      ['extended', 'accepted', 'accept'],
      ['accepted', 'liquidated', 'liquidate'],
      ['liquidated', 'settled', 'settle'],
    ]);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'projects.project.registered',
        'projects.project.appraised',
        'projects.project.contracted',
        'projects.project.adjusted',
        'projects.project.settled',
      ]),
    );
    expect(events.find((e) => e.type === 'projects.project.settled')?.envelope.payload).toMatchObject({
      late: true,
    });
    // One audit record per state change (requests and handled events alike).
    const audits = Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND type = 'audit.record.appended'`,
          [project.id],
        )
      ).rows[0].n,
    );
    expect(audits).toBe(13);

    const detail = await as(sct40).get<ProjectDetailView>(`/api/v1/projects/${project.id}`);
    expect(detail.body.appraisals.map((a) => [a.level, a.result, a.appraisedSupportVnd])).toEqual([
      ['base', 'passed', null],
      ['ministry', 'passed', 800_000_000],
    ]);
    expect(detail.body.adjustments).toEqual([
      expect.objectContaining({
        kind: 'extension',
        level: 'minister',
        before: { endDate: '2026-11-30' },
        after: { endDate: '2027-03-31' },
      }),
    ]);
    expect(detail.body.beneficiaries).toEqual([expect.objectContaining({ taxCode: '2900123456' })]);
  });

  it('refuses a unit code that is no longer in force on the project’s start date, writing nothing', async () => {
    // 30 Hải Dương went into 04 Hải Phòng on 2025-07-01: a 2026 project cannot name it.
    const before = Number((await db.query(`SELECT count(*) AS n FROM project`)).rows[0].n);
    const reply = await as(central).post<{ code: string; errors: { field: string }[] }>(
      '/api/v1/projects',
      draftBody(national.planId, { provinceCode: '30' }),
    );
    expect([reply.status, reply.body.code, reply.body.errors[0]?.field]).toEqual([
      422,
      'project.unit-not-in-force',
      'provinceCode',
    ]);
    expect(Number((await db.query(`SELECT count(*) AS n FROM project`)).rows[0].n)).toBe(before);
  });

  it('refuses an illegal transition with 409 naming status and action, changing nothing', async () => {
    const project = await createProject(national.planId, { beneficiaries: [] });
    expect((await post(sct40, project.id, 'register')).status).toBe(200);
    const before = await snapshot(project.id);
    const reply = await post(central, project.id, 'contract', {
      mode: 'contract',
      number: '1/HĐ',
      signedOn: '2026-03-01',
      valueVnd: 1,
      parties: ['Cục'],
    });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ code: 'project.illegal-transition' });
    expect(String((reply.body as unknown as { detail: string }).detail)).toMatch(
      /"contract" is not allowed from status "registered"/,
    );
    expect(String((reply.body as unknown as { detail: string }).detail)).toMatch(/allowed from: in-plan/);
    expect(await snapshot(project.id)).toEqual(before);
  });

  it('refuses the wrong role (403) and another province (404), changing nothing', async () => {
    const project = await createProject(national.planId, { beneficiaries: [] });
    expect((await post(sct40, project.id, 'register')).status).toBe(200);
    const before = await snapshot(project.id);

    // Base appraisal belongs to the project's provincial department, not the agency.
    const byAgency = await post(central, project.id, 'base-appraisal', appraisal());
    expect(byAgency.status).toBe(403);
    expect(byAgency.body).toMatchObject({ code: 'project.actor-not-allowed' });
    // Another province's officer cannot even see it.
    expect((await post(officer('01'), project.id, 'base-appraisal', appraisal())).status).toBe(404);
    expect((await as(officer('01')).get(`/api/v1/projects/${project.id}`)).status).toBe(404);
    // A business is not staff at all.
    expect((await post(business('2900123456'), project.id, 'base-appraisal', appraisal())).status).toBe(403);
    expect(await snapshot(project.id)).toEqual(before);

    // Ministry appraisal of a national project is the agency's: the province is refused.
    expect((await post(sct40, project.id, 'base-appraisal', appraisal())).status).toBe(200);
    await deliver(
      registrationSubmittedV1,
      registrationSubmitted({
        planId: national.planId,
        planYear: 2026,
        reportNumber: '9/SCT',
        projectIds: [project.id],
      }),
    );
    const submitted = await snapshot(project.id);
    const byProvince = await post(
      sct40,
      project.id,
      'ministry-appraisal',
      appraisal('passed', { appraisedSupportVnd: 1 }),
    );
    expect(byProvince.status).toBe(403);
    expect(await snapshot(project.id)).toEqual(submitted);
  });

  it('lets the province own every step of a provincial-plan project, and refuses the agency there', async () => {
    const project = await createProject(provincial.planId, {
      kcqgVnd: 0,
      kcdpVnd: 400_000_000,
      beneficiaries: [],
    });
    expect(project).toMatchObject({
      code: 'KCDP-2026-40-001',
      fundingSource: 'KCDP',
      requestedSupportVnd: 400_000_000,
    });
    expect((await post(sct40, project.id, 'register')).status).toBe(200);
    await toInPlan(project, 400_000_000);
    const before = await snapshot(project.id);
    const contract = {
      mode: 'task-assignment',
      number: '2/QĐ-SCT',
      signedOn: '2026-03-01',
      valueVnd: 400_000_000,
      parties: ['SCT'],
    };
    expect((await post(central, project.id, 'contract', contract)).status).toBe(403);
    expect(await snapshot(project.id)).toEqual(before);
    expect((await post(sct40, project.id, 'contract', contract)).body.status).toBe('contracted');
  });

  it('stops a project by decision, releasing the unspent allocation in projects.project.stopped', async () => {
    const project = await createProject(national.planId, { beneficiaries: [] });
    expect((await post(sct40, project.id, 'register')).status).toBe(200);
    await toInPlan(project, 600_000_000);
    const stop = { kind: 'stop', reason: 'Cơ sở thụ hưởng giải thể' };
    // A stop is the Minister's: the agency records it with the decision; a province may not.
    expect(
      (
        await as(sct40).post(`/api/v1/projects/${project.id}/adjustments`, {
          ...stop,
          decisionNumber: '1/QĐ',
          decidedOn: '2026-09-15',
        })
      ).status,
    ).toBe(403);
    const noDecision = await as(central).post(`/api/v1/projects/${project.id}/adjustments`, stop);
    expect(noDecision.status).toBe(422);
    expect(noDecision.body).toMatchObject({ code: 'project.decision-required' });
    const stopped = await as(central).post<ProjectDetailView>(`/api/v1/projects/${project.id}/adjustments`, {
      ...stop,
      decisionNumber: '1500/QĐ-BCT',
      decidedOn: '2026-09-15',
    });
    expect(stopped.body).toMatchObject({ status: 'stopped', stoppedOn: '2026-09-15' });
    const event = (await outbox(project.id)).find((e) => e.type === 'projects.project.stopped');
    expect(event?.envelope.payload).toMatchObject({
      allocatedVnd: 600_000_000,
      paidVnd: 0,
      unspentVnd: 600_000_000,
      fundingSource: 'KCQG',
    });
    // Stopped is final.
    expect(
      (
        await post(central, project.id, 'contract', {
          mode: 'contract',
          number: '1',
          signedOn: '2026-03-01',
          valueVnd: 1,
          parties: ['a'],
        })
      ).status,
    ).toBe(409);
  });

  it('rejects a failed base appraisal and records it', async () => {
    const project = await createProject(national.planId, { beneficiaries: [] });
    await post(sct40, project.id, 'register');
    const failed = await post(sct40, project.id, 'base-appraisal', appraisal('failed'));
    expect(failed.body.status).toBe('rejected');
    expect((await post(sct40, project.id, 'base-appraisal', appraisal())).status).toBe(409);
  });
});
