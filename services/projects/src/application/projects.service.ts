import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMayActFor, maySee, listProvinceFilter } from '@kc/auth';
import {
  projectApprovedV1,
  projectRegisteredV1,
  type ApproveProjectRequest,
  type ListProjectsQuery,
  type Page,
  type Principal,
  type ProjectView,
  type RegisterProjectRequest,
} from '@kc/contracts';
import { NotFoundError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { approve, assertPlanAcceptsProvince, projectCode } from '../domain/project';
import { PlanRefEntity } from '../infrastructure/persistence/plan-ref.entity';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';
import { assertMayApprove } from './project-access';
import { projectApprovedSummary, projectRegisteredSummary } from './project-audit';

const toView = (p: ProjectEntity): ProjectView => ({
  id: p.id,
  code: p.code,
  planId: p.planId,
  planYear: p.planYear,
  title: p.title,
  provinceCode: p.provinceCode,
  activityContents: p.activityContents,
  requestedSupportVnd: p.requestedSupportVnd,
  approvedSupportVnd: p.approvedSupportVnd,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
  approvedAt: p.approvedAt?.toISOString() ?? null,
});

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async register(principal: Principal, request: RegisterProjectRequest): Promise<ProjectView> {
    assertMayActFor(principal, request.provinceCode);
    return this.dataSource.transaction(async (manager) => {
      const plan = await manager.getRepository(PlanRefEntity).findOneBy({ id: request.planId });
      // Another province's plan is as unknown to the caller as a missing one.
      if (!plan || !maySee(principal, plan.provinceCode)) {
        throw new RuleViolationError(
          `Plan ${request.planId} is not known to the projects service`,
          'project.unknown-plan',
          'planId',
        );
      }
      assertPlanAcceptsProvince(plan, request.provinceCode);
      const sequence = await this.nextSequence(manager, plan.id, request.provinceCode);
      const repo = manager.getRepository(ProjectEntity);
      const project = await repo.save(
        repo.create({
          id: randomUUID(),
          code: projectCode(plan, request.provinceCode, sequence),
          planId: plan.id,
          planYear: plan.year,
          title: request.title,
          provinceCode: request.provinceCode,
          activityContents: [...request.activityContents].sort((a, b) => a - b),
          requestedSupportVnd: request.requestedSupportVnd,
          approvedSupportVnd: null,
          status: 'registered',
          approvedAt: null,
        }),
      );
      await this.outbox.append(manager, projectRegisteredV1, {
        aggregateId: project.id,
        provinceCode: project.provinceCode,
        payload: {
          projectId: project.id,
          code: project.code,
          planId: project.planId,
          planYear: project.planYear,
          title: project.title,
          provinceCode: project.provinceCode,
          activityContents: project.activityContents,
          requestedSupportVnd: project.requestedSupportVnd,
        },
      });
      await this.outbox.audit(manager, {
        action: 'project.register',
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary: projectRegisteredSummary(project),
      });
      return toView(project);
    });
  }

  async approve(principal: Principal, id: string, request: ApproveProjectRequest): Promise<ProjectView> {
    assertMayApprove(principal);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ProjectEntity);
      const project = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!project) throw new NotFoundError(`Project ${id} does not exist`, 'project.not-found');
      const approved = approve(project, request.approvedSupportVnd);
      await this.reserveWithinPlanBudget(manager, project.planId, approved.approvedSupportVnd);
      Object.assign(project, approved, { approvedAt: new Date() });
      await repo.save(project);
      await this.outbox.append(manager, projectApprovedV1, {
        aggregateId: project.id,
        provinceCode: project.provinceCode,
        payload: {
          projectId: project.id,
          planId: project.planId,
          planYear: project.planYear,
          provinceCode: project.provinceCode,
          approvedSupportVnd: approved.approvedSupportVnd,
        },
      });
      await this.outbox.audit(manager, {
        action: 'project.approve',
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary: projectApprovedSummary({ ...project, approvedSupportVnd: approved.approvedSupportVnd }),
      });
      return toView(project);
    });
  }

  /** Another province's project answers exactly like a missing one, so ids reveal nothing. */
  async get(principal: Principal, id: string): Promise<ProjectView> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOneBy({ id });
    if (!project || !maySee(principal, project.provinceCode))
      throw new NotFoundError(`Project ${id} does not exist`, 'project.not-found');
    return toView(project);
  }

  async list(principal: Principal, query: ListProjectsQuery): Promise<Page<ProjectView>> {
    const [items, total] = await this.dataSource.getRepository(ProjectEntity).findAndCount({
      where: {
        planId: query.planId,
        planYear: query.year,
        provinceCode: listProvinceFilter(principal, query.provinceCode),
        status: query.status,
      },
      order: { code: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: items.map(toView), page: query.page, limit: query.limit, total };
  }

  /** Atomic per (plan, province): concurrent registrations get distinct sequence numbers. */
  private async nextSequence(manager: EntityManager, planId: string, provinceCode: string): Promise<number> {
    const [row]: { last_sequence: number }[] = await manager.query(
      `INSERT INTO project_code_counter (plan_id, province_code, last_sequence) VALUES ($1, $2, 1)
       ON CONFLICT (plan_id, province_code) DO UPDATE SET last_sequence = project_code_counter.last_sequence + 1
       RETURNING last_sequence`,
      [planId, provinceCode],
    );
    return row.last_sequence;
  }

  /** The sum approved under a plan never exceeds its budget: a guarded UPDATE, backed by a CHECK constraint. */
  private async reserveWithinPlanBudget(
    manager: EntityManager,
    planId: string,
    amountVnd: number,
  ): Promise<void> {
    const [rows]: [{ budget_vnd: string; approved_total_vnd: string }[], number] = await manager.query(
      `UPDATE plan_ref SET approved_total_vnd = approved_total_vnd + $2
        WHERE id = $1 AND approved_total_vnd + $2 <= budget_vnd
        RETURNING budget_vnd, approved_total_vnd`,
      [planId, amountVnd],
    );
    if (rows.length === 0) {
      const plan = await manager.getRepository(PlanRefEntity).findOneByOrFail({ id: planId });
      throw new RuleViolationError(
        `Approving ${amountVnd} VND would exceed the plan budget: ${plan.approvedTotalVnd} of ${plan.budgetVnd} VND already approved`,
        'project.plan-budget-exceeded',
        'approvedSupportVnd',
      );
    }
  }
}
