import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isCentral } from '@kc/auth';
import {
  disbursementRecordedV1,
  progressReportedV1,
  projectAdjustedV1,
  projectAppraisedV1,
  projectContractedV1,
  projectSettledV1,
  projectStatusChangedV1,
  type Principal,
  type ProjectHistoryImportRequest,
  type ProjectHistoryImportView,
  type ProjectHistoryRecord,
  type ProjectHistoryResult,
} from '@kc/contracts';
import { ConflictError, DomainError, ForbiddenError } from '@kc/errors';
import { OutboxWriter, type OutboxEntry } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import {
  dayStart,
  HistoryRefusal,
  planHistory,
  type DatedAdvanceRule,
  type HistoryContext,
  type HistoryPlan,
  type HistoryStep,
} from '../domain/project-history';
import { AdvanceRuleEntity } from '../infrastructure/persistence/advance-rule.entity';
import { DisbursementEntity } from '../infrastructure/persistence/disbursement.entity';
import type { PlanRefEntity } from '../infrastructure/persistence/plan-ref.entity';
import { ProgressReportEntity } from '../infrastructure/persistence/progress-report.entity';
import { ProjectHistoryRecordEntity } from '../infrastructure/persistence/project-history-record.entity';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';
import {
  AdjustmentEntity,
  AppraisalEntity,
  ProjectBeneficiaryEntity,
} from '../infrastructure/persistence/project-records.entity';
import { claimFunding, releaseFunding } from './double-funding';
import type { NormsInForce } from './norms-in-force';
import { PlansAtOwner } from './plans-owner';
import { projectEvent } from './project-events';
import { lockVisibleProject } from './project-store';
import { ProjectsService } from './projects.service';

/** A record's context: also the plan's funding norms, which a new record's project is created within. */
type RecordContext = HistoryContext & { norms: NormsInForce };

const WHAT: Record<HistoryStep['kind'], string> = {
  appraisal: 'thẩm định',
  contract: 'hợp đồng',
  report: 'báo cáo tiến độ',
  disbursement: 'tạm ứng/thanh toán',
  extension: 'gia hạn',
  acceptance: 'nghiệm thu',
  liquidation: 'thanh lý',
  settlement: 'quyết toán',
};

/**
 * History import (nhập hồ sơ đề án đã thực hiện): records the past of projects a legacy system took through
 * their lifecycle, so that a province's or the agency's old records count in the plans, the reports and the
 * conference views like projects run on the platform. A request is one transaction, each record in it a
 * savepoint (written whole, or not at all with the problem that stopped it): its project is created and
 * registered the first time (found again by the legacy identifier after that), then the steps that come next
 * are written with their rows, the same events as the live steps (each dated the day it happened) and one
 * audit entry. The plans service's steps (registration report, decision) stay its own: a record waits for them.
 */
@Injectable()
export class ProjectHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly projects: ProjectsService,
    private readonly plans: PlansAtOwner,
  ) {}

  async import(principal: Principal, body: ProjectHistoryImportRequest): Promise<ProjectHistoryImportView> {
    const plan = await this.plans.knownPlan(principal, body.planId);
    assertPlanOwner(principal, plan);
    const context: RecordContext = {
      today: vietnamDate(new Date()),
      advanceRules: await this.advanceRules(),
      norms: this.plans.normsFor(plan),
    };
    await context.norms.prefetch(body.records.flatMap((r) => (r.project ? [r.project] : [])));
    // One commit for the whole request: a record costs its statements, not a disk flush of its own.
    const results = await this.dataSource.transaction(async (manager) => {
      // One import of a record at a time: a concurrent one waits here (until this request commits), then finds
      // the project this one created. Taken in one order, so two requests naming the same records cannot deadlock.
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest($1::text[]) AS key ORDER BY key`,
        [body.records.map((r) => `project-history:${plan.id}:${r.legacyRef}`)],
      );
      const out: ProjectHistoryResult[] = [];
      for (const [index, record] of body.records.entries()) {
        out.push(await this.importRecord(manager, principal, plan, record, index, context));
      }
      return out;
    });
    return {
      planId: plan.id,
      records: results.length,
      recorded: results.reduce((sum, r) => sum + r.recorded, 0),
      refused: results.filter((r) => r.problems.length > 0).length,
      results,
    };
  }

  /** One record in its own savepoint: written whole, or not at all with the problem that stopped it. */
  private async importRecord(
    manager: EntityManager,
    principal: Principal,
    plan: PlanRefEntity,
    record: ProjectHistoryRecord,
    index: number,
    context: RecordContext,
  ): Promise<ProjectHistoryResult> {
    await manager.query('SAVEPOINT history_record');
    try {
      const result = await this.recordIn(manager, principal, plan, record, context);
      await manager.query('RELEASE SAVEPOINT history_record');
      return result;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT history_record');
      if (!(error instanceof DomainError)) throw error;
      const known = await this.projectOf(manager, plan.id, record.legacyRef);
      return {
        legacyRef: record.legacyRef,
        projectId: known?.id ?? null,
        code: known?.code ?? null,
        status: known?.status ?? null,
        recorded: 0,
        waitingFor: null,
        problems: [
          {
            field: error.field ? `records[${index}].${error.field}` : `records[${index}]`,
            rule: error.code,
            message: error.message,
          },
        ],
      };
    }
  }

  private async recordIn(
    manager: EntityManager,
    principal: Principal,
    plan: PlanRefEntity,
    record: ProjectHistoryRecord,
    context: RecordContext,
  ): Promise<ProjectHistoryResult> {
    let projectId = await this.projectIdOf(manager, plan.id, record.legacyRef);
    let created = 0;
    if (projectId === null) {
      projectId = await this.createFromRecord(manager, principal, plan, record, context.norms);
      created = 2; // created and registered
    }
    const project = await lockVisibleProject(manager, projectId, principal);
    const history = planHistory(project, record, context);
    await this.write(manager, principal, project, history, record.legacyRef);
    return {
      legacyRef: record.legacyRef,
      projectId: project.id,
      code: project.code,
      status: project.status,
      recorded: created + history.steps.length,
      waitingFor: history.waitingFor,
      problems: [],
    };
  }

  /** A new record: its project created and registered as a live one would be (codes, double funding, events). */
  private async createFromRecord(
    manager: EntityManager,
    principal: Principal,
    plan: PlanRefEntity,
    record: ProjectHistoryRecord,
    norms: NormsInForce,
  ): Promise<string> {
    if (!record.project) {
      throw new HistoryRefusal(
        {
          vi: `Hồ sơ ${record.legacyRef} chưa có trong kế hoạch: cần thông tin đề án để tạo`,
          en: `record ${record.legacyRef} is new to this plan: its project facts are needed to create it`,
        },
        'history.unknown-record',
        'project',
      );
    }
    const facts = record.project;
    const id = await named('project', async () => {
      const draft = await this.projects.createIn(
        manager,
        principal,
        plan,
        { planId: plan.id, ...facts },
        norms,
      );
      await this.projects.registerIn(manager, principal, draft.id);
      return draft.id;
    });
    await manager.insert(ProjectHistoryRecordEntity, {
      planId: plan.id,
      legacyRef: record.legacyRef,
      projectId: id,
      importedBy: principal.name,
      importedAt: new Date(),
    });
    return id;
  }

  /**
   * The project row moves once, guarded by the status the history was planned on; then each step's rows and
   * events in the order they happened; then the beneficiaries' claims follow the period and status reached.
   */
  private async write(
    manager: EntityManager,
    principal: Principal,
    project: ProjectEntity,
    history: HistoryPlan,
    legacyRef: string,
  ): Promise<void> {
    if (history.steps.length === 0) return;
    const from = project.status;
    const now = new Date();
    const { affected } = await manager
      .createQueryBuilder()
      .update(ProjectEntity)
      .set({ ...history.columns, status: history.status, version: () => 'version + 1', updatedAt: now })
      .where('id = :id AND status = :from', { id: project.id, from })
      .execute();
    if (!affected) {
      throw new ConflictError(
        {
          vi: `Đề án ${project.code} vừa thay đổi trạng thái`,
          en: `project ${project.code} changed status meanwhile`,
        },
        'project.concurrent-change',
      );
    }
    Object.assign(project, history.columns, { status: history.status, version: project.version + 1 });

    const rows: StepRows = { appraisals: [], reports: [], disbursements: [], adjustments: [], events: [] };
    for (const [i, step] of history.steps.entries()) {
      // Recorded in this order (the lists that sort by the recording time keep it).
      this.stepRows(manager, principal, project, step, new Date(now.getTime() + i), rows);
    }
    const kinds = [...new Set(history.steps.map((s) => WHAT[s.kind]))].join(', ');
    rows.events.push(
      this.outbox.auditEvent({
        action: 'project.history-import',
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary:
          `Nhập hồ sơ đề án ${project.code} (mã hồ sơ ${legacyRef}) từ hệ thống cũ: ` +
          `${history.steps.length} bước (${kinds}), ${from} → ${history.status}`,
      }),
    );
    // Every event of the history in one INSERT, in the order the steps happened; the audit entry last.
    await this.outbox.appendAll(manager, rows.events);
    if (rows.appraisals.length) await manager.insert(AppraisalEntity, rows.appraisals);
    if (rows.reports.length) await manager.insert(ProgressReportEntity, rows.reports);
    if (rows.disbursements.length) await manager.insert(DisbursementEntity, rows.disbursements);
    // `save`: the jsonb before/after columns do not fit `insert`'s typing; an extension is one row.
    if (rows.adjustments.length) await manager.save(AdjustmentEntity, rows.adjustments);

    if (history.status === 'rejected') await releaseFunding(manager, project.id);
    else if (history.steps.some((s) => s.kind === 'extension')) {
      // The period grew: claim the support again over the new one (double funding is checked on it).
      const beneficiaries = await manager
        .getRepository(ProjectBeneficiaryEntity)
        .find({ where: { projectId: project.id }, order: { taxCode: 'ASC' } });
      await named('extension', () =>
        claimFunding(
          manager,
          project,
          beneficiaries.map((b) => b.taxCode),
        ),
      );
    }
  }

  /** A step's rows and events (collected, written together), as the live step would write and publish them. */
  private stepRows(
    manager: EntityManager,
    principal: Principal,
    project: ProjectEntity,
    step: HistoryStep,
    recordedAt: Date,
    rows: StepRows,
  ): void {
    if ('transition' in step && step.transition.changed) {
      rows.events.push(
        projectEvent(projectStatusChangedV1, project, {
          from: step.transition.from,
          to: step.transition.to,
          action: step.transition.action,
          at: dayStart(step.on).toISOString(),
        }),
      );
    }
    switch (step.kind) {
      case 'appraisal': {
        const a = step.appraisal;
        const appraisedSupportVnd =
          step.level === 'ministry' && a.result === 'passed' ? (a.appraisedSupportVnd ?? null) : null;
        const id = randomUUID();
        rows.appraisals.push(
          manager.create(AppraisalEntity, {
            id,
            projectId: project.id,
            level: step.level,
            reviewer: a.reviewer,
            criteria: a.criteria.map((c) => ({ name: c.name, passed: c.passed, remark: c.remark ?? null })),
            result: a.result,
            appraisedSupportVnd,
            remarks: a.remarks ?? null,
            appraisedOn: a.appraisedOn,
            recordedBy: principal.name,
          }),
        );
        rows.events.push(
          projectEvent(projectAppraisedV1, project, {
            appraisalId: id,
            level: step.level,
            result: a.result,
            appraisedSupportVnd,
            reviewer: a.reviewer,
            appraisedOn: a.appraisedOn,
          }),
        );
        return;
      }
      case 'contract': {
        const c = step.contract;
        rows.events.push(
          projectEvent(projectContractedV1, project, {
            mode: c.mode,
            number: c.number,
            signedOn: c.signedOn,
            contractValueVnd: c.valueVnd,
            allocatedVnd: project.allocatedSupportVnd,
            parties: c.parties,
          }),
        );
        return;
      }
      case 'report': {
        const r = step.report;
        const id = randomUUID();
        rows.reports.push(
          manager.create(ProgressReportEntity, {
            id,
            projectId: project.id,
            provinceCode: project.provinceCode,
            month: r.month,
            percentDone: r.percentDone,
            spentVnd: r.spentVnd,
            narrative: r.narrative,
            attachments: r.attachments,
            receivedAt: step.receivedAt,
            late: step.late,
            reportedBy: principal.name,
          }),
        );
        rows.events.push(
          projectEvent(progressReportedV1, project, {
            reportId: id,
            month: r.month,
            percentDone: r.percentDone,
            spentVnd: r.spentVnd,
            receivedAt: step.receivedAt.toISOString(),
            late: step.late,
          }),
        );
        return;
      }
      case 'disbursement': {
        const d = step.disbursement;
        const id = randomUUID();
        rows.disbursements.push(
          manager.create(DisbursementEntity, {
            id,
            projectId: project.id,
            provinceCode: project.provinceCode,
            kind: d.kind,
            amountVnd: d.amountVnd,
            on: d.on,
            reference: d.reference ?? null,
            advanceRuleId: step.ruleId,
            advancedAfterVnd: step.advancedVnd,
            paidAfterVnd: step.paidVnd,
            recordedBy: principal.name,
            recordedAt,
          }),
        );
        rows.events.push(
          projectEvent(disbursementRecordedV1, project, {
            disbursementId: id,
            kind: d.kind,
            amountVnd: d.amountVnd,
            on: d.on,
            reference: d.reference ?? null,
            advancedVnd: step.advancedVnd,
            paidVnd: step.paidVnd,
          }),
        );
        return;
      }
      case 'extension': {
        const e = step.extension;
        const id = randomUUID();
        const after = { endDate: e.newEndDate };
        rows.adjustments.push(
          manager.create(AdjustmentEntity, {
            id,
            projectId: project.id,
            kind: 'extension',
            level: step.level,
            decisionNumber: e.decisionNumber,
            decidedOn: e.decidedOn,
            reason: e.reason,
            before: step.before,
            after,
            recordedBy: principal.name,
          }),
        );
        rows.events.push(
          projectEvent(projectAdjustedV1, project, {
            adjustmentId: id,
            kind: 'extension',
            level: step.level,
            decisionNumber: e.decisionNumber,
            decidedOn: e.decidedOn,
            reason: e.reason,
            before: step.before,
            after,
          }),
        );
        return;
      }
      case 'settlement':
        rows.events.push(
          projectEvent(projectSettledV1, project, {
            settledVnd: step.settledVnd,
            settledOn: step.on,
            late: step.late,
          }),
        );
        return;
      case 'acceptance':
      case 'liquidation':
        return;
    }
  }

  private async projectIdOf(
    manager: EntityManager,
    planId: string,
    legacyRef: string,
  ): Promise<string | null> {
    const ref = await manager.findOneBy(ProjectHistoryRecordEntity, { planId, legacyRef });
    return ref?.projectId ?? null;
  }

  private async projectOf(
    manager: EntityManager,
    planId: string,
    legacyRef: string,
  ): Promise<ProjectEntity | null> {
    const ref = await manager.findOneBy(ProjectHistoryRecordEntity, { planId, legacyRef });
    return ref ? manager.findOneBy(ProjectEntity, { id: ref.projectId }) : null;
  }

  private async advanceRules(): Promise<DatedAdvanceRule[]> {
    const rules = await this.dataSource.getRepository(AdvanceRuleEntity).find();
    return rules.map((r) => ({
      id: r.id,
      category: r.category,
      ratePercent: r.ratePercent,
      progressAbovePercent: r.progressAbovePercent,
      onlyAfterAcceptance: r.onlyAfterAcceptance,
      legalBasis: r.legalBasis,
      validFrom: r.validFrom,
      validTo: r.validTo,
    }));
  }
}

type StepRows = {
  appraisals: AppraisalEntity[];
  reports: ProgressReportEntity[];
  disbursements: DisbursementEntity[];
  adjustments: AdjustmentEntity[];
  events: OutboxEntry[];
};

/** Migrating a plan's history is its owner's: the agency for the national plan, the province for its own. */
function assertPlanOwner(principal: Principal, plan: PlanRefEntity): void {
  const owner =
    plan.level === 'national'
      ? isCentral(principal)
      : principal.role === 'province-officer' && principal.provinceCode === plan.provinceCode;
  if (!owner) {
    throw new ForbiddenError(
      plan.level === 'national'
        ? {
            vi: 'Chỉ Cục (chủ kế hoạch quốc gia) nhập hồ sơ đề án của kế hoạch này',
            en: 'Only the agency imports the history of a national plan',
          }
        : {
            vi: `Chỉ Sở Công Thương tỉnh ${plan.provinceCode} nhập hồ sơ đề án của kế hoạch này`,
            en: 'Only the province imports the history of its own plan',
          },
      'project.history-not-plan-owner',
    );
  }
}

/** A refusal inside a part of the record names that part (`project.beneficiaries`). */
async function named<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error instanceof HistoryRefusal) throw error;
    throw new HistoryRefusal(error.messages, error.code, error.field ? `${path}.${error.field}` : path);
  }
}
