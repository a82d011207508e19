import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMayActFor, isCentral, listProvinceFilter, maySee } from '@kc/auth';
import {
  projectRegisteredV2,
  projectStatusChangedV1,
  type CreateProjectRequest,
  type DoubleFundingExemptionRequest,
  type DoubleFundingExemptionView,
  type ListExemptionsQuery,
  type ListProjectsQuery,
  type Page,
  type Principal,
  type ProjectDetailView,
  type ProjectView,
} from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { OutboxWriter, outboxEntry } from '@kc/messaging';
import { foldDiacritics, referenceProvinces } from '@kc/reference-data';
import { holdsFunding, transition } from '../domain/lifecycle';
import {
  assertKindRules,
  assertPlanAcceptsProvince,
  assertUnitInForce,
  fundingSourceOf,
  projectCode,
  requestedSupport,
} from '../domain/project';
import type { PlanRefEntity } from '../infrastructure/persistence/plan-ref.entity';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';
import {
  AdjustmentEntity,
  AppraisalEntity,
  DoubleFundingExemptionEntity,
  ProjectBeneficiaryEntity,
} from '../infrastructure/persistence/project-records.entity';
import {
  insertDraft,
  nextProjectSequence,
  registerDraft,
  registrationFacts,
  type RegistrationFacts,
} from '../infrastructure/persistence/projects.queries';
import { refuseDoubleFunding } from './double-funding';
import { auditSummary } from './project-audit';
import { projectListWhere } from './project-search';
import { actorOf, concurrentChange, projectNotFound } from './project-store';
import { toProjectDetail, toProjectView } from './project-view';
import { projectEvent } from './project-events';
import type { NormsInForce } from './norms-in-force';
import { PlansAtOwner, unknownPlan } from './plans-owner';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly plans: PlansAtOwner,
  ) {}

  /** A new project starts as a draft; nothing is claimed until it is registered. */
  async create(principal: Principal, request: CreateProjectRequest): Promise<ProjectView> {
    assertMayActFor(principal, request.provinceCode); // another province's project: 403 before anything else
    // A plan just created may not have reached plan_ref yet: wait for it rather than refuse it.
    const plan = await this.plans.knownPlan(principal, request.planId);
    const norms = this.plans.normsFor(plan);
    await norms.prefetch([request]);
    return this.dataSource.transaction((manager) => this.createIn(manager, principal, plan, request, norms));
  }

  /**
   * `create` inside the caller's transaction (the Excel import writes many rows in one) under `plan`, read
   * before it (plan_ref rows never change); `norms` are the plan's funding norms, asked of plans before too.
   */
  async createIn(
    manager: EntityManager,
    principal: Principal,
    plan: PlanRefEntity,
    request: CreateProjectRequest,
    norms: NormsInForce,
  ): Promise<ProjectView> {
    assertMayActFor(principal, request.provinceCode);
    // Another province's plan is as unknown to the caller as a missing one.
    if (!maySee(principal, plan.provinceCode)) throw unknownPlan(principal, plan.id);
    assertUnitInForce(referenceProvinces, request.provinceCode, request.startDate);
    assertPlanAcceptsProvince(plan, request.provinceCode);
    const contents = [...request.activityContents].sort((a, b) => a - b);
    const draft = { ...request, activityContents: contents };
    assertKindRules(draft);
    const requested = requestedSupport(plan, draft);
    await norms.assertWithin(draft);
    const sequence = await nextProjectSequence(manager, plan.id, request.provinceCode);
    const now = new Date();
    const project = await insertDraft(manager, {
      id: randomUUID(),
      code: projectCode(plan, request.provinceCode, sequence),
      planId: plan.id,
      planYear: plan.year,
      planLevel: plan.level,
      fundingSource: fundingSourceOf(plan),
      title: request.title,
      titleSearch: foldDiacritics(request.title),
      kind: request.kind,
      activityContents: contents,
      implementingUnit: request.implementingUnit,
      unitSearch: foldDiacritics(request.implementingUnit),
      partners: request.partners,
      provinceCode: request.provinceCode,
      commune: request.commune ?? null,
      startDate: request.startDate,
      endDate: request.endDate,
      kcqgVnd: request.kcqgVnd,
      kcdpVnd: request.kcdpVnd,
      counterpartVnd: request.counterpartVnd,
      otherVnd: request.otherVnd,
      requestedSupportVnd: requested,
      normCode: request.normCode ?? null,
      normUnits: request.normUnits ?? null,
      procurementMode: request.procurementMode,
      advanceCategory: request.advanceCategory,
      updatedAt: now,
      beneficiaries: request.beneficiaries,
    });
    await this.outbox.appendAll(manager, [
      projectEvent(projectStatusChangedV1, project, {
        from: null,
        to: 'draft',
        action: 'create',
        at: now.toISOString(),
      }),
      this.outbox.auditEvent({
        action: 'project.create',
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary: auditSummary.created(project),
      }),
    ]);
    return toProjectView(project);
  }

  /** draft → registered: the beneficiaries' support is claimed (no double funding) and the full facts published. */
  async register(principal: Principal, id: string): Promise<ProjectView> {
    const read = await this.visibleRegistration(this.dataSource.manager, principal, id);
    transition(read, 'register', actorOf(principal)); // refused (409, 403) before a transaction opens
    return this.dataSource.transaction((manager) => this.registerIn(manager, principal, id, read));
  }

  /**
   * `register` inside the caller's transaction (the Excel import writes many rows in one), decided on `read`
   * (read before it) or on the project as it is now. Written only if the project is still as it was read;
   * otherwise decided again on the row locked, so a concurrent registration answers 409 as a later one would.
   */
  async registerIn(
    manager: EntityManager,
    principal: Principal,
    id: string,
    read?: RegistrationFacts,
  ): Promise<ProjectView> {
    const first = read ?? (await this.visibleRegistration(manager, principal, id));
    // Changed since it was read: decided again on the row locked, which nothing else can change meanwhile.
    const done =
      (await this.registerOn(manager, principal, first)) ??
      (await this.registerOn(
        manager,
        principal,
        await this.visibleRegistration(manager, principal, id, true),
      ));
    if (!done) throw concurrentChange(first.code);
    return done;
  }

  private async visibleRegistration(
    manager: EntityManager,
    principal: Principal,
    id: string,
    lock = false,
  ): Promise<RegistrationFacts> {
    const facts = await registrationFacts(manager, id, lock);
    if (!facts || !maySee(principal, facts.provinceCode)) throw projectNotFound(id);
    return facts;
  }

  /** The registration decided on `facts`; null when the project changed since they were read. */
  private async registerOn(
    manager: EntityManager,
    principal: Principal,
    facts: RegistrationFacts,
  ): Promise<ProjectView | null> {
    const step = transition(facts, 'register', actorOf(principal));
    const claims = holdsFunding(step.to)
      ? facts.taxCodes.flatMap((taxCode) => facts.activityContents.map((content) => ({ taxCode, content })))
      : [];
    const period = `[${facts.startDate},${facts.endDate}]`;
    const at = new Date();
    const written = await registerDraft(manager, {
      ...step,
      id: facts.id,
      version: facts.version,
      at,
      claims,
      period,
    });
    if (!written) return null;
    const { project, claimed } = written;
    const won = new Set(claimed.map((c) => `${c.taxCode}/${c.content}`));
    const lost = claims.find((c) => !won.has(`${c.taxCode}/${c.content}`));
    if (lost) await refuseDoubleFunding(manager, project, lost.taxCode, lost.content, period);
    await this.outbox.appendAll(manager, [
      ...(step.changed
        ? [
            projectEvent(projectStatusChangedV1, project, {
              from: step.from,
              to: step.to,
              action: step.action,
              at: at.toISOString(),
            }),
          ]
        : []),
      outboxEntry(projectRegisteredV2, {
        aggregateId: project.id,
        provinceCode: project.provinceCode,
        payload: {
          projectId: project.id,
          code: project.code,
          planId: project.planId,
          planYear: project.planYear,
          planLevel: project.planLevel,
          fundingSource: project.fundingSource,
          title: project.title,
          kind: project.kind,
          activityContents: project.activityContents,
          implementingUnit: project.implementingUnit,
          provinceCode: project.provinceCode,
          commune: project.commune,
          startDate: project.startDate,
          endDate: project.endDate,
          kcqgVnd: project.kcqgVnd,
          kcdpVnd: project.kcdpVnd,
          counterpartVnd: project.counterpartVnd,
          otherVnd: project.otherVnd,
          requestedSupportVnd: project.requestedSupportVnd,
          normCode: project.normCode,
          normUnits: project.normUnits,
          procurementMode: project.procurementMode,
          advanceCategory: project.advanceCategory,
          beneficiaryTaxCodes: facts.taxCodes,
        },
      }),
      this.outbox.auditEvent({
        action: 'project.register',
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary: auditSummary.transition(project, step.from, step.to, 'đăng ký'),
      }),
    ]);
    return toProjectView(project);
  }

  /** Another province's project answers exactly like a missing one, so ids reveal nothing. */
  async get(principal: Principal, id: string): Promise<ProjectDetailView> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOneBy({ id });
    if (!project || !maySee(principal, project.provinceCode)) throw projectNotFound(id);
    const [beneficiaries, appraisals, adjustments] = await Promise.all([
      this.dataSource.getRepository(ProjectBeneficiaryEntity).find({
        where: { projectId: id },
        order: { taxCode: 'ASC' },
      }),
      this.dataSource.getRepository(AppraisalEntity).find({
        where: { projectId: id },
        order: { createdAt: 'ASC' },
      }),
      this.dataSource.getRepository(AdjustmentEntity).find({
        where: { projectId: id },
        order: { createdAt: 'ASC' },
      }),
    ]);
    return toProjectDetail(project, beneficiaries, appraisals, adjustments);
  }

  async list(principal: Principal, query: ListProjectsQuery): Promise<Page<ProjectView>> {
    const builder = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p');
    projectListWhere(builder, {
      ...query,
      provinceCodes: listProvinceFilter(principal, query.provinceCode, query.unitAsOf),
    });
    const [items, total] = await builder
      .orderBy('p.plan_year', 'DESC')
      .addOrderBy('p.code', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: items.map(toProjectView), page: query.page, limit: query.limit, total };
  }

  /** The agency's justification for supporting one facility twice for one content in one period. */
  async recordExemption(
    principal: Principal,
    request: DoubleFundingExemptionRequest,
  ): Promise<DoubleFundingExemptionView> {
    if (!isCentral(principal)) {
      throw new ForbiddenError(
        {
          vi: 'Chỉ Cục ghi nhận miễn trừ hỗ trợ trùng lặp',
          en: 'only the agency records double-funding exemptions',
        },
        'project.exemption-central',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(DoubleFundingExemptionEntity);
      const exemption = await repo.save(
        repo.create({
          id: randomUUID(),
          taxCode: request.taxCode,
          activityContent: request.activityContent,
          period: `[${request.startDate},${request.endDate}]`,
          justification: request.justification,
          decisionNumber: request.decisionNumber ?? null,
          recordedBy: principal.name,
        }),
      );
      await this.outbox.audit(manager, {
        action: 'double-funding-exemption.record',
        resourceType: 'double-funding-exemption',
        resourceId: exemption.id,
        provinceCode: null,
        summary: auditSummary.exemption(request),
      });
      const saved = await repo.findOneByOrFail({ id: exemption.id });
      return {
        id: saved.id,
        taxCode: saved.taxCode,
        activityContent: saved.activityContent,
        startDate: request.startDate,
        endDate: request.endDate,
        justification: saved.justification,
        decisionNumber: saved.decisionNumber,
        recordedBy: saved.recordedBy,
        recordedAt: saved.recordedAt.toISOString(),
      };
    });
  }

  /** The recorded exemptions (staff only: who was allowed double support, and why), newest first. */
  async listExemptions(query: ListExemptionsQuery): Promise<Page<DoubleFundingExemptionView>> {
    const filters: string[] = [];
    const params: unknown[] = [];
    if (query.taxCode !== undefined) filters.push(`tax_code = $${params.push(query.taxCode)}`);
    if (query.activityContent !== undefined)
      filters.push(`activity_content = $${params.push(query.activityContent)}`);
    const where = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
    // Counted on its own: a page past the last one has no row to carry the total.
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM double_funding_exemption ${where}`,
      params,
    );
    const rows: (Omit<DoubleFundingExemptionView, 'recordedAt'> & { recordedAt: Date })[] =
      await this.dataSource.query(
        // The period is stored as a canonical daterange [start, end + 1 day): give back the inclusive end.
        `SELECT id, tax_code AS "taxCode", activity_content AS "activityContent",
                to_char(lower(period), 'YYYY-MM-DD') AS "startDate",
                to_char(upper(period) - 1, 'YYYY-MM-DD') AS "endDate",
                justification, decision_number AS "decisionNumber", recorded_by AS "recordedBy",
                recorded_at AS "recordedAt"
           FROM double_funding_exemption ${where}
          ORDER BY recorded_at DESC, id
          LIMIT $${params.push(query.limit)} OFFSET $${params.push((query.page - 1) * query.limit)}`,
        params,
      );
    return {
      items: rows.map(({ recordedAt, ...row }) => ({
        ...row,
        recordedAt: recordedAt.toISOString(),
      })),
      page: query.page,
      limit: query.limit,
      total,
    };
  }
}
