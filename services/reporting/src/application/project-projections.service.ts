import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  assignmentDecidedV1,
  disbursementRecordedV1,
  EventEnvelope,
  PayloadOf,
  planCeilingSetV1,
  progressReportedV1,
  projectAdjustedV1,
  projectAppraisedV1,
  projectContractedV1,
  projectRegisteredV2,
  projectSettledV1,
  projectStatusChangedV1,
  projectStoppedV1,
} from '@kc/contracts';
import { OutboxWriter, PermanentHandlerError } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import {
  allocationMovements,
  disbursementMovement,
  releaseMovement,
  settlementMovement,
  type MoneyMovement,
} from '../domain/money-ledger';
import { COMPLETED } from '../domain/project-stages';
import { readingDateForYear } from '../domain/province-dates';
import { recordMovements } from '../infrastructure/persistence/money-ledger/money-ledger';
import {
  AllocationProjection,
  PlanCeilingProjection,
  ProgressReportProjection,
  ProjectProjection,
} from '../infrastructure/persistence/projection.entities';
import { projectSummaries } from './project-audit';

type Event<D> = EventEnvelope<PayloadOf<D>>;
type ProjectFacts = Partial<Omit<ProjectProjection, 'projectId'>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Keeps the project read models from the projects and plans events. A project's own events travel on
 * projects.project.events keyed by project id, so they arrive in order after its registration; a fact about a
 * project never registered here means the registration was parked in the dead-letter topic: the fact is
 * parked too, and a redrive replays both in order. Plans decisions come on another topic in no order relative
 * to those, so allocations are stored on their own and summed when read. Every movement of money (allocation,
 * disbursement, settlement, release) is also appended, dated, to the money ledger, which the periodic reports
 * sum up to a period's last day. Every write goes through the inbox transaction's manager with one audit record.
 */
@Injectable()
export class ProjectProjectionsService {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Replays overwrite the facts but never the status or the money that later events moved. */
  async projectRegistered(manager: EntityManager, event: Event<typeof projectRegisteredV2>) {
    const { payload: p, occurredAt } = event;
    // Version 1 lacks the facts the figures need (it left the catalog with the approval step).
    if (event.version !== 2)
      throw new PermanentHandlerError(`projects.project.registered v${event.version} is not projected`);
    const asOf = readingDateForYear(p.provinceCode, p.planYear);
    if (asOf === undefined)
      throw new PermanentHandlerError(
        `province code ${p.provinceCode} named no provincial unit in ${p.planYear}`,
      );
    const facts = {
      code: p.code,
      title: p.title,
      planId: p.planId,
      planYear: p.planYear,
      planLevel: p.planLevel,
      fundingSource: p.fundingSource,
      kind: p.kind,
      activityContents: p.activityContents,
      advanceCategory: p.advanceCategory,
      provinceCode: p.provinceCode,
      provinceAsOf: asOf,
      startDate: p.startDate,
      endDate: p.endDate,
      requestedSupportVnd: p.requestedSupportVnd,
      counterpartVnd: p.counterpartVnd,
    };
    await manager
      .createQueryBuilder()
      .insert()
      .into(ProjectProjection)
      .values({
        projectId: p.projectId,
        ...facts,
        status: 'registered',
        statusChangedAt: new Date(occurredAt),
        registeredAt: new Date(occurredAt),
      })
      .orUpdate(
        [
          'code',
          'title',
          'plan_id',
          'plan_year',
          'plan_level',
          'funding_source',
          'kind',
          'activity_contents',
          'advance_category',
          'province_code',
          'province_as_of',
          'start_date',
          'end_date',
          'requested_support_vnd',
          'counterpart_vnd',
        ],
        ['project_id'],
      )
      .execute();
    await this.record(manager, event, projectSummaries.registered(p));
  }

  /**
   * A draft is not reported until it is registered. Its creation, and the registration step itself (which the
   * projects service publishes just before the registration's facts), come before the row exists: both are
   * skipped, the registration writes the row as registered.
   */
  async statusChanged(manager: EntityManager, event: Event<typeof projectStatusChangedV1>) {
    const { payload: p } = event;
    const beforeFacts = p.to === 'draft' || (p.from === 'draft' && p.to === 'registered');
    if (beforeFacts && !(await this.exists(manager, p.projectId))) return;
    await this.update(manager, p.projectId, { status: p.to, statusChangedAt: new Date(p.at) }, event.type);
    // The first step into a completed status dates the completion (a later liquidation or settlement keeps it).
    await manager.query(
      `UPDATE project_projection
          SET completed_on = CASE WHEN $2 THEN coalesce(completed_on, $3::date) END
        WHERE project_id = $1`,
      [p.projectId, (COMPLETED as ReadonlySet<string>).has(p.to), vietnamDate(new Date(p.at))],
    );
    await this.record(manager, event, projectSummaries.statusChanged(p));
  }

  /** Only a passed ministry-level appraisal fixes an amount; other appraisals show in the status alone. */
  async appraised(manager: EntityManager, event: Event<typeof projectAppraisedV1>) {
    const { payload: p } = event;
    if (p.level !== 'ministry' || p.result !== 'passed' || p.appraisedSupportVnd === null) return;
    await this.update(manager, p.projectId, { appraisedSupportVnd: p.appraisedSupportVnd }, event.type);
    await this.record(manager, event, projectSummaries.appraised(p));
  }

  async contracted(manager: EntityManager, event: Event<typeof projectContractedV1>) {
    const { payload: p } = event;
    await this.update(
      manager,
      p.projectId,
      { contractValueVnd: p.contractValueVnd, contractedOn: p.signedOn },
      event.type,
    );
    await this.record(manager, event, projectSummaries.contracted(p));
  }

  /** Keeps every month's report (the watchlist looks for missing ones) and the latest month's progress. */
  async progressReported(manager: EntityManager, event: Event<typeof progressReportedV1>) {
    const { payload: p } = event;
    const project = await manager.findOneBy(ProjectProjection, { projectId: p.projectId });
    if (!project) throw this.unregistered(p.projectId, event.type);
    await manager.upsert(
      ProgressReportProjection,
      {
        projectId: p.projectId,
        month: p.month,
        reportId: p.reportId,
        percentDone: p.percentDone,
        spentVnd: p.spentVnd,
        receivedAt: new Date(p.receivedAt),
        late: p.late,
      },
      ['projectId', 'month'],
    );
    if (project.lastProgressMonth === null || project.lastProgressMonth <= p.month) {
      await manager.update(
        ProjectProjection,
        { projectId: p.projectId },
        {
          lastProgressMonth: p.month,
          lastProgressPercent: p.percentDone,
          lastReportReceivedAt: new Date(p.receivedAt),
        },
      );
    }
    await this.record(manager, event, projectSummaries.progressReported(p));
  }

  /**
   * The event carries the running totals, so a movement sets them rather than adding to them; the ledger keeps
   * the movement itself, from the project's fund, on its day.
   */
  async disbursementRecorded(manager: EntityManager, event: Event<typeof disbursementRecordedV1>) {
    const { payload: p } = event;
    const project = await manager.findOneBy(ProjectProjection, { projectId: p.projectId });
    if (!project) throw this.unregistered(p.projectId, event.type);
    await this.ledger(manager, event, [disbursementMovement(p, project.fundingSource)]);
    const firstAdvance =
      p.kind === 'advance' && project.firstAdvanceOn === null ? p.on : project.firstAdvanceOn;
    await manager.update(
      ProjectProjection,
      { projectId: p.projectId },
      { advancedVnd: p.advancedVnd, paidVnd: p.paidVnd, firstAdvanceOn: firstAdvance },
    );
    await this.record(manager, event, projectSummaries.disbursementRecorded(p));
  }

  async settled(manager: EntityManager, event: Event<typeof projectSettledV1>) {
    const { payload: p } = event;
    const project = await manager.findOneBy(ProjectProjection, { projectId: p.projectId });
    if (!project) throw this.unregistered(p.projectId, event.type);
    await this.ledger(manager, event, [settlementMovement(p, project.fundingSource)]);
    await this.update(
      manager,
      p.projectId,
      { settledVnd: p.settledVnd, settledOn: p.settledOn, settledLate: p.late },
      event.type,
    );
    await this.record(manager, event, projectSummaries.settled(p));
  }

  /** What a stop gave back no longer counts as allocated, from the stop's day on. */
  async stopped(manager: EntityManager, event: Event<typeof projectStoppedV1>) {
    const { payload: p } = event;
    // An unknown project fails the update below, which rolls the movement back with it.
    await this.ledger(manager, event, [releaseMovement(p)]);
    await this.update(
      manager,
      p.projectId,
      { releasedVnd: p.unspentVnd, stoppedOn: p.stoppedOn },
      event.type,
    );
    await this.record(manager, event, projectSummaries.stopped(p));
  }

  /**
   * Of an adjustment the reports use only a new schedule (an extension or a timing change moves the dates
   * the watchlist measures progress and deadlines against); the status change comes with its own event.
   */
  async adjusted(manager: EntityManager, event: Event<typeof projectAdjustedV1>) {
    const { payload: p } = event;
    const schedule: ProjectFacts = {};
    if (typeof p.after['startDate'] === 'string' && ISO_DATE.test(p.after['startDate']))
      schedule.startDate = p.after['startDate'];
    if (typeof p.after['endDate'] === 'string' && ISO_DATE.test(p.after['endDate']))
      schedule.endDate = p.after['endDate'];
    if (Object.keys(schedule).length === 0) {
      if (!(await this.exists(manager, p.projectId))) throw this.unregistered(p.projectId, event.type);
      return;
    }
    await this.update(manager, p.projectId, schedule, event.type);
    await this.record(manager, event, projectSummaries.adjusted(p));
  }

  /**
   * Each allocation row holds the amount after the decision and before it; a replay changes nothing. The ledger
   * takes each change on the signing day (the project may not be registered here yet: the ledger needs only the
   * decision's facts).
   */
  async assignmentDecided(manager: EntityManager, event: Event<typeof assignmentDecidedV1>) {
    const { payload: p } = event;
    await this.ledger(manager, event, allocationMovements(p));
    await manager
      .createQueryBuilder()
      .insert()
      .into(AllocationProjection)
      .values(
        p.allocations.map((a) => ({
          decisionId: p.decisionId,
          projectId: a.projectId,
          fundingSource: a.fundingSource,
          planId: p.planId,
          planYear: p.planYear,
          decisionNumber: p.number,
          signedOn: p.signedOn,
          amountVnd: a.amountVnd,
          previousVnd: a.previousVnd,
        })),
      )
      .orIgnore()
      .execute();
    await this.record(manager, event, projectSummaries.assignmentDecided(p));
  }

  /** A plan's budget is the sum of its ceilings; plan events are keyed by plan id, so the plan came first. */
  async planCeilingSet(manager: EntityManager, event: Event<typeof planCeilingSetV1>) {
    const { payload: p } = event;
    await manager.upsert(
      PlanCeilingProjection,
      {
        planId: p.planId,
        fundingSource: p.fundingSource,
        ceilingVnd: p.ceilingVnd,
        decisionNumber: p.decisionNumber,
        signedOn: p.signedOn,
      },
      ['planId', 'fundingSource'],
    );
    const result = await manager.query(
      `UPDATE plan_projection
          SET budget_vnd = (SELECT sum(ceiling_vnd) FROM plan_ceiling_projection WHERE plan_id = $1)
        WHERE plan_id = $1`,
      [p.planId],
    );
    if (result[1] === 0)
      throw new PermanentHandlerError(`plan ${p.planId} has a ceiling but was never projected`);
    await this.record(manager, event, projectSummaries.ceilingSet(p), 'plan-projection');
  }

  /** Appends movements with the day their code is read on: the plan year's, as the project's own code. */
  private async ledger(
    manager: EntityManager,
    event: { id: string; type: string },
    movements: readonly (MoneyMovement | null)[],
  ): Promise<void> {
    const entries = movements
      .filter((m): m is MoneyMovement => m !== null)
      .map((m) => {
        const provinceAsOf = readingDateForYear(m.provinceCode, m.planYear);
        if (provinceAsOf === undefined)
          throw new PermanentHandlerError(
            `${event.type}: province code ${m.provinceCode} named no provincial unit in ${m.planYear}`,
          );
        return { ...m, provinceAsOf };
      });
    await recordMovements(manager, entries, event.id);
  }

  private async exists(manager: EntityManager, projectId: string): Promise<boolean> {
    return manager.existsBy(ProjectProjection, { projectId });
  }

  private async update(manager: EntityManager, projectId: string, facts: ProjectFacts, type: string) {
    const result = await manager.update(ProjectProjection, { projectId }, facts);
    if (result.affected === 0) throw this.unregistered(projectId, type);
  }

  private unregistered(projectId: string, type: string) {
    return new PermanentHandlerError(`project ${projectId} has a ${type} event but was never projected`);
  }

  private record(
    manager: EntityManager,
    event: { aggregateId: string; provinceCode: string | null },
    summary: string,
    projection = 'project-projection',
  ): Promise<void> {
    return this.outbox.audit(manager, {
      action: 'projection.update',
      resourceType: projection,
      resourceId: event.aggregateId,
      provinceCode: event.provinceCode,
      summary,
    });
  }
}
