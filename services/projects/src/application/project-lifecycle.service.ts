import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { maySee } from '@kc/auth';
import { withReplicaCatchUp } from '@kc/http';
import { DataSource, type EntityManager } from 'typeorm';
import {
  projectAppraisedV1,
  projectContractedV1,
  projectSettledV1,
  type AcceptProjectRequest,
  type BaseAppraisalRequest,
  type ContractProjectRequest,
  type LiquidateProjectRequest,
  type MinistryAppraisalRequest,
  type Principal,
  type ProjectView,
} from '@kc/contracts';
import { OutboxWriter } from '@kc/messaging';
import { transition, type Transition, type TransitionAction } from '../domain/lifecycle';
import { assertAtMost, isSettlementLate } from '../domain/project';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';
import { AppraisalEntity } from '../infrastructure/persistence/project-records.entity';
import { releaseFunding } from './double-funding';
import { auditSummary } from './project-audit';
import { actorOf, lockVisibleProject, recordTransition } from './project-store';
import { toProjectView } from './project-view';
import { appendProjectEvent } from './project-events';
import type { NormsInForce } from './norms-in-force';
import { PlansAtOwner } from './plans-owner';

const WHAT: Partial<Record<TransitionAction, string>> = {
  'base-appraise': 'thẩm định cấp cơ sở',
  'ministry-appraise': 'thẩm định cấp Bộ',
  contract: 'ký hợp đồng / giao nhiệm vụ',
  accept: 'nghiệm thu',
  liquidate: 'thanh lý',
  settle: 'quyết toán',
};

/** The request-driven lifecycle steps after registration (appraisals, contract, acceptance, liquidation, settlement). */
@Injectable()
export class ProjectLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly plans: PlansAtOwner,
  ) {}

  /** A pass certifies the project as the province registers it: its requested support within its norm. */
  async baseAppraise(principal: Principal, id: string, request: BaseAppraisalRequest): Promise<ProjectView> {
    const norms = request.result === 'passed' ? await this.normsOf(principal, id) : null;
    return this.step(principal, id, 'base-appraise', request.result, null, async (manager, project, step) => {
      await norms?.assertWithin(project);
      await recordTransition(manager, this.outbox, project, step);
      await this.recordAppraisal(manager, principal, project, 'base', request, null);
    });
  }

  ministryAppraise(
    principal: Principal,
    id: string,
    request: MinistryAppraisalRequest,
  ): Promise<ProjectView> {
    // `submitted` comes with plans' registration event: a project plans already lists waits for it.
    const registeredAtPlans = (p: ProjectEntity) =>
      p.status === 'base-appraised' ? this.plans.listsInRegistration(p) : Promise.resolve(false);
    return this.step(
      principal,
      id,
      'ministry-appraise',
      request.result,
      registeredAtPlans,
      async (manager, project, step) => {
        const appraised = request.result === 'passed' ? (request.appraisedSupportVnd ?? 0) : null;
        if (appraised !== null) {
          assertAtMost(
            appraised,
            project.requestedSupportVnd,
            'appraisedSupportVnd',
            'project.appraised-above-requested',
            {
              vi: 'Kinh phí thẩm định vượt kinh phí đề nghị',
              en: 'appraised support is above the requested',
            },
          );
        }
        await recordTransition(manager, this.outbox, project, step, { appraisedSupportVnd: appraised });
        await this.recordAppraisal(manager, principal, project, 'ministry', request, appraised);
      },
    );
  }

  contract(principal: Principal, id: string, request: ContractProjectRequest): Promise<ProjectView> {
    // `in-plan` and the allocation come with plans' decision event: an allocation plans already made waits for it.
    const allocatedAtPlans = async (p: ProjectEntity) =>
      ['ministry-appraised', 'in-plan'].includes(p.status) &&
      (await this.plans.allocatedVnd(p)) >= Math.max(request.valueVnd, 1);
    return this.step(
      principal,
      id,
      'contract',
      'passed',
      allocatedAtPlans,
      async (manager, project, step) => {
        assertAtMost(
          request.valueVnd,
          project.allocatedSupportVnd,
          'valueVnd',
          'project.contract-above-allocated',
          {
            vi: 'Giá trị hợp đồng vượt kinh phí được giao',
            en: 'contract value is above the allocated support',
          },
        );
        await recordTransition(manager, this.outbox, project, step, {
          contractMode: request.mode,
          contractNumber: request.number,
          contractSignedOn: request.signedOn,
          contractParties: request.parties,
          contractValueVnd: request.valueVnd,
        });
        await appendProjectEvent(this.outbox, manager, projectContractedV1, project, {
          mode: request.mode,
          number: request.number,
          signedOn: request.signedOn,
          contractValueVnd: request.valueVnd,
          allocatedVnd: project.allocatedSupportVnd,
          parties: request.parties,
        });
      },
    );
  }

  accept(principal: Principal, id: string, request: AcceptProjectRequest): Promise<ProjectView> {
    return this.step(principal, id, 'accept', 'passed', null, (manager, project, step) =>
      recordTransition(manager, this.outbox, project, step, {
        acceptedOn: request.acceptedOn,
        acceptanceResult: request.result,
      }).then(() => undefined),
    );
  }

  liquidate(principal: Principal, id: string, request: LiquidateProjectRequest): Promise<ProjectView> {
    return this.step(principal, id, 'liquidate', 'passed', null, async (manager, project, step) => {
      assertAtMost(
        request.finalValueVnd,
        project.contractValueVnd ?? 0,
        'finalValueVnd',
        'project.final-above-contract',
        { vi: 'Giá trị thanh lý vượt giá trị hợp đồng', en: 'final value is above the contract value' },
      );
      await recordTransition(manager, this.outbox, project, step, {
        liquidatedOn: request.liquidatedOn,
        finalValueVnd: request.finalValueVnd,
      });
    });
  }

  settle(
    principal: Principal,
    id: string,
    request: { settledVnd: number; settledOn: string },
  ): Promise<ProjectView> {
    return this.step(principal, id, 'settle', 'passed', null, async (manager, project, step) => {
      assertAtMost(request.settledVnd, project.paidVnd, 'settledVnd', 'project.settled-above-paid', {
        vi: 'Kinh phí quyết toán vượt số đã thanh toán',
        en: 'settled amount is above what was paid',
      });
      const late = isSettlementLate(request.settledOn, project.planYear, project.endDate);
      await recordTransition(manager, this.outbox, project, step, {
        settledVnd: request.settledVnd,
        settledOn: request.settledOn,
        settlementLate: late,
      });
      await appendProjectEvent(this.outbox, manager, projectSettledV1, project, {
        settledVnd: request.settledVnd,
        settledOn: request.settledOn,
        late,
      });
    });
  }

  /**
   * One lifecycle step: lock, decide, write (with its events), audit once — all in one transaction. A step whose
   * precondition arrives by a plans event (`awaitsPlans`) is refused only if plans agrees; if plans already has
   * the fact, the step waits for its event, bounded (then 503 consistency.replica-behind).
   */
  private async step(
    principal: Principal,
    id: string,
    action: TransitionAction,
    outcome: 'passed' | 'failed',
    awaitsPlans: ((project: ProjectEntity) => Promise<boolean>) | null,
    write: (manager: EntityManager, project: ProjectEntity, step: Transition) => Promise<void>,
  ): Promise<ProjectView> {
    let seen: ProjectEntity | undefined;
    const attempt = () => this.stepOnce(principal, id, action, outcome, write, (p) => (seen = p));
    if (!awaitsPlans) return attempt();
    return withReplicaCatchUp({
      owner: this.plans.owner,
      waitMs: this.plans.waitMs,
      lagCodes: ['project.illegal-transition', 'project.contract-above-allocated'],
      attempt,
      ownerAllows: () => awaitsPlans(seen!),
    });
  }

  private stepOnce(
    principal: Principal,
    id: string,
    action: TransitionAction,
    outcome: 'passed' | 'failed',
    write: (manager: EntityManager, project: ProjectEntity, step: Transition) => Promise<void>,
    locked: (project: ProjectEntity) => void,
  ): Promise<ProjectView> {
    return this.dataSource.transaction(async (manager) => {
      const project = await lockVisibleProject(manager, id, principal);
      locked(project);
      const step = transition(project, action, actorOf(principal), outcome);
      await write(manager, project, step);
      if (step.to === 'rejected') await releaseFunding(manager, project.id);
      await this.outbox.audit(manager, {
        action: `project.${action}`,
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary: auditSummary.transition(project, step.from, step.to, WHAT[action] ?? action),
      });
      return toProjectView(project);
    });
  }

  /**
   * The funding norms of a project's plan, asked of plans before the transaction locks the project (null for
   * a project the caller cannot see: the step answers 404 under the lock).
   */
  private async normsOf(principal: Principal, id: string): Promise<NormsInForce | null> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOneBy({ id });
    if (!project || !maySee(principal, project.provinceCode)) return null;
    const norms = this.plans.normsFor({ level: project.planLevel, provinceCode: project.provinceCode });
    await norms.prefetch([project]);
    return norms;
  }

  private async recordAppraisal(
    manager: EntityManager,
    principal: Principal,
    project: ProjectEntity,
    level: 'base' | 'ministry',
    request: BaseAppraisalRequest,
    appraisedSupportVnd: number | null,
  ): Promise<void> {
    const repo = manager.getRepository(AppraisalEntity);
    const appraisal = await repo.save(
      repo.create({
        id: randomUUID(),
        projectId: project.id,
        level,
        reviewer: request.reviewer,
        criteria: request.criteria.map((c) => ({ name: c.name, passed: c.passed, remark: c.remark ?? null })),
        result: request.result,
        appraisedSupportVnd,
        remarks: request.remarks ?? null,
        appraisedOn: request.appraisedOn,
        recordedBy: principal.name,
      }),
    );
    await appendProjectEvent(this.outbox, manager, projectAppraisedV1, project, {
      appraisalId: appraisal.id,
      level,
      result: request.result,
      appraisedSupportVnd,
      reviewer: request.reviewer,
      appraisedOn: request.appraisedOn,
    });
  }
}
