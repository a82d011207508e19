import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@kc/contracts';
import { PermanentHandlerError, type OutboxWriter } from '@kc/messaging';
import { ProjectProjectionsService } from './project-projections.service';

const PROJECT_ID = '5b0c6a1e-2f3d-4e8a-9c7b-1d2e3f4a5b6c';
const PLAN_ID = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';
const ids = { projectId: PROJECT_ID, planId: PLAN_ID, planYear: 2026, provinceCode: '40' };

function envelope<P>(type: string, payload: P, version = 1): EventEnvelope<P> {
  return {
    id: '12f7e648-7f96-426f-a45b-91b6e07f23a6',
    type,
    version,
    occurredAt: '2026-04-01T08:00:02.000+07:00',
    producer: 'projects',
    aggregateId: PROJECT_ID,
    provinceCode: '40',
    actor: { kind: 'system', id: 'platform' },
    correlationId: '3b1f0c2e-5d7a-4a51-9f0e-1c2d3e4f5a6b',
    causationId: null,
    payload,
  } as EventEnvelope<P>;
}

/**
 * A manager over one optional project row: records updates, answers lookups. The money ledger takes every
 * movement as new, unless `recorded` holds the ledger's rows (then a movement under a key found there is not).
 */
function fakeManager(row: Record<string, unknown> | null, recorded: Record<string, unknown>[] = []) {
  const update = jest.fn().mockResolvedValue({ affected: row ? 1 : 0 });
  const upsert = jest.fn().mockResolvedValue(undefined);
  const query = jest.fn(async (sql: string, params: unknown[]) => {
    const keys = params[0] as string[];
    if (sql.trimStart().startsWith('INSERT INTO money_movement'))
      return keys.filter((k) => !recorded.some((r) => r.key === k)).map((k) => ({ movement_key: k }));
    return recorded.filter((r) => keys.includes(r.key as string));
  });
  const manager = {
    existsBy: jest.fn().mockResolvedValue(row !== null),
    findOneBy: jest.fn().mockResolvedValue(row),
    update,
    upsert,
    query,
  } as unknown as EntityManager;
  /** The movements appended, one object per movement. */
  const appended = () =>
    query.mock.calls
      .filter(([sql]) => sql.trimStart().startsWith('INSERT INTO money_movement'))
      .flatMap(([, params]) =>
        (params[0] as string[]).map((key, i) => ({
          key,
          kind: (params[2] as string[])[i],
          fund: (params[3] as string[])[i],
          amountVnd: (params[4] as string[])[i],
          on: (params[5] as string[])[i],
          provinceAsOf: (params[8] as string[])[i],
        })),
      );
  return { manager, update, upsert, appended };
}

function service() {
  const audit = jest.fn().mockResolvedValue(undefined);
  return { projects: new ProjectProjectionsService({ audit } as unknown as OutboxWriter), audit };
}

const statusChanged = (from: string | null, to: string) =>
  envelope('projects.project.status-changed', { ...ids, from, to, action: 'x', at: '2026-04-01T01:00:00Z' });

describe('project projection', () => {
  it('parks a registration of version 1, which lacks the facts the figures need', async () => {
    const { projects, audit } = service();
    const { manager } = fakeManager(null);
    await expect(
      projects.projectRegistered(manager, envelope('projects.project.registered', ids, 1) as never),
    ).rejects.toThrow(PermanentHandlerError);
    expect(audit).not.toHaveBeenCalled();
  });

  it('skips the steps of a draft before its registration facts, but parks any later step of an unknown project', async () => {
    const { projects, audit } = service();
    const { manager, update } = fakeManager(null);
    await projects.statusChanged(manager, statusChanged(null, 'draft') as never);
    // The projects service publishes the registration step just before the registration's facts.
    await projects.statusChanged(manager, statusChanged('draft', 'registered') as never);
    expect(update).not.toHaveBeenCalled();
    expect(audit).not.toHaveBeenCalled();
    await expect(
      projects.statusChanged(manager, statusChanged('in-plan', 'contracted') as never),
    ).rejects.toThrow(PermanentHandlerError);
  });

  it('moves a known project to its new status, with one audit record', async () => {
    const { projects, audit } = service();
    const { manager, update } = fakeManager({ projectId: PROJECT_ID });
    await projects.statusChanged(manager, statusChanged('accepted', 'liquidated') as never);
    expect(update).toHaveBeenCalledWith(
      expect.anything(),
      { projectId: PROJECT_ID },
      { status: 'liquidated', statusChangedAt: new Date('2026-04-01T01:00:00Z') },
    );
    expect(audit).toHaveBeenCalledTimes(1);
  });

  it('takes an amount only from a passed ministry-level appraisal', async () => {
    const { projects } = service();
    const { manager, update } = fakeManager({ projectId: PROJECT_ID });
    const appraisal = (level: string, result: string, appraisedSupportVnd: number | null) =>
      envelope('projects.project.appraised', { ...ids, level, result, appraisedSupportVnd }) as never;
    await projects.appraised(manager, appraisal('base', 'passed', null));
    await projects.appraised(manager, appraisal('ministry', 'failed', null));
    expect(update).not.toHaveBeenCalled();
    await projects.appraised(manager, appraisal('ministry', 'passed', 850_000_000));
    expect(update).toHaveBeenCalledWith(
      expect.anything(),
      { projectId: PROJECT_ID },
      { appraisedSupportVnd: 850_000_000 },
    );
  });

  it('keeps the date of the first advance and takes the running totals of each movement', async () => {
    const { projects } = service();
    const move = (kind: string, on: string, advancedVnd: number, paidVnd: number) =>
      envelope('projects.disbursement.recorded', {
        ...ids,
        disbursementId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        kind,
        amountVnd: 1,
        on,
        advancedVnd,
        paidVnd,
      }) as never;
    const first = fakeManager({ projectId: PROJECT_ID, firstAdvanceOn: null, fundingSource: 'KCQG' });
    await projects.disbursementRecorded(first.manager, move('advance', '2026-05-02', 400, 400));
    expect(first.update.mock.calls[0][2]).toEqual({
      advancedVnd: 400,
      paidVnd: 400,
      firstAdvanceOn: '2026-05-02',
    });
    const later = fakeManager({ projectId: PROJECT_ID, firstAdvanceOn: '2026-05-02', fundingSource: 'KCQG' });
    await projects.disbursementRecorded(later.manager, move('advance', '2026-07-01', 600, 600));
    expect(later.update.mock.calls[0][2]).toMatchObject({ firstAdvanceOn: '2026-05-02' });
  });

  it('keeps every monthly report, and the latest month as the progress', async () => {
    const { projects } = service();
    const report = (month: string, percentDone: number) =>
      envelope('projects.progress.reported', {
        ...ids,
        reportId: '0b0c6a1e-2f3d-4e8a-9c7b-1d2e3f4a5b6c',
        month,
        percentDone,
        spentVnd: 0,
        receivedAt: '2026-06-20T02:00:00Z',
        late: false,
      }) as never;
    const { manager, update, upsert } = fakeManager({ projectId: PROJECT_ID, lastProgressMonth: '2026-05' });
    await projects.progressReported(manager, report('2026-04', 20));
    expect(upsert).toHaveBeenCalledTimes(1);
    expect(update).not.toHaveBeenCalled();
    await projects.progressReported(manager, report('2026-06', 45));
    expect(update.mock.calls[0][2]).toMatchObject({ lastProgressMonth: '2026-06', lastProgressPercent: 45 });
  });

  it('moves the schedule on an extension, and parks an adjustment of a project it never saw', async () => {
    const { projects } = service();
    const extension = envelope('projects.project.adjusted', {
      ...ids,
      kind: 'extension',
      before: { endDate: '2026-11-30' },
      after: { endDate: '2027-06-30' },
    }) as never;
    const known = fakeManager({ projectId: PROJECT_ID });
    await projects.adjusted(known.manager, extension);
    expect(known.update.mock.calls[0][2]).toEqual({ endDate: '2027-06-30' });
    const partner = envelope('projects.project.adjusted', {
      ...ids,
      kind: 'partner',
      before: {},
      after: { partners: [] },
    });
    await expect(projects.adjusted(fakeManager(null).manager, partner as never)).rejects.toThrow(
      PermanentHandlerError,
    );
  });

  it("appends each movement to the money ledger on its day, from the project's fund, refunds taken back", async () => {
    const { projects } = service();
    const { manager, appended } = fakeManager({
      projectId: PROJECT_ID,
      firstAdvanceOn: null,
      fundingSource: 'KCDP',
    });
    const refund = envelope('projects.disbursement.recorded', {
      ...ids,
      disbursementId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      kind: 'refund',
      amountVnd: 25_000_000,
      on: '2026-04-02',
      advancedVnd: 0,
      paidVnd: 375_000_000,
    });
    await projects.disbursementRecorded(manager, refund as never);
    await projects.settled(
      manager,
      envelope('projects.project.settled', {
        ...ids,
        settledVnd: 370_000_000,
        settledOn: '2026-12-20',
        late: false,
      }) as never,
    );
    expect(appended()).toEqual([
      {
        key: 'disbursement:7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        kind: 'refund',
        fund: 'KCDP',
        amountVnd: '-25000000',
        on: '2026-04-02',
        provinceAsOf: '2026-01-01',
      },
      {
        key: `settlement:${PROJECT_ID}`,
        kind: 'settlement',
        fund: 'KCDP',
        amountVnd: '370000000',
        on: '2026-12-20',
        provinceAsOf: '2026-01-01',
      },
    ]);
  });

  it('takes the same movement given again under another event as nothing new, and parks a different one', async () => {
    const { projects } = service();
    const settled = (settledVnd: number) =>
      envelope('projects.project.settled', {
        ...ids,
        settledVnd,
        settledOn: '2026-12-20',
        late: false,
      }) as never;
    const recorded = {
      key: `settlement:${PROJECT_ID}`,
      projectId: PROJECT_ID,
      kind: 'settlement',
      fund: 'KCQG',
      amountVnd: '370000000',
      on: '2026-12-20',
      planYear: 2026,
    };
    const project = { projectId: PROJECT_ID, fundingSource: 'KCQG' };
    const same = fakeManager(project, [recorded]);
    await projects.settled(same.manager, settled(370_000_000));
    expect(same.update).toHaveBeenCalledTimes(1);
    const other = fakeManager(project, [recorded]);
    await expect(projects.settled(other.manager, settled(360_000_000))).rejects.toThrow(
      PermanentHandlerError,
    );
    expect(other.update).not.toHaveBeenCalled();
  });

  it('parks a decision allocating to a code that named no unit in the plan year', async () => {
    const { projects } = service();
    const decision = envelope('plans.assignment.decided', {
      decisionId: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
      planId: PLAN_ID,
      planYear: 2026,
      number: '12/QĐ-BCT',
      signedOn: '2026-01-10',
      kind: 'initial',
      // Nam Định (36) went into Ninh Bình on 2025-07-01: the code names no unit in 2026.
      allocations: [
        { projectId: PROJECT_ID, provinceCode: '36', fundingSource: 'KCQG', amountVnd: 1, previousVnd: 0 },
      ],
    });
    await expect(projects.assignmentDecided(fakeManager(null).manager, decision as never)).rejects.toThrow(
      PermanentHandlerError,
    );
  });
});
