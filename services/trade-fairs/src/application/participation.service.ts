import { Injectable } from '@nestjs/common';
import { DataSource, Not, IsNull, type EntityManager } from 'typeorm';
import { assertMayActFor, maySee } from '@kc/auth';
import {
  formatVnd,
  registrationCertifiedV1,
  registrationCheckedInV1,
  registrationStateLabels,
  type DelegationCertifiedView,
  type Principal,
  type RegistrationView,
} from '@kc/contracts';
import { ConflictError, NotFoundError, type Bilingual } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { assertFairInSession } from '../domain/check-in';
import { supportVnd } from '../domain/subsidy';
import type { FairEntity } from '../infrastructure/persistence/fair.entity';
import { RegistrationEntity } from '../infrastructure/persistence/registration.entity';
import type { SubsidyPolicyEntity } from '../infrastructure/persistence/subsidy-policy.entity';
import {
  boothsOfRegistration,
  lockParticipation,
  lockUncertifiedDelegation,
  markCertified,
  markCheckedIn,
  type ParticipationRow,
} from '../infrastructure/persistence/participation.queries';
import { assertRunsFair } from './registration-access';
import { RegistrationsService } from './registrations.service';
import { SubsidyPoliciesService } from './subsidy-policies.service';
import { fairOrThrow } from './fair-lookup';
import { assertParticipantListOpen } from './participant-list.service';
import { inTransaction } from '@kc/persistence';

const notFound = (id: string) =>
  new NotFoundError(
    { vi: `Không có đăng ký ${id}`, en: `Registration ${id} does not exist` },
    'registration.not-found',
  );

const notAllocated = (row: ParticipationRow, what: Bilingual) =>
  new ConflictError(
    {
      vi: `Đăng ký đang ở trạng thái "${registrationStateLabels[row.state]}", chưa được phân gian hàng: không có gì để ${what.vi}`,
      en: `The registration is ${row.state}, not allocated: nothing to ${what.en}`,
    },
    'registration.not-allocated',
  );

/**
 * After allocation: the facility's provincial department certifies the participation (fixing the support
 * under the fair's subsidy policy), and the organiser checks the facility in at the fair.
 */
@Injectable()
export class ParticipationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly policies: SubsidyPoliciesService,
    private readonly registrations: RegistrationsService,
  ) {}

  /** Certifies one allocation; a certified one answers as it is, with no second event. */
  async certify(principal: Principal, fairId: string, id: string): Promise<RegistrationView> {
    await inTransaction(this.dataSource, async (manager) => {
      const fair = await fairOrThrow(manager, fairId);
      const row = await lockParticipation(manager, fairId, id);
      if (!row || !maySee(principal, row.facility_province_code)) throw notFound(id);
      if (row.state !== 'allocated') throw notAllocated(row, { vi: 'xác nhận hỗ trợ', en: 'certify' });
      if (row.certified_at) return;
      await assertParticipantListOpen(manager, fairId);
      await this.certifyRow(manager, principal, fair, await this.policyOrThrow(manager, fair), row);
    });
    return this.view(fairId, id);
  }

  /** Certifies every allocated, not yet certified registration of the province's delegation at once. */
  async certifyDelegation(
    principal: Principal,
    fairId: string,
    provinceCode: string,
  ): Promise<DelegationCertifiedView> {
    assertMayActFor(principal, provinceCode);
    const newlyCertified = await inTransaction(this.dataSource, async (manager) => {
      const fair = await fairOrThrow(manager, fairId);
      const rows = await lockUncertifiedDelegation(manager, fairId, provinceCode);
      if (rows.length === 0) return 0;
      await assertParticipantListOpen(manager, fairId);
      const policy = await this.policyOrThrow(manager, fair);
      for (const row of rows) await this.certifyRow(manager, principal, fair, policy, row);
      return rows.length;
    });
    const certified = await this.dataSource.getRepository(RegistrationEntity).find({
      where: { fairId, facilityProvinceCode: provinceCode, state: 'allocated', certifiedAt: Not(IsNull()) },
      order: { facilityTaxCode: 'ASC' },
    });
    return { fairId, provinceCode, newlyCertified, items: await this.registrations.toViews(certified) };
  }

  /** On the fair's days only; checking in again answers as it is, with no second event. */
  async checkIn(principal: Principal, fairId: string, id: string): Promise<RegistrationView> {
    assertRunsFair(principal, fairId);
    await inTransaction(this.dataSource, async (manager) => {
      const fair = await fairOrThrow(manager, fairId);
      const row = await lockParticipation(manager, fairId, id);
      if (!row) throw notFound(id);
      if (row.state !== 'allocated') throw notAllocated(row, { vi: 'điểm danh', en: 'check in' });
      if (row.checked_in_at) return;
      assertFairInSession(fair, new Date());
      const checkedInAt = await markCheckedIn(manager, id);
      const codes = await boothsOfRegistration(manager, id);
      await this.outbox.append(manager, registrationCheckedInV1, {
        aggregateId: fairId,
        provinceCode: row.facility_province_code,
        payload: {
          fairId,
          registrationId: id,
          facilityTaxCode: row.facility_tax_code,
          provinceCode: row.facility_province_code,
          boothCodes: codes.map((b) => b.code),
          checkedInAt: checkedInAt.toISOString(),
        },
      });
      await this.outbox.audit(manager, {
        action: 'fair-registration.check-in',
        resourceType: 'fair-registration',
        resourceId: id,
        provinceCode: row.facility_province_code,
        summary: `Cơ sở ${row.facility_tax_code} đã có mặt tại hội chợ, gian hàng ${codes.map((b) => b.code).join(', ')}`,
      });
    });
    return this.view(fairId, id);
  }

  private async certifyRow(
    manager: EntityManager,
    principal: Principal,
    fair: FairEntity,
    policy: SubsidyPolicyEntity,
    row: ParticipationRow,
  ): Promise<void> {
    const booths = await boothsOfRegistration(manager, row.id);
    const rentVnd = booths.reduce((sum, b) => sum + Number(b.rent_vnd), 0);
    const support = supportVnd(rentVnd, policy);
    await markCertified(manager, row.id, {
      certifiedBy: `${principal.kind}:${principal.id}`,
      rentVnd,
      supportVnd: support,
    });
    const codes = booths.map((b) => b.code);
    await this.outbox.append(manager, registrationCertifiedV1, {
      aggregateId: fair.id,
      provinceCode: row.facility_province_code,
      payload: {
        fairId: fair.id,
        registrationId: row.id,
        facilityTaxCode: row.facility_tax_code,
        provinceCode: row.facility_province_code,
        boothCodes: codes,
        rentVnd,
        supportVnd: support,
      },
    });
    await this.outbox.audit(manager, {
      action: 'fair-registration.certify',
      resourceType: 'fair-registration',
      resourceId: row.id,
      provinceCode: row.facility_province_code,
      summary:
        `Xác nhận cơ sở ${row.facility_tax_code} tham gia hội chợ "${fair.name}", gian hàng ${codes.join(', ')}: ` +
        `tiền thuê ${formatVnd(rentVnd)} VND, hỗ trợ ${formatVnd(support)} VND (${policy.code} v${policy.version})`,
    });
  }

  private async policyOrThrow(manager: EntityManager, fair: FairEntity): Promise<SubsidyPolicyEntity> {
    const policy = await this.policies.policyOf(manager, fair);
    if (!policy) {
      throw new ConflictError(
        {
          vi: 'Hội chợ chưa có chính sách hỗ trợ: hãy chọn trước khi xác nhận người tham gia',
          en: 'The fair has no subsidy policy: choose one before certifying its participants',
        },
        'subsidy.no-policy',
      );
    }
    return policy;
  }

  private async view(fairId: string, id: string): Promise<RegistrationView> {
    const registration = await this.dataSource
      .getRepository(RegistrationEntity)
      .findOneByOrFail({ id, fairId });
    const [view] = await this.registrations.toViews([registration]);
    return view;
  }
}
