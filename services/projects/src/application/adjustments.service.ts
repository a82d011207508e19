import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  projectAdjustedV1,
  projectStoppedV1,
  type AdjustedFields,
  type AdjustProjectRequest,
  type Beneficiary,
  type Principal,
  type ProjectDetailView,
} from '@kc/contracts';
import { OutboxWriter } from '@kc/messaging';
import { assertExtension, assertInYearTiming, assertMayAdjust } from '../domain/adjustment';
import { transition, type Transition } from '../domain/lifecycle';
import { assertKindRules } from '../domain/project';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';
import {
  AdjustmentEntity,
  ProjectBeneficiaryEntity,
} from '../infrastructure/persistence/project-records.entity';
import { claimFunding, releaseFunding } from './double-funding';
import { auditSummary } from './project-audit';
import { ProjectsService } from './projects.service';
import { actorOf, lockVisibleProject, recordTransition } from './project-store';
import { appendProjectEvent } from './project-events';

type Change = Partial<ProjectEntity>;

/** Adjustments (điều chỉnh đề án): each kind at its approval level, kept as a history with before/after. */
@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly projects: ProjectsService,
  ) {}

  async adjust(principal: Principal, id: string, request: AdjustProjectRequest): Promise<ProjectDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const project = await lockVisibleProject(manager, id, principal);
      const actor = actorOf(principal);
      // Extension and stop are lifecycle steps: their status and role rules come from the state machine.
      const step =
        request.kind === 'extension' || request.kind === 'stop'
          ? transition(project, request.kind === 'extension' ? 'extend' : 'stop', actor)
          : null;
      const level = assertMayAdjust(project, request.kind, actor, request.decisionNumber);
      const beneficiaries = await manager
        .getRepository(ProjectBeneficiaryEntity)
        .find({ where: { projectId: id }, order: { taxCode: 'ASC' } });
      const { before, after, change, newBeneficiaries } = this.plan(project, request, beneficiaries);
      await this.apply(manager, project, step, change);
      if (newBeneficiaries) await this.replaceBeneficiaries(manager, project.id, newBeneficiaries);
      if (request.kind === 'stop') {
        await releaseFunding(manager, project.id);
        await this.emitStopped(manager, project, request);
      } else if (step || newBeneficiaries || 'activityContents' in change || 'startDate' in change) {
        // The period, contents or facilities changed: claim the support again under the new facts.
        const taxCodes = (newBeneficiaries ?? beneficiaries).map((b) => b.taxCode);
        await claimFunding(manager, project, taxCodes);
      }
      const repo = manager.getRepository(AdjustmentEntity);
      const adjustment = await repo.save(
        repo.create({
          id: randomUUID(),
          projectId: project.id,
          kind: request.kind,
          level,
          decisionNumber: request.decisionNumber ?? null,
          decidedOn: request.decidedOn ?? null,
          reason: request.reason,
          before,
          after,
          recordedBy: principal.name,
        }),
      );
      await appendProjectEvent(this.outbox, manager, projectAdjustedV1, project, {
        adjustmentId: adjustment.id,
        kind: request.kind,
        level,
        decisionNumber: request.decisionNumber ?? null,
        decidedOn: request.decidedOn ?? null,
        reason: request.reason,
        before,
        after,
      });
      await this.outbox.audit(manager, {
        action: `project.adjust`,
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary: auditSummary.adjusted(project, request.kind, level),
      });
    });
    return this.projects.get(principal, id);
  }

  /** What the adjustment changes, as columns and as the before/after record of the history. */
  private plan(
    project: ProjectEntity,
    request: AdjustProjectRequest,
    beneficiaries: ProjectBeneficiaryEntity[],
  ) {
    const listOf = (list: Beneficiary[]) =>
      list.map((b) => ({ taxCode: b.taxCode, name: b.name, legalForm: b.legalForm }));
    switch (request.kind) {
      case 'extension':
        assertExtension(project, request.newEndDate);
        return this.diff({ endDate: project.endDate }, { endDate: request.newEndDate });
      case 'stop':
        return this.diff({ status: project.status }, { status: 'stopped' }, { stoppedOn: request.decidedOn });
      case 'content-change': {
        const activityContents = [...request.activityContents].sort((a, b) => a - b);
        assertKindRules({ ...project, activityContents });
        return this.diff({ activityContents: project.activityContents }, { activityContents });
      }
      case 'location':
        return this.diff({ commune: project.commune }, { commune: request.commune });
      case 'partner':
        return this.diff({ partners: project.partners }, { partners: request.partners });
      case 'timing':
        assertInYearTiming(project, request.endDate);
        assertKindRules({ ...project, startDate: request.startDate, endDate: request.endDate });
        return this.diff(
          { startDate: project.startDate, endDate: project.endDate },
          { startDate: request.startDate, endDate: request.endDate },
        );
      case 'beneficiary':
      case 'group-detail':
        return {
          before: { beneficiaries: listOf(beneficiaries) },
          after: { beneficiaries: listOf(request.beneficiaries) },
          change: {} as Change,
          newBeneficiaries: request.beneficiaries,
        };
    }
  }

  private diff(before: AdjustedFields, after: AdjustedFields, extra: Change = {}) {
    const change = { ...after, ...extra } as Change;
    delete change.status;
    return { before, after, change, newBeneficiaries: null as Beneficiary[] | null };
  }

  private async apply(
    manager: EntityManager,
    project: ProjectEntity,
    step: Transition | null,
    change: Change,
  ): Promise<void> {
    if (step) {
      await recordTransition(manager, this.outbox, project, step, change);
      return;
    }
    if (Object.keys(change).length === 0) return;
    const now = new Date();
    await manager
      .createQueryBuilder()
      .update(ProjectEntity)
      .set({ ...change, version: () => 'version + 1', updatedAt: now })
      .where('id = :id', { id: project.id })
      .execute();
    Object.assign(project, change, { version: project.version + 1, updatedAt: now });
  }

  private async replaceBeneficiaries(manager: EntityManager, projectId: string, list: Beneficiary[]) {
    const repo = manager.getRepository(ProjectBeneficiaryEntity);
    await repo.delete({ projectId });
    if (list.length > 0) await repo.insert(list.map((b) => ({ projectId, ...b })));
  }

  private async emitStopped(
    manager: EntityManager,
    project: ProjectEntity,
    request: Extract<AdjustProjectRequest, { kind: 'stop' }>,
  ): Promise<void> {
    await appendProjectEvent(this.outbox, manager, projectStoppedV1, project, {
      fundingSource: project.fundingSource,
      // Required by the request rules for a stop (a decision-level adjustment).
      decisionNumber: request.decisionNumber ?? '',
      stoppedOn: request.decidedOn ?? '',
      reason: request.reason,
      allocatedVnd: project.allocatedSupportVnd,
      paidVnd: project.paidVnd,
      unspentVnd: project.allocatedSupportVnd - project.paidVnd,
    });
  }
}
