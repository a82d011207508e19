import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  artisanTitleConferredV1,
  awardEntrySubmittedV1,
  awardRoundResultPublishedV1,
  EventEnvelope,
  PayloadOf,
} from '@kc/contracts';
import { OutboxWriter, PermanentHandlerError } from '@kc/messaging';
import { resultInconsistency } from '../domain/award-results';
import { lastReadingDateUpTo, readingDate } from '../domain/province-dates';
import {
  ArtisanTitleProjection,
  AwardEntryProjection,
  AwardResultProjection,
} from '../infrastructure/persistence/projection.entities';
import { projectionSummaries } from './projection-audit';
import { required } from './projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/**
 * Keeps the award read models beyond certificates: entries, the published results' passes, artisan titles.
 * Each event's facts replace what an earlier delivery of them wrote, so a replay changes nothing; each write goes
 * through the inbox transaction's manager with one audit record.
 */
@Injectable()
export class AwardProjectionsService {
  constructor(private readonly outbox: OutboxWriter) {}

  /** The entrant's code is the one in force on the day of entry (awards checks it so). */
  async entrySubmitted(manager: EntityManager, event: Event<typeof awardEntrySubmittedV1>) {
    const { payload: p } = event;
    required(readingDate(p.provinceCode, [p.submittedOn]), p.provinceCode, `on ${p.submittedOn}`);
    await manager.upsert(
      AwardEntryProjection,
      {
        entryId: p.entryId,
        roundId: p.roundId,
        level: p.level,
        roundYear: p.roundYear,
        productGroup: p.productGroup,
        provinceCode: p.provinceCode,
        submittedOn: p.submittedOn,
      },
      ['entryId'],
    );
    await this.recordUpdate(manager, event, 'award-entry-projection', projectionSummaries.entrySubmitted(p));
  }

  /**
   * A round's rows per entrant code and group, replacing any a replay wrote before. The result travels on
   * another topic than the entries, so it may come first: the day a row's code is read on is settled when the
   * figures are read (see AwardResultProjection); here each code must have named a unit by the announcement.
   * Rows that do not add up to the result's group lines cannot be counted, and retrying cannot fix them.
   */
  async resultPublished(manager: EntityManager, event: Event<typeof awardRoundResultPublishedV1>) {
    const { payload: p } = event;
    const problem = resultInconsistency(p);
    if (problem) throw new PermanentHandlerError(`the result of award round ${p.roundId}: ${problem}`);
    const rows = p.provinces
      .filter((row) => row.entries > 0)
      .map((row) => ({
        roundId: p.roundId,
        provinceCode: row.provinceCode,
        productGroup: row.productGroup,
        level: p.level,
        year: p.year,
        announcedOn: p.announcedOn,
        provinceAsOf: required(
          lastReadingDateUpTo(row.provinceCode, p.announcedOn),
          row.provinceCode,
          `by ${p.announcedOn}`,
        ),
        entries: row.entries,
        passed: row.passed,
      }));
    await manager.delete(AwardResultProjection, { roundId: p.roundId });
    if (rows.length > 0) await manager.insert(AwardResultProjection, rows);
    await this.recordUpdate(
      manager,
      event,
      'award-result-projection',
      projectionSummaries.resultPublished(p),
    );
  }

  /**
   * The nominating unit's code was recorded on the day of nomination, before the conferral: it is read on the
   * last day up to the conferral on which it named a unit.
   */
  async titleConferred(manager: EntityManager, event: Event<typeof artisanTitleConferredV1>) {
    const { payload: p } = event;
    if (Number(p.conferredOn.slice(0, 4)) !== p.year) {
      throw new PermanentHandlerError(
        `artisan title of nomination ${p.nominationId} conferred on ${p.conferredOn} is said to be of ${p.year}`,
      );
    }
    await manager.upsert(
      ArtisanTitleProjection,
      {
        nominationId: p.nominationId,
        title: p.title,
        provinceCode: p.provinceCode,
        provinceAsOf: required(
          lastReadingDateUpTo(p.provinceCode, p.conferredOn),
          p.provinceCode,
          `by ${p.conferredOn}`,
        ),
        year: p.year,
        conferredOn: p.conferredOn,
      },
      ['nominationId'],
    );
    await this.recordUpdate(
      manager,
      event,
      'artisan-title-projection',
      projectionSummaries.titleConferred(p),
    );
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
