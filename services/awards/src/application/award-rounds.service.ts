import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, IsNull } from 'typeorm';
import {
  awardLevelLabels,
  awardRoundOpenedV1,
  type AwardRoundView,
  type ListAwardRoundsQuery,
  type OpenAwardRoundRequest,
  type Page,
  type Principal,
} from '@kc/contracts';
import { ConflictError, RuleViolationError, type Bilingual } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { referenceProvinces, vietnamDate } from '@kc/reference-data';
import { openAwardRound, type AwardRound } from '../domain/award-round';
import { assertHistoricSchedule, assertMayRunHistoric } from '../domain/historic-round';
import { checkSchedule } from '../domain/round-schedule';
import { assertTransition } from '../domain/round-state';
import { checkCriteriaConfig, statutoryCriteria } from '../domain/scoring';
import { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import { assertMayOpenRound, assertRoundAuthority, roundListScope } from './round-access';
import { roundMovedSummary, roundOpenedSummary } from './round-audit';
import { visibleRound } from './round-loading';
import { oneRoundView, roundViews, scheduleOf } from './round-views';

const scopeOf = (round: AwardRound): Bilingual =>
  round.localUnitCode
    ? {
        vi: ` của đơn vị ${round.provinceCode}-${round.localUnitCode}`,
        en: ` in unit ${round.provinceCode}-${round.localUnitCode}`,
      }
    : round.provinceCode
      ? { vi: ` của tỉnh ${round.provinceCode}`, en: ` in province ${round.provinceCode}` }
      : round.regionCode
        ? { vi: ` của khu vực ${round.regionCode}`, en: ` in the ${round.regionCode} region` }
        : { vi: '', en: '' };

/** Rounds: opening, reading, and the move from taking entries to scoring. */
@Injectable()
export class AwardRoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A province officer opens only their own province's provincial and commune rounds; the others are the agency's. */
  async open(principal: Principal, request: OpenAwardRoundRequest): Promise<AwardRoundView> {
    if (request.historic) assertMayRunHistoric(principal);
    assertMayOpenRound(principal, request);
    const round = openAwardRound(
      {
        name: request.name,
        year: request.year,
        level: request.level,
        provinceCode: request.provinceCode ?? null,
        regionCode: request.regionCode ?? null,
        localUnitCode: request.localUnitCode ?? null,
        closesOn: request.closesOn ?? null,
      },
      referenceProvinces,
    );
    const schedule = request.schedule ? checkSchedule(request.schedule, round.year) : null;
    if (request.historic) assertHistoricSchedule(schedule, vietnamDate(new Date()));
    const criteria = checkCriteriaConfig({ criteria: request.criteria ?? statutoryCriteria.criteria });
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(AwardRoundEntity);
      const existing = await repo.findOneBy({
        year: round.year,
        level: round.level,
        provinceCode: round.provinceCode ?? IsNull(),
        regionCode: round.regionCode ?? IsNull(),
        localUnitCode: round.localUnitCode ?? IsNull(),
      });
      if (existing) {
        throw new ConflictError(
          {
            vi:
              `Đã mở vòng bình chọn ${awardLevelLabels[round.level]} năm ${round.year}${scopeOf(round).vi}: ` +
              `${existing.name} (${existing.id})`,
            en:
              `A ${round.level} round for ${round.year}${scopeOf(round).en} is already open: ` +
              `${existing.name} (${existing.id})`,
          },
          'award-round.already-exists',
        );
      }
      const saved = await repo.save(
        repo.create({
          id: randomUUID(),
          ...round,
          state: 'entries-open',
          historic: request.historic,
          entriesOpenOn: schedule?.entriesOpenOn ?? null,
          entriesCloseOn: schedule?.entriesCloseOn ?? null,
          scoringClosesOn: schedule?.scoringClosesOn ?? null,
          criteria,
          quotaPerProvinceAndGroup: request.quotaPerProvinceAndGroup ?? null,
          entrySequence: 0,
        }),
      );
      // The v1 event knows the three levels above the commune; commune rounds reach reporting through their
      // entries' and results' events, which name the level.
      if (round.level !== 'commune') {
        await this.outbox.append(manager, awardRoundOpenedV1, {
          aggregateId: saved.id,
          provinceCode: saved.provinceCode,
          payload: {
            roundId: saved.id,
            name: round.name,
            year: round.year,
            level: round.level,
            provinceCode: round.provinceCode,
            regionCode: round.regionCode,
          },
        });
      }
      await this.outbox.audit(manager, {
        action: 'award-round.open',
        resourceType: 'award-round',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary: roundOpenedSummary(round),
      });
      return oneRoundView(manager, saved);
    });
  }

  /** A round the caller may not see answers exactly like a missing one, so ids reveal nothing. */
  async get(principal: Principal, id: string): Promise<AwardRoundView> {
    const manager = this.dataSource.manager;
    return oneRoundView(manager, await visibleRound(manager, principal, id));
  }

  async list(principal: Principal, query: ListAwardRoundsQuery): Promise<Page<AwardRoundView>> {
    const scope = roundListScope(principal, query.provinceCode, query.unitAsOf);
    const qb = this.dataSource.getRepository(AwardRoundEntity).createQueryBuilder('r');
    if (query.year !== undefined) qb.andWhere('r.year = :year', { year: query.year });
    if (query.level !== undefined) qb.andWhere('r.level = :level', { level: query.level });
    if (query.regionCode !== undefined) qb.andWhere('r.region_code = :region', { region: query.regionCode });
    if (query.state !== undefined) qb.andWhere('r.state = :state', { state: query.state });
    if (scope.jurorId !== undefined) {
      qb.andWhere(
        `(r.id IN (SELECT round_id FROM award_jury_member WHERE user_id = :juror)
          OR r.id IN (SELECT round_id FROM award_substitution WHERE substitute_id = :juror))`,
        { juror: scope.jurorId },
      );
    }
    if (scope.provinces !== undefined) {
      const codes = scope.provinces.filter((code): code is string => code !== null);
      const orNone = scope.provinces.includes(null);
      qb.andWhere(
        new Brackets((where) => {
          where.where(codes.length > 0 ? 'r.province_code IN (:...codes)' : 'false', { codes });
          if (orNone) where.orWhere('r.province_code IS NULL');
        }),
      );
    }
    const [items, total] = await qb
      .orderBy('r.year', 'DESC')
      .addOrderBy('r.level', 'ASC')
      .addOrderBy('r.region_code', 'ASC')
      .addOrderBy('r.province_code', 'ASC')
      .addOrderBy('r.local_unit_code', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return {
      items: await roundViews(this.dataSource.manager, items),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** The authority stops taking entries: the council, its jury and the schedule must be in place. */
  async startScoring(principal: Principal, id: string): Promise<AwardRoundView> {
    return this.dataSource.transaction(async (manager) => {
      const round = await visibleRound(manager, principal, id, 'update');
      assertRoundAuthority(principal, round);
      assertTransition(round.state, 'scoring');
      if (!scheduleOf(round)) {
        throw new RuleViolationError(
          {
            vi: 'Vòng bình chọn chưa có lịch (nhận hồ sơ, chấm điểm) nên chưa thể chấm điểm',
            en: 'The round has no schedule (entries, scoring), so it cannot move to scoring',
          },
          'award-round.no-schedule',
          'schedule',
        );
      }
      const [{ jurors }] = await manager.query<{ jurors: number }[]>(
        `SELECT count(*)::int AS jurors FROM award_jury_member WHERE round_id = $1`,
        [id],
      );
      if (jurors === 0) {
        throw new RuleViolationError(
          {
            vi: 'Vòng bình chọn chưa có hội đồng và ban giám khảo nên chưa thể chấm điểm',
            en: 'The round has no council and jury yet, so it cannot move to scoring',
          },
          'award-round.no-jury',
          'jurorIds',
        );
      }
      await manager.getRepository(AwardRoundEntity).update({ id }, { state: 'scoring' });
      await this.outbox.audit(manager, {
        action: 'award-round.start-scoring',
        resourceType: 'award-round',
        resourceId: id,
        provinceCode: round.provinceCode,
        summary: roundMovedSummary(round.name, round.state, 'scoring'),
      });
      return oneRoundView(manager, { ...round, state: 'scoring' });
    });
  }
}
