import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { ChooseSubsidyPolicyRequest, FairSubsidyPolicyView, SubsidyPolicyView } from '@kc/contracts';
import { ConflictError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { defaultPolicyCode, policyForFair, type DefaultPolicies } from '../domain/subsidy';
import type { FairScale } from '../domain/trade-fair';
import type { FairEntity } from '../infrastructure/persistence/fair.entity';
import { SubsidyPolicyEntity } from '../infrastructure/persistence/subsidy-policy.entity';
import {
  hasCertifiedRegistration,
  setFairPolicy,
} from '../infrastructure/persistence/subsidy-policies.queries';
import { dayVi } from './fair-audit';
import { fairOrThrow } from './fair-lookup';
import { inTransaction } from '@kc/persistence';

export const DEFAULT_SUBSIDY_POLICY = Symbol('DEFAULT_SUBSIDY_POLICY');

export const policyView = (p: SubsidyPolicyEntity): SubsidyPolicyView => ({
  code: p.code,
  version: p.version,
  title: p.title,
  legalBasis: p.legalBasis,
  verified: p.verified,
  supportBp: p.supportBp,
  capVndPerFacility: p.capVndPerFacility,
  validFrom: p.validFrom,
  validTo: p.validTo,
});

/** The booth subsidy policies (reference data seeded by migration) and each fair's choice among them. */
@Injectable()
export class SubsidyPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(DEFAULT_SUBSIDY_POLICY) private readonly defaults: DefaultPolicies,
  ) {}

  /** Every policy version in force on `date`. */
  inForce(manager: EntityManager, date: string): Promise<SubsidyPolicyEntity[]> {
    return manager.getRepository(SubsidyPolicyEntity).find({
      where: [
        { validFrom: LessThanOrEqual(date), validTo: IsNull() },
        { validFrom: LessThanOrEqual(date), validTo: MoreThanOrEqual(date) },
      ],
      order: { code: 'ASC' },
    });
  }

  /**
   * What a new fair follows: the version in force on its start date, if any, of the policy configured for
   * its scale (fairs abroad have their own).
   */
  async defaultFor(
    manager: EntityManager,
    fair: { scale: FairScale; startDate: string },
  ): Promise<SubsidyPolicyEntity | null> {
    const code = defaultPolicyCode(fair.scale, this.defaults);
    return (await this.inForce(manager, fair.startDate)).find((p) => p.code === code) ?? null;
  }

  async policyOf(manager: EntityManager, fair: FairEntity): Promise<SubsidyPolicyEntity | null> {
    if (!fair.subsidyPolicyCode) return null;
    return manager
      .getRepository(SubsidyPolicyEntity)
      .findOneBy({ code: fair.subsidyPolicyCode, version: fair.subsidyPolicyVersion! });
  }

  async ofFair(fairId: string): Promise<FairSubsidyPolicyView> {
    const manager = this.dataSource.manager;
    const fair = await fairOrThrow(manager, fairId);
    const [policy, available] = await Promise.all([
      this.policyOf(manager, fair),
      this.inForce(manager, fair.startDate),
    ]);
    return { fairId, policy: policy && policyView(policy), available: available.map(policyView) };
  }

  /** Support fixed at certification must not change under it: once one is certified, the policy stays. */
  async choose(fairId: string, request: ChooseSubsidyPolicyRequest): Promise<FairSubsidyPolicyView> {
    await inTransaction(this.dataSource, async (manager) => {
      const fair = await fairOrThrow(manager, fairId, true);
      const policy = policyForFair(await this.inForce(manager, fair.startDate), request.code, fair.startDate);
      if (fair.subsidyPolicyCode === policy.code && fair.subsidyPolicyVersion === policy.version) return;
      if (await hasCertifiedRegistration(manager, fairId)) {
        throw new ConflictError(
          {
            vi: 'Đăng ký của hội chợ này đã được xác nhận theo chính sách hỗ trợ: không thể đổi chính sách nữa',
            en: 'Registrations of this fair are already certified under its subsidy policy: it can no longer change',
          },
          'subsidy.certifications-exist',
        );
      }
      await setFairPolicy(manager, fairId, policy);
      await this.outbox.audit(manager, {
        action: 'fair.choose-subsidy-policy',
        resourceType: 'fair',
        resourceId: fairId,
        provinceCode: fair.provinceCode,
        summary:
          `Áp dụng định mức hỗ trợ "${policy.title}" (${policy.code} v${policy.version}, ` +
          `từ ${dayVi(policy.validFrom)}) cho hội chợ "${fair.name}". Căn cứ: ${policy.legalBasis}`,
      });
    });
    return this.ofFair(fairId);
  }
}
