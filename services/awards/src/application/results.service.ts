import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  awardRoundResultPublishedV1,
  type AwardRoundView,
  type Principal,
  type PublishAwardRoundRequest,
  type PublishedRoundView,
  type ResultVerificationView,
} from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { vietnamDate, workingDayCalendar } from '@kc/reference-data';
import { awardScopeOf } from '../domain/award-round';
import { productGroups, type ProductGroup } from '../domain/entry';
import { deriveResults, publishedResult, recompute } from '../domain/results';
import { announce } from '../domain/round-schedule';
import { assertTransition } from '../domain/round-state';
import { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import { AwardRoundResultEntity } from '../infrastructure/persistence/award-scoring.entity';
import { CERTIFICATE_LOOKUP, type CertificateLookup } from './certificate-lookup';
import { PseudonymKeys } from './pseudonym-key';
import { assertRoundAuthority } from './round-access';
import { publishedSummary, roundMovedSummary } from './round-audit';
import { loadJudging, resultsInput } from './round-judging';
import { visibleRound } from './round-loading';
import { oneRoundView } from './round-views';

const notPublished = (id: string) =>
  new NotFoundError(
    {
      vi: `Vòng bình chọn ${id} chưa công bố kết quả (hoặc không tồn tại)`,
      en: `Award round ${id} has no published result (or does not exist)`,
    },
    'award-result.not-published',
  );

/** Closing scoring, publishing the result document, and reading it back for anyone. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly keys: PseudonymKeys,
    @Inject(CERTIFICATE_LOOKUP) private readonly certificates: CertificateLookup,
  ) {}

  /** Refused while any panel is even or too small or lacks a sheet: the results must derive as they stand. */
  async close(principal: Principal, id: string): Promise<AwardRoundView> {
    return this.dataSource.transaction(async (manager) => {
      const round = await visibleRound(manager, principal, id, 'update');
      assertRoundAuthority(principal, round);
      assertTransition(round.state, 'closed');
      const input = await resultsInput(manager, round, await loadJudging(manager, round));
      deriveResults(input.round, input.sheets);
      await manager.getRepository(AwardRoundEntity).update({ id }, { state: 'closed' });
      await this.outbox.audit(manager, {
        action: 'award-round.close',
        resourceType: 'award-round',
        resourceId: id,
        provinceCode: round.provinceCode,
        summary: roundMovedSummary(round.name, round.state, 'closed'),
      });
      return oneRoundView(manager, { ...round, state: 'closed' });
    });
  }

  /**
   * Publishes: the result document (sheets under pseudonyms, the algorithm, the figures) stored as its exact
   * canonical bytes with their SHA-256, the announcement and the complaint deadlines counted in working days,
   * a certificate for each passing entry and the event — all in one commit.
   */
  async publish(
    principal: Principal,
    id: string,
    request: PublishAwardRoundRequest,
  ): Promise<PublishedRoundView> {
    return this.dataSource.transaction(async (manager) => {
      const round = await visibleRound(manager, principal, id, 'update');
      assertRoundAuthority(principal, round);
      assertTransition(round.state, 'published');
      const judging = await loadJudging(manager, round);
      const input = await resultsInput(manager, round, judging);
      const publication = publishedResult(input.round, input.sheets, {
        pseudonymKey: await this.keys.key(manager),
        normalisation: request.normalisation,
      });
      const announcement = announce(vietnamDate(new Date()), workingDayCalendar());
      await manager.getRepository(AwardRoundResultEntity).insert({
        roundId: id,
        document: publication.canonical,
        sha256: publication.sha256,
        normalisation: request.normalisation,
        publishedAt: new Date(),
      });
      const published: AwardRoundEntity = { ...round, state: 'published', ...announcement };
      await manager.getRepository(AwardRoundEntity).update(
        { id },
        {
          state: 'published',
          announcedOn: announcement.announcedOn,
          complaintsCloseOn: announcement.complaintsCloseOn,
          complaintAnswersDueBy: announcement.complaintAnswersDueBy,
          calendarVersion: announcement.calendarVersion,
        },
      );
      const passedCodes = new Set(
        publication.document.results.entries.filter((e) => e.passed).map((e) => e.code),
      );
      const passing = judging.entries.filter((e) => passedCodes.has(e.code));
      const issued = await this.certificates.issueForPassingEntries(
        manager,
        { id, year: round.year, scope: awardScopeOf(round) },
        passing.map((e) => ({
          entryId: e.id,
          productGroup: e.productGroup,
          productName: e.productName,
          holder: { facilityName: e.facilityName, taxCode: e.facilityTaxCode, provinceCode: e.provinceCode },
        })),
        announcement.announcedOn,
      );
      await this.announceResult(manager, published, judging.entries, passedCodes, publication.sha256);
      await this.outbox.audit(manager, {
        action: 'award-round.publish',
        resourceType: 'award-round',
        resourceId: id,
        provinceCode: round.provinceCode,
        summary: publishedSummary(round.name, judging.entries.length, passing.length, publication.sha256),
      });
      const codeOf = new Map(judging.entries.map((e) => [e.id, e.code]));
      return {
        round: await oneRoundView(manager, published),
        entries: judging.entries.length,
        passed: passing.length,
        certificates: issued.map((c) => ({
          entryId: c.entryId,
          entryCode: codeOf.get(c.entryId)!,
          number: c.number,
        })),
      };
    });
  }

  /** The stored document, byte for byte, once the round is published. */
  async result(id: string): Promise<{ document: string; sha256: string }> {
    const row = await this.dataSource.getRepository(AwardRoundResultEntity).findOneBy({ roundId: id });
    if (!row) throw notPublished(id);
    return { document: row.document, sha256: row.sha256 };
  }

  /** Every figure re-derived from the stored document's own sheets (results.ts `recompute`). */
  async verification(id: string): Promise<ResultVerificationView> {
    const { document } = await this.result(id);
    const report = recompute(JSON.parse(document));
    return { roundId: id, ...report };
  }

  /** Entries and passes per group and per province: counts only, never a score. */
  private async announceResult(
    manager: EntityManager,
    round: AwardRoundEntity,
    entries: { code: string; provinceCode: string; productGroup: ProductGroup }[],
    passed: Set<string>,
    sha256: string,
  ): Promise<void> {
    const count = (list: typeof entries) => ({
      entries: list.length,
      passed: list.filter((e) => passed.has(e.code)).length,
    });
    const provinces = [...new Set(entries.map((e) => e.provinceCode))].sort();
    await this.outbox.append(manager, awardRoundResultPublishedV1, {
      aggregateId: round.id,
      provinceCode: round.provinceCode,
      payload: {
        roundId: round.id,
        level: round.level,
        year: round.year,
        provinceCode: round.provinceCode,
        regionCode: round.regionCode,
        localUnitCode: round.localUnitCode,
        announcedOn: round.announcedOn!,
        resultSha256: sha256,
        groups: productGroups.map((group) => ({
          productGroup: group,
          ...count(entries.filter((e) => e.productGroup === group)),
        })),
        provinces: provinces.flatMap((provinceCode) =>
          productGroups
            .map((group) => ({
              provinceCode,
              productGroup: group,
              ...count(entries.filter((e) => e.provinceCode === provinceCode && e.productGroup === group)),
            }))
            .filter((row) => row.entries > 0),
        ),
      },
    });
  }
}
