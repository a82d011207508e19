import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  awardCertificateIssuedV1,
  awardCertificateWithdrawnV1,
  EventEnvelope,
  PayloadOf,
} from '@kc/contracts';
import { OutboxWriter, PermanentHandlerError } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import { rejudgedPriority } from '../domain/award-certificate';
import {
  certificatesOf,
  holderOf,
  lockFacilityAwards,
  lockWaitingRegistrations,
  recordIssued,
  recordWithdrawal,
  setAwardCertified,
} from '../infrastructure/persistence/award-certificates.queries';

const LEVEL_LABELS: Record<PayloadOf<typeof awardCertificateIssuedV1>['level'], string> = {
  commune: 'cấp xã',
  provincial: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
};

/**
 * Keeps `award_certificate_ref`, trade-fairs' copy of the awards service's certificates, from its events, and
 * judges again the priority of the holder's requests still waiting for booths. Each method writes only through
 * the given manager: the transaction that holds the event's inbox row, so each event takes effect once.
 */
@Injectable()
export class AwardCertificateCopyService {
  constructor(private readonly outbox: OutboxWriter) {}

  async issued(
    manager: EntityManager,
    event: EventEnvelope<PayloadOf<typeof awardCertificateIssuedV1>>,
  ): Promise<void> {
    const c = event.payload;
    if (c.validUntil < c.issuedOn) {
      throw new PermanentHandlerError(
        `certificate ${c.number} is valid until ${c.validUntil}, before its issue`,
      );
    }
    await lockFacilityAwards(manager, c.holderTaxCode);
    await recordIssued(manager, c);
    await this.outbox.audit(manager, {
      action: 'award-certificate-ref.issue',
      resourceType: 'award-certificate-ref',
      resourceId: c.number,
      provinceCode: c.provinceCode,
      summary:
        `Ghi nhận giấy chứng nhận ${c.number} (${LEVEL_LABELS[c.level]}, ${c.roundYear}) cấp cho cơ sở ` +
        `${c.holderTaxCode}, sản phẩm "${c.productName}", hiệu lực ${c.issuedOn} – ${c.validUntil}`,
    });
    await this.rejudgeWaiting(manager, c.holderTaxCode, `giấy chứng nhận ${c.number} được cấp`);
  }

  /**
   * The holder's waiting requests lose the priority that rested on the certificate; booths already held or
   * allocated stay with it (a fair's allocation is not taken back by a later withdrawal).
   */
  async withdrawn(
    manager: EntityManager,
    event: EventEnvelope<PayloadOf<typeof awardCertificateWithdrawnV1>>,
  ): Promise<void> {
    const w = event.payload;
    const holder = await holderOf(manager, w.number);
    // Its issue comes first on the certificate's partition: without it this withdrawal cannot be applied, and
    // dropping it could leave the certificate counting once the issue is redriven. Parked, to be redriven too.
    if (!holder)
      throw new PermanentHandlerError(`certificate ${w.number} withdrawn, but its issue is unknown`);
    await lockFacilityAwards(manager, holder);
    await recordWithdrawal(manager, w.number, w.withdrawnOn);
    await this.outbox.audit(manager, {
      action: 'award-certificate-ref.withdraw',
      resourceType: 'award-certificate-ref',
      resourceId: w.number,
      provinceCode: event.provinceCode,
      summary: `Ghi nhận thu hồi giấy chứng nhận ${w.number} của cơ sở ${holder} từ ${w.withdrawnOn}: ${w.reason}`,
    });
    await this.rejudgeWaiting(manager, holder, `giấy chứng nhận ${w.number} bị thu hồi`);
  }

  private async rejudgeWaiting(manager: EntityManager, taxCode: string, because: string): Promise<void> {
    const waiting = await lockWaitingRegistrations(manager, taxCode);
    if (waiting.length === 0) return;
    const certificates = await certificatesOf(manager, taxCode);
    const changed = rejudgedPriority(waiting, certificates, vietnamDate(new Date()));
    for (const value of [true, false]) {
      const ids = changed.filter((r) => r.awardCertified === value).map((r) => r.id);
      if (ids.length > 0) await setAwardCertified(manager, ids, value);
    }
    if (changed.length === 0) return;
    await this.outbox.appendAll(
      manager,
      changed.map((r) =>
        this.outbox.auditEvent({
          action: 'fair-registration.award-priority',
          resourceType: 'fair-registration',
          resourceId: r.id,
          provinceCode: r.facilityProvinceCode,
          summary:
            `Đăng ký của cơ sở ${taxCode} tại hội chợ ${r.fairId} ` +
            `${r.awardCertified ? 'được' : 'không còn được'} ưu tiên sản phẩm đạt giải (${because})`,
        }),
      ),
    );
  }
}
