import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isCentral, maySee } from '@kc/auth';
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
import { planAdvance, planPayment, planRefund, type DisbursementGuard } from '../domain/advances';
import { AdvanceRuleEntity } from '../infrastructure/persistence/advance-rule.entity';
import { DisbursementEntity } from '../infrastructure/persistence/disbursement.entity';
import {
  disbursementProject,
  recordDisbursement,
  type DisbursementProject,
  type NewDisbursement,
} from '../infrastructure/persistence/disbursements.queries';
import { findVisibleProject } from './progress-access';
import { projectEvent } from './project-events';
import { projectNotFound } from './project-store';

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
   * Read, then BEGIN, the guarded UPDATE with the disbursement row, the event with the audit entry, COMMIT.
   */
  async record(
    principal: Principal,
    projectId: string,
    body: DisbursementRequest,
  ): Promise<DisbursementView> {
    const judge = async (manager: EntityManager) => {
      const project = await disbursementProject(manager, projectId, body.on);
      if (!project || !maySee(principal, project.provinceCode)) throw projectNotFound(projectId);
      assertMayDisburse(principal, project);
      return { project, guard: plan(project, body) };
    };
    let judged = await judge(this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      for (let attempt = 1; ; attempt++) {
        const { project, guard } = judged;
        const disbursement: NewDisbursement = {
          id: randomUUID(),
          projectId: project.id,
          provinceCode: project.provinceCode,
          kind: body.kind,
          amountVnd: body.amountVnd,
          on: body.on,
          reference: body.reference ?? null,
          advanceRuleId: guard.ruleId,
          recordedBy: principal.name,
          recordedAt: new Date(),
        };
        const after = await recordDisbursement(manager, guard, disbursement);
        if (after) {
          await this.announce(manager, project, disbursement, after);
          return toView({
            ...disbursement,
            advancedAfterVnd: after.advancedVnd,
            paidAfterVnd: after.paidVnd,
          });
        }
        if (attempt >= ATTEMPTS)
          throw new ConflictError(
            {
              vi: 'Đề án đang được chi đồng thời; gửi lại',
              en: 'The project is being disbursed concurrently; send again',
            },
            'disbursement.concurrent-change',
          );
        judged = await judge(manager);
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

  /** The event and the audit entry of a recorded disbursement, in one INSERT. */
  private async announce(
    manager: EntityManager,
    project: DisbursementProject,
    d: NewDisbursement,
    after: { advancedVnd: number; paidVnd: number },
  ): Promise<void> {
    await this.outbox.appendAll(manager, [
      projectEvent(disbursementRecordedV1, project, {
        disbursementId: d.id,
        kind: d.kind,
        amountVnd: d.amountVnd,
        on: d.on,
        reference: d.reference,
        advancedVnd: after.advancedVnd,
        paidVnd: after.paidVnd,
      }),
      this.outbox.auditEvent({
        action: `project.disburse-${d.kind}`,
        resourceType: 'project',
        resourceId: project.id,
        provinceCode: project.provinceCode,
        summary:
          `${KIND_VI[d.kind]} ${formatVnd(d.amountVnd)} VND cho đề án ${project.code} ngày ${d.on}; ` +
          `đã chi ${formatVnd(after.paidVnd)} VND, tạm ứng còn ${formatVnd(after.advancedVnd)} VND`,
      }),
    ]);
  }
}

/** The bounds the disbursement must stay within, judged on the project as read (422/409 when it may not). */
function plan(project: DisbursementProject, body: DisbursementRequest): DisbursementGuard {
  switch (body.kind) {
    case 'advance':
      if (!project.rule)
        throw new ConflictError(
          {
            vi: `Không có quy định tạm ứng cho nhóm "${project.advanceCategory}" vào ngày ${body.on}`,
            en: `No advance rule for category ${project.advanceCategory} in force on ${body.on}`,
          },
          'disbursement.no-advance-rule',
          'on',
        );
      return planAdvance(project, project.rule, body.amountVnd);
    case 'payment':
      return planPayment(project, body.amountVnd);
    case 'refund':
      return planRefund(project, body.amountVnd);
  }
}

/** Money moves by the plan owner: the agency for a national-plan project, the province for its own plan. */
function assertMayDisburse(principal: Principal, project: DisbursementProject): void {
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
