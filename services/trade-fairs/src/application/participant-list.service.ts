import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { provinceScope } from '@kc/auth';
import {
  formatVnd,
  participantListCertifiedV1,
  type CertifyParticipantListRequest,
  type ParticipantListCertificationView,
  type Principal,
} from '@kc/contracts';
import { ConflictError, ForbiddenError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { inTransaction } from '@kc/persistence';
import type { FairEntity } from '../infrastructure/persistence/fair.entity';
import {
  allocatedBoothCount,
  certificationOf,
  insertCertification,
  lockAllocatedRegistrations,
  type CertificationRow,
} from '../infrastructure/persistence/participant-list.queries';
import { fairOrThrow } from './fair-lookup';

const toView = (r: CertificationRow): ParticipantListCertificationView => ({
  fairId: r.fair_id,
  hostProvinceCode: r.host_province_code,
  documentNumber: r.document_number,
  certifiedAt: r.certified_at.toISOString(),
  certifiedBy: r.certified_by,
  provinceCodes: r.province_codes,
  facilities: r.facilities,
  booths: r.booths,
  rentVnd: Number(r.rent_vnd),
  supportVnd: Number(r.support_vnd),
});

/** The fair's certified participant list, if its host department has certified it. */
export async function participantListOf(
  manager: EntityManager,
  fairId: string,
): Promise<ParticipantListCertificationView | null> {
  const row = await certificationOf(manager, fairId);
  return row ? toView(row) : null;
}

/** Once the host certified the participant list, no allocation on it is certified, cancelled or added. */
export async function assertParticipantListOpen(manager: EntityManager, fairId: string): Promise<void> {
  const list = await participantListOf(manager, fairId);
  if (list) {
    throw new ConflictError(
      {
        vi:
          `Danh sách tham gia hội chợ đã được Sở Công Thương nơi đăng cai xác nhận (văn bản ${list.documentNumber}); ` +
          'không thể xác nhận thêm hoặc hủy gian hàng đã phân bổ',
        en:
          `the fair's participant list was certified by the host department (document ${list.documentNumber}); ` +
          'no allocation can be certified or cancelled any more',
      },
      'fair.participant-list-certified',
    );
  }
}

/** Only the host province's department (the fair's province) or the agency certifies the participant list. */
function assertHost(principal: Principal, fair: FairEntity): void {
  const scope = provinceScope(principal);
  if (scope !== null && scope !== fair.provinceCode) {
    throw new ForbiddenError(
      {
        vi:
          `Chỉ Sở Công Thương nơi đăng cai hội chợ (đơn vị ${fair.provinceCode}) hoặc Cục xác nhận danh sách tham ` +
          `gia; Sở của đơn vị ${scope} xác nhận đoàn của mình tại /certifications`,
        en:
          `only the host province's department (unit ${fair.provinceCode}) or the agency certifies the participant ` +
          `list; the department of unit ${scope} certifies its own delegation at /certifications`,
      },
      'fair.not-host',
    );
  }
}

/**
 * Domain §9: each province's department certifies its delegation (fixing each facility's support); the host
 * province's department then certifies the whole participant list — the payment evidence — and closes it.
 */
@Injectable()
export class ParticipantListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Certifies once; the same document number again answers the certification as it is. */
  async certify(
    principal: Principal,
    fairId: string,
    request: CertifyParticipantListRequest,
  ): Promise<ParticipantListCertificationView> {
    return inTransaction(this.dataSource, async (manager) => {
      const fair = await fairOrThrow(manager, fairId, true);
      assertHost(principal, fair);
      const existing = await participantListOf(manager, fairId);
      if (existing) {
        if (existing.documentNumber === request.documentNumber) return existing;
        await assertParticipantListOpen(manager, fairId);
      }
      // Locked: a delegation certifying or a cancellation waits, then meets the closed list.
      const rows = await lockAllocatedRegistrations(manager, fairId);
      const pending = [...new Set(rows.filter((r) => !r.certified).map((r) => r.province))].sort();
      if (pending.length > 0) {
        throw new ConflictError(
          {
            vi: `Các đơn vị ${pending.join(', ')} chưa xác nhận đoàn của mình: chưa thể xác nhận danh sách tham gia`,
            en: `the delegations of units ${pending.join(', ')} are not certified yet: the participant list cannot be certified`,
          },
          'fair.delegations-not-certified',
        );
      }
      if (rows.length === 0) {
        throw new ConflictError(
          {
            vi: 'Hội chợ chưa có cơ sở nào được phân bổ gian hàng: danh sách tham gia trống',
            en: 'no facility has an allocated booth at this fair: the participant list is empty',
          },
          'fair.no-participants',
        );
      }
      const booths = await allocatedBoothCount(manager, fairId);
      const provinceCodes = [...new Set(rows.map((r) => r.province))].sort();
      const rentVnd = rows.reduce((sum, r) => sum + Number(r.rent), 0);
      const supportVnd = rows.reduce((sum, r) => sum + Number(r.support), 0);
      const view = toView(
        await insertCertification(manager, {
          fairId,
          hostProvinceCode: fair.provinceCode,
          documentNumber: request.documentNumber,
          certifiedBy: `${principal.kind}:${principal.id}`,
          provinceCodes,
          facilities: rows.length,
          booths,
          rentVnd,
          supportVnd,
        }),
      );
      await this.outbox.append(manager, participantListCertifiedV1, {
        aggregateId: fairId,
        provinceCode: fair.provinceCode,
        payload: {
          fairId,
          hostProvinceCode: fair.provinceCode,
          documentNumber: view.documentNumber,
          provinceCodes,
          facilities: view.facilities,
          booths,
          rentVnd,
          supportVnd,
        },
      });
      await this.outbox.audit(manager, {
        action: 'fair.participant-list-certify',
        resourceType: 'fair',
        resourceId: fairId,
        provinceCode: fair.provinceCode,
        summary:
          `Xác nhận danh sách tham gia hội chợ "${fair.name}" (văn bản ${view.documentNumber}): ` +
          `${view.facilities} cơ sở của ${provinceCodes.length} đơn vị, ${booths} gian hàng, ` +
          `tiền thuê ${formatVnd(rentVnd)} VND, hỗ trợ ${formatVnd(supportVnd)} VND`,
      });
      return view;
    });
  }
}
