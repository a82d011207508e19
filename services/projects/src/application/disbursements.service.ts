import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isCentral } from '@kc/auth';
import {
  disbursementRecordedV1,
  formatVnd,
  type AdvanceRuleView,
  type DisbursementRequest,
  type DisbursementsView,
  type DisbursementView,
  type Principal,
} from '@kc/contracts';
import { ConflictError, ForbiddenError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import {
  planAdvance,
  planPayment,
  planRefund,
  type AdvanceRule,
  type DisbursementGuard,
} from '../domain/advances';
import { AdvanceRuleEntity } from '../infrastructure/persistence/advance-rule.entity';
import { DisbursementEntity } from '../infrastructure/persistence/disbursement.entity';
import type { ProjectEntity } from '../infrastructure/persistence/project.entity';
import { findVisibleProject } from './progress-access';
import { appendProjectEvent } from './project-events';

const KIND_VI = { advance: 'Tạm ứng', payment: 'Thanh toán', refund: 'Hoàn trả' } as const;

const toView = (d: DisbursementEntity): DisbursementView => ({
  id: d.id,
  projectId: d.projectId,
  kind: d.kind,
  amountVnd: d.amountVnd,
  on: d.on,
  reference: d.reference,
  advanceRuleId: d.advanceRuleId,
  advancedVndAfter: d.advancedAfterVnd,
  paidVndAfter: d.paidAfterVnd,
  recordedBy: d.recordedBy,
  recordedAt: d.recordedAt.toISOString(),
});

const ruleView = (r: AdvanceRuleEntity): AdvanceRuleView => ({
  id: r.id,
  category: r.category,
  ratePercent: r.ratePercent,
  progressAbovePercent: r.progressAbovePercent,
  onlyAfterAcceptance: r.onlyAfterAcceptance,
  legalBasis: r.legalBasis,
  validFrom: r.validFrom,
  validTo: r.validTo,
  verified: r.verified,
});

const inForce = (manager: EntityManager, on: string) =>
  manager
    .getRepository(AdvanceRuleEntity)
    .createQueryBuilder('r')
    .where('r.valid_from <= :on AND (r.valid_to IS NULL OR r.valid_to >= :on)', { on });

/** A lost race is tried again on the fresh row, a few times, before the caller hears of it. */
const ATTEMPTS = 5;

@Injectable()
export class DisbursementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Records an advance, payment or refund. The rules are checked on the project as read, then one guarded
   * UPDATE on the project row applies the amount only if the row still satisfies them (the CHECKs on the
   * table stand behind it). When a concurrent disbursement got there first, the UPDATE matches nothing and
   * the rules are checked again on the fresh row: either they now refuse (422 naming the rule) or it retries.
   */
  async record(
    principal: Principal,
    projectId: string,
    body: DisbursementRequest,
  ): Promise<DisbursementView> {
    return this.dataSource.transaction(async (manager) => {
      for (let attempt = 1; ; attempt++) {
        const project = await findVisibleProject(manager, principal, projectId);
        assertMayDisburse(principal, project);
        const guard = await this.plan(manager, project, body);
        const after = await this.applyGuarded(manager, projectId, guard);
        if (after) return this.write(manager, principal, project, body, guard, after);
        if (attempt >= ATTEMPTS)
          throw new ConflictError(
            {
              vi: 'Đề án đang được chi đồng thời; gửi lại',
              en: 'The project is being disbursed concurrently; send again',
            },
            'disbursement.concurrent-change',
          );
      }
    });
  }

  async list(principal: Principal, projectId: string): Promise<DisbursementsView> {
    const project = await findVisibleProject(this.dataSource.manager, principal, projectId);
    const items = await this.dataSource
      .getRepository(DisbursementEntity)
      .find({ where: { projectId }, order: { recordedAt: 'ASC', id: 'ASC' } });
    return {
      projectId,
      contractValueVnd: project.contractValueVnd,
      advancedVnd: project.advancedVnd,
      paidVnd: project.paidVnd,
      items: items.map(toView),
    };
  }

  /** The advance rules in force on a date. */
  async rules(asOf: string): Promise<AdvanceRuleView[]> {
    const rules = await inForce(this.dataSource.manager, asOf).orderBy('r.category').getMany();
    return rules.map(ruleView);
  }

  private async plan(
    manager: EntityManager,
    project: ProjectEntity,
    body: DisbursementRequest,
  ): Promise<DisbursementGuard> {
    switch (body.kind) {
      case 'advance':
        return planAdvance(project, await this.ruleFor(manager, project, body.on), body.amountVnd);
      case 'payment':
        return planPayment(project, body.amountVnd);
      case 'refund':
        return planRefund(project, body.amountVnd);
    }
  }

  private async ruleFor(manager: EntityManager, project: ProjectEntity, on: string): Promise<AdvanceRule> {
    const rule = await inForce(manager, on)
      .andWhere('r.category = :category', { category: project.advanceCategory })
      .getOne();
    if (!rule)
      throw new ConflictError(
        {
          vi: `Không có quy định tạm ứng cho nhóm "${project.advanceCategory}" vào ngày ${on}`,
          en: `No advance rule for category ${project.advanceCategory} in force on ${on}`,
        },
        'disbursement.no-advance-rule',
        'on',
      );
    return rule;
  }

  /** One UPDATE whose WHERE repeats every bound of the guard; null when the row no longer satisfies it. */
  private async applyGuarded(
    manager: EntityManager,
    projectId: string,
    guard: DisbursementGuard,
  ): Promise<{ advancedVnd: number; paidVnd: number } | null> {
    // A refund returns unused advances first; advanced_vnd <= paid_vnd (CHECK) keeps holding.
    const set =
      guard.kind === 'advance'
        ? 'advanced_vnd = advanced_vnd + $2, paid_vnd = paid_vnd + $2'
        : guard.kind === 'payment'
          ? 'paid_vnd = paid_vnd + $2'
          : 'advanced_vnd = advanced_vnd - least(advanced_vnd, $2), paid_vnd = paid_vnd - $2';
    const [rows]: [{ advanced_vnd: string; paid_vnd: string }[], number] = await manager.query(
      `UPDATE project SET ${set}, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = ANY($3) AND contract_value_vnd IS NOT NULL
          AND ($4::bigint IS NULL OR advanced_vnd + $2 <= $4)
          AND ($5::bigint IS NULL OR paid_vnd + $2 <= $5)
          AND ($6::int IS NULL OR coalesce(last_progress_percent, 0) > $6)
          AND ($7 <> 'refund' OR paid_vnd - $2 >= 0)
        RETURNING advanced_vnd, paid_vnd`,
      [
        projectId,
        guard.amountVnd,
        guard.statuses,
        guard.maxAdvancedVnd,
        guard.maxPaidVnd,
        guard.progressAbovePercent,
        guard.kind,
      ],
    );
    if (rows.length === 0) return null;
    return { advancedVnd: Number(rows[0].advanced_vnd), paidVnd: Number(rows[0].paid_vnd) };
  }

  private async write(
    manager: EntityManager,
    principal: Principal,
    project: ProjectEntity,
    body: DisbursementRequest,
    guard: DisbursementGuard,
    after: { advancedVnd: number; paidVnd: number },
  ): Promise<DisbursementView> {
    const repo = manager.getRepository(DisbursementEntity);
    const disbursement = repo.create({
      id: randomUUID(),
      projectId: project.id,
      provinceCode: project.provinceCode,
      kind: body.kind,
      amountVnd: body.amountVnd,
      on: body.on,
      reference: body.reference ?? null,
      advanceRuleId: guard.ruleId,
      advancedAfterVnd: after.advancedVnd,
      paidAfterVnd: after.paidVnd,
      recordedBy: principal.name,
      recordedAt: new Date(),
    });
    await repo.insert(disbursement);
    await appendProjectEvent(this.outbox, manager, disbursementRecordedV1, project, {
      disbursementId: disbursement.id,
      kind: body.kind,
      amountVnd: body.amountVnd,
      on: body.on,
      reference: disbursement.reference,
      advancedVnd: after.advancedVnd,
      paidVnd: after.paidVnd,
    });
    await this.outbox.audit(manager, {
      action: `project.disburse-${body.kind}`,
      resourceType: 'project',
      resourceId: project.id,
      provinceCode: project.provinceCode,
      summary:
        `${KIND_VI[body.kind]} ${formatVnd(body.amountVnd)} VND cho đề án ${project.code} ngày ${body.on}; ` +
        `đã chi ${formatVnd(after.paidVnd)} VND, tạm ứng còn ${formatVnd(after.advancedVnd)} VND`,
    });
    return toView(disbursement);
  }
}

/** Money moves by the plan owner: the agency for a national-plan project, the province for its own plan. */
function assertMayDisburse(principal: Principal, project: ProjectEntity): void {
  const owner =
    project.planLevel === 'national'
      ? isCentral(principal)
      : principal.role === 'province-officer' && principal.provinceCode === project.provinceCode;
  if (!owner)
    throw new ForbiddenError(
      project.planLevel === 'national'
        ? {
            vi: 'Chỉ Cục (chủ kế hoạch quốc gia) chi tiền cho đề án này',
            en: 'Only the agency disburses a national-plan project',
          }
        : {
            vi: `Chỉ Sở Công Thương tỉnh ${project.provinceCode} chi tiền cho đề án này`,
            en: 'Only the province disburses a provincial-plan project',
          },
      'disbursement.not-plan-owner',
    );
}
