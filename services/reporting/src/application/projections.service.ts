import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  awardCertificateIssuedV1,
  awardCertificateWithdrawnV1,
  awardRoundOpenedV1,
  boothAllocatedV1,
  EventEnvelope,
  fairCreatedV1,
  fairCreatedV2,
  PayloadOf,
  planCreatedV1,
  registrationCancelledV1,
  registrationCancelledV2,
  registrationCertifiedV1,
} from '@kc/contracts';
import { OutboxWriter, PermanentHandlerError } from '@kc/messaging';
import { readingDate, readingDateForYear } from '../domain/province-dates';
import {
  AwardCertificateProjection,
  AwardRoundProjection,
  BoothProjection,
  FairProjection,
  PlanProjection,
} from '../infrastructure/persistence/projection.entities';
import { projectionSummaries } from './projection-audit';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/** A code that names no unit on any plausible date cannot be reported; retrying will not change that. */
export function required(date: string | undefined, code: string, when: string): string {
  if (date === undefined)
    throw new PermanentHandlerError(`province code ${code} named no provincial unit ${when}`);
  return date;
}

/**
 * Keeps the read models. Every write is an upsert (or an update) by aggregate id, so a handler is idempotent
 * on its own, on top of the inbox that already drops redelivered events. All writes go through the manager
 * of the inbox transaction, and each handled event adds one audit record in it.
 */
@Injectable()
export class ProjectionsService {
  constructor(private readonly outbox: OutboxWriter) {}

  async planCreated(manager: EntityManager, event: Event<typeof planCreatedV1>): Promise<void> {
    const { payload: p, occurredAt } = event;
    const provinceAsOf =
      p.provinceCode === null
        ? null
        : required(readingDateForYear(p.provinceCode, p.year), p.provinceCode, `in ${p.year}`);
    await manager.upsert(
      PlanProjection,
      {
        planId: p.planId,
        name: p.name,
        year: p.year,
        level: p.level,
        provinceCode: p.provinceCode,
        provinceAsOf,
        budgetVnd: p.budgetVnd,
        createdAt: new Date(occurredAt),
      },
      ['planId'],
    );
    await this.recordUpdate(manager, event, 'plan-projection', projectionSummaries.planCreated(p));
  }

  /** A fair's host code is read on its opening day, else by its year like other yearly facts. */
  async fairCreated(manager: EntityManager, event: Event<typeof fairCreatedV1 | typeof fairCreatedV2>) {
    const { payload: p, occurredAt } = event;
    const asOf = readingDate(p.provinceCode, [p.startDate, `${p.year}-01-01`, `${p.year}-12-31`]);
    await manager.upsert(
      FairProjection,
      {
        fairId: p.fairId,
        name: p.name,
        year: p.year,
        scale: p.scale,
        regionCode: p.regionCode,
        provinceCode: p.provinceCode,
        provinceAsOf: required(asOf, p.provinceCode, `on ${p.startDate} or in ${p.year}`),
        startDate: p.startDate,
        endDate: p.endDate,
        boothCount: p.boothCount,
        createdAt: new Date(occurredAt),
      },
      ['fairId'],
    );
    await this.recordUpdate(manager, event, 'fair-projection', projectionSummaries.fairCreated(p));
  }

  async awardRoundOpened(manager: EntityManager, event: Event<typeof awardRoundOpenedV1>) {
    const { payload: p, occurredAt } = event;
    if (p.level === 'provincial' && p.provinceCode === null) {
      throw new PermanentHandlerError(`provincial award round ${p.roundId} names no province`);
    }
    if (p.level === 'regional' && p.regionCode === null) {
      throw new PermanentHandlerError(`regional award round ${p.roundId} names no region`);
    }
    const provinceAsOf =
      p.provinceCode === null
        ? null
        : required(readingDateForYear(p.provinceCode, p.year), p.provinceCode, `in ${p.year}`);
    await manager.upsert(
      AwardRoundProjection,
      {
        roundId: p.roundId,
        name: p.name,
        year: p.year,
        level: p.level,
        provinceCode: p.provinceCode,
        provinceAsOf,
        regionCode: p.regionCode,
        openedAt: new Date(occurredAt),
      },
      ['roundId'],
    );
    await this.recordUpdate(
      manager,
      event,
      'award-round-projection',
      projectionSummaries.awardRoundOpened(p),
    );
  }

  /**
   * A certificate's row, by its number. A replayed issue rewrites the same facts and keeps a withdrawal already
   * taken in; a number or id already standing for another certificate is a conflict retrying cannot settle.
   */
  async certificateIssued(manager: EntityManager, event: Event<typeof awardCertificateIssuedV1>) {
    const { payload: p } = event;
    if (p.validUntil < p.issuedOn) {
      throw new PermanentHandlerError(
        `certificate ${p.number} is valid until ${p.validUntil}, before its issue`,
      );
    }
    required(readingDate(p.provinceCode, [p.issuedOn]), p.provinceCode, `on ${p.issuedOn}`);
    const known = await manager.find(AwardCertificateProjection, {
      where: [{ number: p.number }, { certificateId: p.certificateId }],
    });
    const other = known.find((c) => c.number !== p.number || c.certificateId !== p.certificateId);
    if (other) {
      throw new PermanentHandlerError(
        `certificate ${p.number} (${p.certificateId}) conflicts with ${other.number} (${other.certificateId})`,
      );
    }
    const withdrawn = known[0]?.withdrawnOn;
    if (withdrawn && withdrawn < p.issuedOn) {
      throw new PermanentHandlerError(
        `certificate ${p.number} was withdrawn on ${withdrawn}, before its issue`,
      );
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(AwardCertificateProjection)
      .values({
        number: p.number,
        certificateId: p.certificateId,
        roundId: p.roundId,
        level: p.level,
        roundYear: p.roundYear,
        productGroup: p.productGroup,
        provinceCode: p.provinceCode,
        issuedOn: p.issuedOn,
        validUntil: p.validUntil,
        // The holder: who owes the holders' annual report (periodic reports), matched to a business user.
        holderTaxCode: p.holderTaxCode,
        holderName: p.holderName,
      })
      .orUpdate(
        [
          'round_id',
          'level',
          'round_year',
          'product_group',
          'province_code',
          'issued_on',
          'valid_until',
          'holder_tax_code',
          'holder_name',
        ],
        ['number'],
      )
      .execute();
    await this.recordUpdate(
      manager,
      event,
      'award-certificate-projection',
      projectionSummaries.certificateIssued(p),
    );
  }

  /**
   * A withdrawn certificate still counts in the year it was issued, and no longer as valid from `withdrawnOn`.
   * Both events of a certificate travel on one partition keyed by its id, issue first; a certificate missing
   * here was parked in the dead-letter topic, so this event is parked too and a redrive replays both in order.
   */
  async certificateWithdrawn(manager: EntityManager, event: Event<typeof awardCertificateWithdrawnV1>) {
    const { payload: p } = event;
    const certificate = await manager.findOneBy(AwardCertificateProjection, { number: p.number });
    if (!certificate) {
      throw new PermanentHandlerError(
        `certificate ${p.number} was withdrawn but its issue was never projected`,
      );
    }
    if (certificate.certificateId !== p.certificateId) {
      throw new PermanentHandlerError(
        `certificate ${p.number} is ${certificate.certificateId}, not the withdrawn ${p.certificateId}`,
      );
    }
    if (p.withdrawnOn < certificate.issuedOn) {
      throw new PermanentHandlerError(
        `certificate ${p.number} issued on ${certificate.issuedOn} cannot be withdrawn on ${p.withdrawnOn}`,
      );
    }
    await manager.update(AwardCertificateProjection, { number: p.number }, { withdrawnOn: p.withdrawnOn });
    await this.recordUpdate(
      manager,
      event,
      'award-certificate-projection',
      projectionSummaries.certificateWithdrawn(p),
    );
  }

  /**
   * The first fact about a registration's booths makes its row; a replayed allocation changes nothing, so it
   * cannot undo a later certification. All of a fair's events travel on one partition keyed by fair id, after
   * the fair's creation; a fair missing here was parked in the dead-letter topic, so this event is parked too
   * and a redrive replays both in order.
   */
  async boothAllocated(manager: EntityManager, event: Event<typeof boothAllocatedV1>) {
    const { payload: p, occurredAt } = event;
    const fair = await this.fairOf(manager, p.fairId, p.provinceCode);
    await manager
      .createQueryBuilder()
      .insert()
      .into(BoothProjection)
      .values({
        registrationId: p.registrationId,
        fairId: p.fairId,
        fairYear: fair.year,
        facilityTaxCode: p.facilityTaxCode,
        provinceCode: p.provinceCode,
        provinceAsOf: fair.provinceAsOf,
        boothCount: p.boothCodes.length,
        rentVnd: p.rentVnd,
        allocatedAt: new Date(occurredAt),
      })
      .orIgnore()
      .execute();
    await this.recordUpdate(
      manager,
      { aggregateId: p.registrationId, provinceCode: event.provinceCode },
      'booth-projection',
      projectionSummaries.boothAllocated({ ...p, fairName: fair.name, year: fair.year }),
    );
  }

  /**
   * Certification fixes the booths, rent and support. It implies the allocation, so it stands on its own: if
   * the allocation was never projected, the row is made here (allocated by the certification at the latest).
   */
  async registrationCertified(manager: EntityManager, event: Event<typeof registrationCertifiedV1>) {
    const { payload: p, occurredAt } = event;
    const fair = await this.fairOf(manager, p.fairId, p.provinceCode);
    await manager
      .createQueryBuilder()
      .insert()
      .into(BoothProjection)
      .values({
        registrationId: p.registrationId,
        fairId: p.fairId,
        fairYear: fair.year,
        facilityTaxCode: p.facilityTaxCode,
        provinceCode: p.provinceCode,
        provinceAsOf: fair.provinceAsOf,
        boothCount: p.boothCodes.length,
        rentVnd: p.rentVnd,
        supportVnd: p.supportVnd,
        allocatedAt: new Date(occurredAt),
        certifiedAt: new Date(occurredAt),
      })
      .orUpdate(['booth_count', 'rent_vnd', 'support_vnd', 'certified_at'], ['registration_id'])
      .execute();
    await this.recordUpdate(
      manager,
      { aggregateId: p.registrationId, provinceCode: event.provinceCode },
      'booth-projection',
      projectionSummaries.registrationCertified({ ...p, fairName: fair.name }),
    );
  }

  /**
   * A cancelled allocation no longer counts (certified or not). A registration cancelled while held or
   * waiting never had booths and was never counted: nothing changes, so nothing is recorded.
   */
  async registrationCancelled(
    manager: EntityManager,
    event: Event<typeof registrationCancelledV1 | typeof registrationCancelledV2>,
  ) {
    const { payload: p, occurredAt } = event;
    if (p.previousState !== 'allocated') return;
    const result = await manager.update(
      BoothProjection,
      { registrationId: p.registrationId },
      { cancelledAt: new Date(occurredAt) },
    );
    if (result.affected === 0) {
      throw new PermanentHandlerError(
        `registration ${p.registrationId} was cancelled but its allocation was never projected`,
      );
    }
    await this.recordUpdate(
      manager,
      { aggregateId: p.registrationId, provinceCode: event.provinceCode },
      'booth-projection',
      projectionSummaries.registrationCancelled(p),
    );
  }

  /** The fair a booth fact belongs to: its year, and the date the facility's code is read on. */
  private async fairOf(manager: EntityManager, fairId: string, provinceCode: string) {
    const fair = await manager.findOneBy(FairProjection, { fairId });
    if (!fair) throw new PermanentHandlerError(`fair ${fairId} has booth facts but was never projected`);
    // trade-fairs accepts a facility's code as in force on the fair's opening day.
    const asOf = readingDate(provinceCode, [fair.startDate, `${fair.year}-01-01`, `${fair.year}-12-31`]);
    return {
      name: fair.name,
      year: fair.year,
      provinceAsOf: required(asOf, provinceCode, `on ${fair.startDate} or in ${fair.year}`),
    };
  }

  /** One audit record per handled event; the causing event and its actor are taken from the context. */
  private recordUpdate(
    manager: EntityManager,
    event: { aggregateId: string; provinceCode: string | null },
    projection: string,
    summary: string,
  ): Promise<void> {
    return this.outbox.audit(manager, {
      action: 'projection.update',
      resourceType: projection,
      resourceId: event.aggregateId,
      provinceCode: event.provinceCode,
      summary,
    });
  }
}
