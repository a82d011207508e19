import { assignmentDecidedV1, registrationSubmittedV1, type ProjectHistoryImportView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useProjectsContext } from './support/projects-context';
import { assignmentDecided, draftBody, planCreated, registrationSubmitted } from './support/projects-harness';

/**
 * A plan's past migrated from old records through the real service and database: each record created once,
 * then its steps recorded as far as the plans service's own steps allow (delivered here as its events).
 */
describe('history import of projects', () => {
  const plan = planCreated(2019, 'national');
  const { as, db, deliver } = useProjectsContext('kc_it_projects_history', { plans: [plan] });
  const path = '/api/v1/projects/history-imports';
  const criteria = [{ name: 'Phù hợp nội dung khuyến công', passed: true }];

  /** A 2019 model-and-machinery project from its registration to its settlement (800 million allocated). */
  const record = (legacyRef: string, taxCode: string) => ({
    legacyRef,
    project: {
      ...draftBody(plan.planId, {
        title: `Hỗ trợ máy móc thiết bị sản xuất gốm sứ (${legacyRef})`,
        startDate: '2019-03-01',
        endDate: '2019-11-30',
        kcqgVnd: 900_000_000,
        kcdpVnd: 0,
        beneficiaries: [{ taxCode, name: 'Hợp tác xã gốm', legalForm: 'cooperative' }],
      }),
      planId: undefined,
    },
    baseAppraisal: {
      reviewer: 'Sở Công Thương Nghệ An',
      criteria,
      result: 'passed',
      appraisedOn: '2018-06-05',
    },
    ministryAppraisal: {
      reviewer: 'Cục Công Thương địa phương',
      criteria,
      result: 'passed',
      appraisedSupportVnd: 850_000_000,
      appraisedOn: '2018-10-20',
    },
    contract: {
      mode: 'contract',
      number: `${legacyRef}/HĐ-KC`,
      signedOn: '2019-03-12',
      valueVnd: 800_000_000,
      parties: ['Cục Công Thương địa phương', 'Trung tâm Khuyến công Nghệ An'],
    },
    reports: [
      {
        month: '2019-04',
        percentDone: 30,
        spentVnd: 240_000_000,
        narrative: '30%',
        receivedOn: '2019-04-20',
      },
      {
        month: '2019-08',
        percentDone: 75,
        spentVnd: 600_000_000,
        narrative: '75%',
        receivedOn: '2019-08-27',
      },
      {
        month: '2019-11',
        percentDone: 100,
        spentVnd: 800_000_000,
        narrative: '100%',
        receivedOn: '2019-11-20',
      },
    ],
    disbursements: [
      { kind: 'advance', amountVnd: 400_000_000, on: '2019-08-27', reference: 'UNC-1' },
      { kind: 'payment', amountVnd: 400_000_000, on: '2019-12-20', reference: 'UNC-2' },
    ],
    acceptance: { acceptedOn: '2019-12-10', result: 'Đạt yêu cầu' },
    liquidation: { liquidatedOn: '2019-12-25', finalValueVnd: 800_000_000 },
    settlement: { settledVnd: 800_000_000, settledOn: '2020-01-15' },
  });
  const records = [record('HS-2019-001', '4819000001'), record('HS-2019-002', '4819000002')];
  const send = (body: unknown, by = central) => as(by).post<ProjectHistoryImportView>(path, body);
  const statuses = async () =>
    (await db.query(`SELECT status FROM project WHERE plan_id = $1 ORDER BY code`, [plan.planId])).rows.map(
      (r) => r.status,
    );
  const ids = async () =>
    (await db.query(`SELECT id FROM project WHERE plan_id = $1 ORDER BY code`, [plan.planId])).rows.map(
      (r) => r.id as string,
    );

  it('creates each record once and records its steps up to the plans service’s, then on from there', async () => {
    const body = { planId: plan.planId, records };
    const first = await send(body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ records: 2, recorded: 6, refused: 0 });
    expect(first.body.results[0]).toMatchObject({
      legacyRef: 'HS-2019-001',
      code: 'KCQG-2019-40-001',
      status: 'base-appraised',
      waitingFor: 'registration',
      problems: [],
    });
    // Sent again before plans moved: nothing new, no second project.
    expect((await send(body)).body).toMatchObject({ recorded: 0 });
    expect(await statuses()).toEqual(['base-appraised', 'base-appraised']);

    const projectIds = await ids();
    await deliver(
      registrationSubmittedV1,
      registrationSubmitted({ planId: plan.planId, planYear: 2019, reportNumber: '15/BC-SCT', projectIds }),
    );
    expect((await send(body)).body.results.map((r) => [r.status, r.waitingFor])).toEqual([
      ['ministry-appraised', 'decision'],
      ['ministry-appraised', 'decision'],
    ]);

    await deliver(
      assignmentDecidedV1,
      assignmentDecided({
        planId: plan.planId,
        planYear: 2019,
        number: '4600/QĐ-BCT',
        signedOn: '2018-12-28',
        allocations: projectIds.map((projectId) => ({ projectId, amountVnd: 800_000_000 })),
      }),
    );
    const last = await send(body);
    expect(last.body).toMatchObject({ recorded: 18, refused: 0 });
    expect(await statuses()).toEqual(['settled', 'settled']);

    const [project] = (
      await db.query(
        `SELECT contract_value_vnd, advanced_vnd, paid_vnd, settled_vnd, settlement_late, last_progress_percent
           FROM project WHERE id = $1`,
        [projectIds[0]],
      )
    ).rows;
    expect(project).toEqual({
      contract_value_vnd: '800000000',
      advanced_vnd: '400000000',
      paid_vnd: '800000000',
      settled_vnd: '800000000',
      settlement_late: false,
      last_progress_percent: 100,
    });
    // Each report keeps the day it was received: the August one came after the 25th.
    const late = await db.query(
      `SELECT month, late FROM progress_report WHERE project_id = $1 ORDER BY month`,
      [projectIds[0]],
    );
    expect(late.rows.map((r) => [r.month, r.late])).toEqual([
      ['2019-04', false],
      ['2019-08', true],
      ['2019-11', false],
    ]);
  });

  it('publishes the live steps’ events in the order the steps happened, each dated its day, audited once per request', async () => {
    const [projectId] = await ids();
    const events = await db.query<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, envelope->'payload' AS payload FROM outbox WHERE message_key = $1 ORDER BY seq`,
      [projectId],
    );
    const changes = events.rows
      .filter((e) => e.type === 'projects.project.status-changed')
      .map((e) => [e.payload['to'], String(e.payload['at'])]);
    expect(changes.map(([to]) => to)).toEqual([
      'draft',
      'registered',
      'base-appraised',
      'submitted',
      'ministry-appraised',
      'in-plan',
      'contracted',
      'in-progress',
      'accepted',
      'liquidated',
      'settled',
    ]);
    // The recorded steps happened at the start of their day in Việt Nam (17:00 UTC the day before).
    expect(Object.fromEntries(changes.filter(([to]) => to !== 'draft' && to !== 'registered'))).toMatchObject(
      {
        'base-appraised': '2018-06-04T17:00:00.000Z',
        'ministry-appraised': '2018-10-19T17:00:00.000Z',
        contracted: '2019-03-11T17:00:00.000Z',
        'in-progress': '2019-04-19T17:00:00.000Z',
        settled: '2020-01-14T17:00:00.000Z',
      },
    );
    const types = events.rows.map((e) => e.type);
    expect(types.filter((t) => t === 'projects.progress.reported')).toHaveLength(3);
    expect(types.filter((t) => t === 'projects.disbursement.recorded')).toHaveLength(2);
    expect(types.indexOf('projects.project.contracted')).toBeLessThan(
      types.indexOf('projects.progress.reported'),
    );
    const imports = events.rows.filter(
      (e) => e.type === 'audit.record.appended' && e.payload['action'] === 'project.history-import',
    );
    expect(imports).toHaveLength(3); // base appraisal, ministry appraisal, contract to settlement
  });

  it('refuses a record that breaks a rule, naming the field, and writes nothing of it', async () => {
    const bad = { ...record('HS-2019-003', '4819000003'), ministryAppraisal: undefined };
    const reply = await send({ planId: plan.planId, records: [{ ...bad, baseAppraisal: undefined }] });
    // Created and registered, then: a contract for a project never appraised skips a step.
    expect(reply.body.results[0]).toMatchObject({
      projectId: null,
      problems: [{ field: 'records[0].baseAppraisal', rule: 'history.missing-step' }],
    });
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM project WHERE plan_id = $1`, [plan.planId])).rows[0].n,
    ).toBe(2);
  });

  it('leaves a national plan’s history to the agency', async () => {
    const reply = await send(
      { planId: plan.planId, records: [record('HS-2019-004', '4819000004')] },
      officer('40'),
    );
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ code: 'project.history-not-plan-owner' });
  });
});
