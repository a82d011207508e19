import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  awardRoundResultPublishedV1,
  type AwardRoundView,
  type Principal,
  type PublicationView,
  type PublishAwardRoundRequest,
  type ResultVerificationView,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { currentContext } from '@kc/observability';
import { OutboxWriter } from '@kc/messaging';
import { vietnamDate, workingDayCalendar } from '@kc/reference-data';
import { awardScopeOf } from '../domain/award-round';
import { productGroups, type ProductGroup } from '../domain/entry';
import { deriveResults, publishedResult, recompute, type RecomputeReport } from '../domain/results';
import { announcementDate } from '../domain/historic-round';
import { announce } from '../domain/round-schedule';
import { assertTransition } from '../domain/round-state';
import { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import { AwardRoundPublicationEntity } from '../infrastructure/persistence/award-publication.entity';
import { AwardRoundResultEntity } from '../infrastructure/persistence/award-scoring.entity';
import { CERTIFICATE_LOOKUP, type CertificateLookup } from './certificate-lookup';
import { PseudonymKeys } from './pseudonym-key';
import { assertRoundAuthority } from './round-access';
import { publicationView } from './publication-view';
import { publicationRequestedSummary, publishedSummary, roundMovedSummary } from './round-audit';
import { loadJudging, resultsInput } from './round-judging';
import { findRound, visibleRound } from './round-loading';
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
   * Asks for publication: checked here (the authority, a closed round), done in the background by
   * `completePublication`, since a large round takes longer than a request may last. The announcement date is
   * today's (a historic round's recorded one) and the working-day calendar today's, whenever the work completes.
   * Asked again while pending with the same normalisation: the same publication (even on a later day); after a
   * failure: asked again.
   */
  async requestPublication(
    principal: Principal,
    id: string,
    request: PublishAwardRoundRequest,
  ): Promise<{ view: PublicationView; queued: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const round = await visibleRound(manager, principal, id, 'update');
      assertRoundAuthority(principal, round);
      const jobs = manager.getRepository(AwardRoundPublicationEntity);
      const job = await jobs.findOneBy({ roundId: id });
      if (job?.state === 'pending') {
        const sameDay = request.announcedOn === undefined || request.announcedOn === job.announcedOn;
        if (job.normalisation !== request.normalisation || !sameDay) {
          throw new ConflictError(
            {
              vi: `Kết quả đang được công bố (chuẩn hoá "${job.normalisation}", ngày công bố ${job.announcedOn}); không đổi được khi đang công bố`,
              en: `The result is being published (normalisation "${job.normalisation}", announced on ${job.announcedOn}); that cannot change meanwhile`,
            },
            'award-publication.under-way',
            sameDay ? 'body.normalisation' : 'body.announcedOn',
          );
        }
        return { view: await publicationView(manager, job), queued: false };
      }
      // Closing checked that the results derive, and a closed round's sheets and panels no longer change: the
      // request stays quick however large the round, and the work itself is the worker's.
      assertTransition(round.state, 'published');
      const announcedOn = announcementDate(round, request.announcedOn, vietnamDate(new Date()));
      const calendar = workingDayCalendar();
      const fresh: AwardRoundPublicationEntity = {
        roundId: id,
        state: 'pending',
        normalisation: request.normalisation,
        announcedOn,
        calendarVersion: calendar.version.id,
        requestedBy: principal,
        requestedAt: new Date(),
        correlationId: currentContext()?.correlationId ?? randomUUID(),
        // Asked again after a failure: a new run of attempts.
        attempts: 0,
        lastError: null,
        publishedAt: null,
        entries: null,
        passed: null,
      };
      await jobs.save(fresh);
      await this.outbox.audit(manager, {
        action: 'award-round.publish-request',
        resourceType: 'award-round',
        resourceId: id,
        provinceCode: round.provinceCode,
        summary: publicationRequestedSummary(round.name, fresh.announcedOn),
      });
      return { view: await publicationView(manager, fresh), queued: true };
    });
  }

  /** The publication of a round the caller may see; 404 until it is asked for. */
  async publication(principal: Principal, id: string): Promise<PublicationView> {
    const manager = this.dataSource.manager;
    await visibleRound(manager, principal, id);
    const job = await manager.getRepository(AwardRoundPublicationEntity).findOneBy({ roundId: id });
    if (!job) {
      throw new NotFoundError(
        {
          vi: `Chưa có yêu cầu công bố kết quả vòng bình chọn ${id}`,
          en: `Publication of award round ${id} has not been asked for`,
        },
        'award-publication.not-requested',
      );
    }
    return publicationView(manager, job);
  }

  /**
   * Does a pending publication, all in one commit: the result document (sheets under pseudonyms, the algorithm,
   * the figures) stored as its exact canonical bytes with their SHA-256 and its verification report, the
   * announcement and the complaint deadlines, a certificate for each passing entry, the event, and the job
   * marked published. The job row is taken with SKIP LOCKED: another instance at work on it is left alone, and
   * work cut off before the commit leaves no trace, so it is simply done again. False when there was nothing
   * (left) to do.
   */
  async completePublication(manager: EntityManager, roundId: string): Promise<boolean> {
    const [job] = await manager.getRepository(AwardRoundPublicationEntity).find({
      where: { roundId, state: 'pending' },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    if (!job) return false;
    const round = await findRound(manager, roundId, 'update');
    if (!round) return false;
    assertTransition(round.state, 'published');
    const judging = await loadJudging(manager, round);
    const input = await resultsInput(manager, round, judging);
    const publication = publishedResult(input.round, input.sheets, {
      pseudonymKey: await this.keys.key(manager),
      normalisation: job.normalisation,
    });
    const verification = recompute(JSON.parse(publication.canonical));
    const announcement = announce(job.announcedOn, workingDayCalendar(job.calendarVersion));
    const publishedAt = new Date();
    await manager.getRepository(AwardRoundResultEntity).insert({
      roundId,
      document: publication.canonical,
      sha256: publication.sha256,
      normalisation: job.normalisation,
      publishedAt,
      verification: JSON.stringify(verification),
    });
    const published: AwardRoundEntity = { ...round, state: 'published', ...announcement };
    await manager.getRepository(AwardRoundEntity).update(
      { id: roundId },
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
    await this.certificates.issueForPassingEntries(
      manager,
      { id: roundId, year: round.year, scope: awardScopeOf(round) },
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
      resourceId: roundId,
      provinceCode: round.provinceCode,
      summary: publishedSummary(round.name, judging.entries.length, passing.length, publication.sha256),
    });
    await manager.getRepository(AwardRoundPublicationEntity).update(
      { roundId },
      {
        state: 'published',
        publishedAt,
        entries: judging.entries.length,
        passed: passing.length,
        attempts: job.attempts + 1,
      },
    );
    return true;
  }

  /** The stored document, byte for byte, once the round is published. */
  async result(id: string): Promise<{ document: string; sha256: string }> {
    const row = await this.dataSource.getRepository(AwardRoundResultEntity).findOneBy({ roundId: id });
    if (!row) throw notPublished(id);
    return { document: row.document, sha256: row.sha256 };
  }

  /**
   * Every figure re-derived from the stored document's own sheets (results.ts `recompute`): computed once, in
   * the commit that published, and kept beside the document; rounds published before that are recomputed.
   */
  async verification(id: string): Promise<ResultVerificationView> {
    const row = await this.dataSource.getRepository(AwardRoundResultEntity).findOneBy({ roundId: id });
    if (!row) throw notPublished(id);
    const report = (
      row.verification === null ? recompute(JSON.parse(row.document)) : JSON.parse(row.verification)
    ) as RecomputeReport;
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
