import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  formatVnd,
  assignmentDecidedV1,
  planCreatedV1,
  registrationSubmittedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { OutboxWriter, PermanentHandlerError } from '@kc/messaging';
import { transition, type LifecycleActor } from '../domain/lifecycle';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';
import { auditSummary } from './project-audit';
import { recordTransition } from './project-store';

const PLANS: LifecycleActor = { kind: 'plans' };

/** Statuses in which a later decision may still change a project's allocation. */
const ALLOCATED = ['in-plan', 'contracted', 'in-progress', 'extended'];

/**
 * The effects of plans events on projects. Every method writes only through the given manager: the
 * transaction that holds the event's inbox row, so each event takes effect exactly once.
 */
@Injectable()
export class PlanEventsService {
  private readonly log = new Logger(PlanEventsService.name);

  constructor(private readonly outbox: OutboxWriter) {}

  async planCreated(manager: EntityManager, plan: PayloadOf<typeof planCreatedV1>): Promise<void> {
    await manager.query(
      `INSERT INTO plan_ref (id, name, year, level, province_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [plan.planId, plan.name, plan.year, plan.level, plan.provinceCode],
    );
    await this.outbox.audit(manager, {
      action: 'plan-ref.update',
      resourceType: 'plan-ref',
      resourceId: plan.planId,
      provinceCode: plan.provinceCode,
      summary: auditSummary.planRef(plan),
    });
  }

  /** A province's submission lists base-appraised projects: they become `submitted`. */
  async registrationSubmitted(
    manager: EntityManager,
    event: EventEnvelope<PayloadOf<typeof registrationSubmittedV1>>,
  ): Promise<void> {
    const submission = event.payload;
    for (const project of await this.lockAll(manager, submission.projectIds)) {
      // plans checked the list against its replica; a project that has moved on since is left as it is.
      if (
        project.planId !== submission.planId ||
        project.provinceCode !== submission.provinceCode ||
        project.status !== 'base-appraised'
      ) {
        this.log.warn(`submission ${submission.registrationId} lists ${project.code} in ${project.status}`);
        continue;
      }
      const step = transition(project, 'submit', PLANS);
      await recordTransition(manager, this.outbox, project, step);
      await this.outbox.audit(manager, {
        action: 'project.submit',
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary: auditSummary.transition(
          project,
          step.from,
          step.to,
          `trình đăng ký (${submission.reportNumber})`,
        ),
      });
    }
  }

  /**
   * A plan-assignment decision: a ministry-appraised project enters the plan with its allocation; a later
   * decision changes the allocation of a project already in it (the contract CHECK keeps it ≥ the contract).
   */
  async assignmentDecided(
    manager: EntityManager,
    event: EventEnvelope<PayloadOf<typeof assignmentDecidedV1>>,
  ): Promise<void> {
    const decision = event.payload;
    const byProject = new Map(decision.allocations.map((a) => [a.projectId, a]));
    for (const project of await this.lockAll(manager, [...byProject.keys()])) {
      const allocation = byProject.get(project.id);
      if (
        !allocation ||
        allocation.fundingSource !== project.fundingSource ||
        project.planId !== decision.planId
      ) {
        this.log.warn(`decision ${decision.number} allocates to ${project.code} from another plan or source`);
        continue;
      }
      const before = project.allocatedSupportVnd;
      if (project.status === 'ministry-appraised' && allocation.amountVnd > 0) {
        const step = transition(project, 'assign', PLANS);
        await recordTransition(manager, this.outbox, project, step, {
          allocatedSupportVnd: allocation.amountVnd,
        });
      } else if (ALLOCATED.includes(project.status)) {
        if (project.contractValueVnd !== null && allocation.amountVnd < project.contractValueVnd) {
          // Retrying cannot help: plans lowered an allocation below a signed contract.
          throw new PermanentHandlerError(
            `decision ${decision.number} lowers ${project.code} to ${formatVnd(allocation.amountVnd)} VND, ` +
              `below its contract of ${formatVnd(project.contractValueVnd)} VND`,
          );
        }
        await manager.query(
          `UPDATE project SET allocated_support_vnd = $2, version = version + 1, updated_at = now() WHERE id = $1`,
          [project.id, allocation.amountVnd],
        );
      } else {
        this.log.warn(`decision ${decision.number} allocates to ${project.code} in ${project.status}`);
        continue;
      }
      await this.outbox.audit(manager, {
        action: 'project.allocate',
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary: auditSummary.allocation(project, before, allocation.amountVnd, decision.number),
      });
    }
  }

  /** Locked in id order, so two events touching the same projects cannot deadlock. */
  private lockAll(manager: EntityManager, ids: string[]): Promise<ProjectEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .getRepository(ProjectEntity)
      .createQueryBuilder('p')
      .where('p.id IN (:...ids)', { ids })
      .orderBy('p.id')
      .setLock('pessimistic_write')
      .getMany();
  }
}
