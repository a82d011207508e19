import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import {
  awardLevelLabels,
  awardRoundOpenedV1,
  type AwardRoundView,
  type ListAwardRoundsQuery,
  type OpenAwardRoundRequest,
  type Page,
  type Principal,
} from '@kc/contracts';
import { ConflictError, NotFoundError, type Bilingual } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { referenceProvinces } from '@kc/reference-data';
import { awardRoundWarnings, openAwardRound } from '../domain/award-round';
import { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import { assertMayOpenRound, maySeeRound, roundListScope } from './round-access';
import { roundOpenedSummary } from './round-audit';

const toView = (r: AwardRoundEntity): AwardRoundView => ({
  id: r.id,
  name: r.name,
  year: r.year,
  level: r.level,
  provinceCode: r.provinceCode,
  regionCode: r.regionCode,
  closesOn: r.closesOn,
  warnings: awardRoundWarnings(r),
  createdAt: r.createdAt.toISOString(),
});

const scopeOf = (round: { provinceCode: string | null; regionCode: string | null }): Bilingual =>
  round.provinceCode
    ? { vi: ` của tỉnh ${round.provinceCode}`, en: ` in province ${round.provinceCode}` }
    : round.regionCode
      ? { vi: ` của khu vực ${round.regionCode}`, en: ` in the ${round.regionCode} region` }
      : { vi: '', en: '' };

@Injectable()
export class AwardRoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** A province officer opens only their own province's rounds; regional and national ones are the agency's. */
  async open(principal: Principal, request: OpenAwardRoundRequest): Promise<AwardRoundView> {
    assertMayOpenRound(principal, request);
    const round = openAwardRound(
      {
        ...request,
        provinceCode: request.provinceCode ?? null,
        regionCode: request.regionCode ?? null,
        closesOn: request.closesOn ?? null,
      },
      referenceProvinces,
    );
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(AwardRoundEntity);
      const existing = await repo.findOneBy({
        year: round.year,
        level: round.level,
        provinceCode: round.provinceCode ?? IsNull(),
        regionCode: round.regionCode ?? IsNull(),
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
      const saved = await repo.save(repo.create({ id: randomUUID(), ...round }));
      const { closesOn: _closesOn, ...facts } = round;
      await this.outbox.append(manager, awardRoundOpenedV1, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: { roundId: saved.id, ...facts },
      });
      await this.outbox.audit(manager, {
        action: 'award-round.open',
        resourceType: 'award-round',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary: roundOpenedSummary(round),
      });
      return toView(saved);
    });
  }

  /** A round the caller may not see answers exactly like a missing one, so ids reveal nothing. */
  async get(principal: Principal, id: string): Promise<AwardRoundView> {
    const round = await this.dataSource.getRepository(AwardRoundEntity).findOneBy({ id });
    if (!round || !maySeeRound(principal, round))
      throw new NotFoundError(
        { vi: `Không có vòng bình chọn ${id}`, en: `Award round ${id} does not exist` },
        'award-round.not-found',
      );
    return toView(round);
  }

  async list(principal: Principal, query: ListAwardRoundsQuery): Promise<Page<AwardRoundView>> {
    const scope = roundListScope(principal, query.provinceCode, query.unitAsOf);
    if (scope.roundIds?.length === 0) return { items: [], page: query.page, limit: query.limit, total: 0 };
    const filter = {
      year: query.year,
      level: query.level,
      regionCode: query.regionCode,
      id: scope.roundIds && In(scope.roundIds),
    };
    const [items, total] = await this.dataSource.getRepository(AwardRoundEntity).findAndCount({
      where: scope.provinces?.map((code) => ({ ...filter, provinceCode: code ?? IsNull() })) ?? filter,
      order: { year: 'DESC', level: 'ASC', regionCode: 'ASC', provinceCode: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: items.map(toView), page: query.page, limit: query.limit, total };
  }
}
