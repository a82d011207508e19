import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertMayActFor, maySee } from '@kc/auth';
import {
  coverageStatusLabels,
  registrationSubmittedV1,
  type PlanRegistrationView,
  type RegistrationCoverageView,
  type Principal,
  type SubmitRegistrationRequest,
} from '@kc/contracts';
import { ConflictError } from '@kc/errors';
import { OwnerClient, passesOn, withReplicaCatchUp } from '@kc/http';
import { OutboxWriter } from '@kc/messaging';
import { referenceProvinces } from '@kc/reference-data';
import { assertRegistrable, isLate, sentOnOf } from '../domain/registration';
import { registrationCoverage } from '../domain/registration-coverage';
import { planYearUnits } from '../infrastructure/plan-year-units';
import type { ProjectRef } from '../domain/project-ref';
import { PROJECTS_OWNER, REPLICA_WAIT_MS, projectsAtOwner } from './projects-owner';
import {
  RegistrationEntity,
  RegistrationProjectEntity,
} from '../infrastructure/persistence/registration.entity';
import { FundingNormsService } from './funding-norms.service';
import { visiblePlan } from './plan-access';
import { registrationSummary } from './plan-audit';
import { normAllowances } from './project-norms';
import { lockedProjects } from './project-refs';
import { inTransaction, pgConstraint } from '@kc/persistence';

const toView = (r: RegistrationEntity, projectIds: string[]): PlanRegistrationView => ({
  id: r.id,
  planId: r.planId,
  provinceCode: r.provinceCode,
  reportNumber: r.reportNumber,
  reportDate: r.reportDate,
  sentOn: r.sentOn,
  submittedAt: r.submittedAt.toISOString(),
  submittedBy: r.submittedBy,
  deadline: r.deadline,
  late: r.late,
  projectIds,
});

/** A province's registration report for a plan: its base-appraised projects, flagged late after the deadline. */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly norms: FundingNormsService,
    @Inject(PROJECTS_OWNER) private readonly projectsOwner: OwnerClient,
    @Inject(REPLICA_WAIT_MS) private readonly replicaWaitMs: number,
  ) {}

  async submit(
    principal: Principal,
    planId: string,
    request: SubmitRegistrationRequest,
  ): Promise<PlanRegistrationView> {
    assertMayActFor(principal, request.provinceCode);
    let judge: ((projects: ReadonlyMap<string, ProjectRef>) => void) | undefined;
    // Judged on plans' copy of the projects: a refusal the copy may owe to lagging must hold at the owner too.
    return withReplicaCatchUp({
      owner: this.projectsOwner,
      waitMs: this.replicaWaitMs,
      lagCodes: ['registration.unknown-project', 'registration.project-not-base-appraised'],
      attempt: () =>
        this.submitOnce(principal, planId, request, (rule) => {
          judge = rule;
        }),
      ownerAllows: async () => {
        const projects = await projectsAtOwner(this.projectsOwner, request.projectIds);
        return passesOn(() => judge!(projects));
      },
    });
  }

  private submitOnce(
    principal: Principal,
    planId: string,
    request: SubmitRegistrationRequest,
    judging: (rule: (projects: ReadonlyMap<string, ProjectRef>) => void) => void,
  ): Promise<PlanRegistrationView> {
    return inTransaction(this.dataSource, async (manager) => {
      const plan = await visiblePlan(manager, principal, planId);
      const projects = await lockedProjects(manager, request.projectIds);
      const found = [...projects.values()];
      const allowances = await normAllowances(
        this.norms,
        manager,
        plan,
        found.filter((p) => p.planId === planId),
        (p) => `projectIds[${request.projectIds.indexOf(p.projectId)}]`,
      );
      const rule = (known: ReadonlyMap<string, ProjectRef>) =>
        assertRegistrable(
          { planId, level: plan.level, provinceCode: plan.provinceCode },
          request.provinceCode,
          request.projectIds.map((projectId) => {
            const project = known.get(projectId);
            return { projectId, project, allowance: allowances.get(projectId) ?? null };
          }),
        );
      judging(rule);
      rule(projects);
      const submittedAt = new Date();
      const sentOn = sentOnOf(request, submittedAt);
      const registration = manager.getRepository(RegistrationEntity).create({
        id: randomUUID(),
        planId,
        provinceCode: request.provinceCode,
        reportNumber: request.reportNumber,
        reportDate: request.reportDate,
        submittedAt,
        deadline: plan.registrationDeadline,
        sentOn,
        late: isLate(sentOn, plan.registrationDeadline),
        submittedBy: principal.name,
      });
      try {
        await manager.getRepository(RegistrationEntity).insert(registration);
        await manager
          .getRepository(RegistrationProjectEntity)
          .insert(
            request.projectIds.map((projectId) => ({ registrationId: registration.id, planId, projectId })),
          );
      } catch (error) {
        const constraint = pgConstraint(error);
        if (constraint === 'registration_plan_id_province_code_report_number_key') {
          throw new ConflictError(
            {
              vi: `Báo cáo số ${request.reportNumber} của tỉnh ${request.provinceCode} đã được đăng ký vào kế hoạch này`,
              en: `Report ${request.reportNumber} of province ${request.provinceCode} is already registered for this plan`,
            },
            'registration.duplicate-report',
            'reportNumber',
          );
        }
        if (constraint === 'registration_project_plan_id_project_id_key') {
          throw new ConflictError(
            {
              vi: 'Một đề án trong danh sách đã có trong báo cáo đăng ký khác của kế hoạch này',
              en: 'A listed project is already in another registration report of this plan',
            },
            'registration.project-already-listed',
            'projectIds',
          );
        }
        throw error;
      }
      await this.outbox.append(manager, registrationSubmittedV1, {
        aggregateId: planId,
        provinceCode: request.provinceCode,
        payload: {
          registrationId: registration.id,
          planId,
          planYear: plan.year,
          provinceCode: request.provinceCode,
          reportNumber: request.reportNumber,
          submittedAt: submittedAt.toISOString(),
          sentOn,
          deadline: plan.registrationDeadline,
          late: registration.late,
          projectIds: request.projectIds,
        },
      });
      await this.outbox.audit(manager, {
        action: 'plan.register-projects',
        resourceType: 'registration',
        resourceId: registration.id,
        provinceCode: request.provinceCode,
        summary: registrationSummary(
          plan.name,
          request.reportNumber,
          request.projectIds.length,
          registration.late,
        ),
      });
      return toView(registration, request.projectIds);
    });
  }

  /** A province officer sees their own province's reports; the agency every report of the plan. */
  /** Which units have sent their report for the plan (on time, late) and which have not yet. */
  async coverage(principal: Principal, planId: string): Promise<RegistrationCoverageView> {
    const plan = await visiblePlan(this.dataSource.manager, principal, planId);
    const reports = await this.list(principal, planId);
    const units =
      plan.level === 'provincial'
        ? [
            {
              code: plan.provinceCode!,
              nameVi: referenceProvinces.nameDuring(plan.provinceCode!, plan.year) ?? '',
            },
          ]
        : planYearUnits.of(plan.year);
    const rows = registrationCoverage(
      units.filter((u) => maySee(principal, u.code)),
      reports.map((r) => ({
        id: r.id,
        provinceCode: r.provinceCode,
        reportNumber: r.reportNumber,
        sentOn: r.sentOn,
        late: r.late,
        projects: r.projectIds.length,
      })),
      (code) => planYearUnits.countsFor(code, plan.year),
    );
    return {
      planId,
      year: plan.year,
      deadline: plan.registrationDeadline,
      expected: rows.length,
      onTime: rows.filter((r) => r.status === 'on-time').length,
      late: rows.filter((r) => r.status === 'late').length,
      missing: rows.filter((r) => r.status === 'missing').map((r) => r.provinceCode),
      units: rows.map((row) => ({ ...row, statusLabel: coverageStatusLabels[row.status] })),
    };
  }

  async list(principal: Principal, planId: string): Promise<PlanRegistrationView[]> {
    const manager = this.dataSource.manager;
    await visiblePlan(manager, principal, planId);
    const registrations = (
      await manager
        .getRepository(RegistrationEntity)
        .find({ where: { planId }, order: { submittedAt: 'ASC' } })
    ).filter((r) => maySee(principal, r.provinceCode));
    const listed = await manager.getRepository(RegistrationProjectEntity).findBy({ planId });
    return registrations.map((r) =>
      toView(
        r,
        listed.filter((l) => l.registrationId === r.id).map((l) => l.projectId),
      ),
    );
  }
}
