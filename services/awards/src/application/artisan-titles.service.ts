import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Between, DataSource, In } from 'typeorm';
import { assertMayActFor, isCentral, listProvinceFilter, maySee } from '@kc/auth';
import {
  artisanTitleConferredV1,
  stageOutcomeLabels,
  type ArtisanNominationView,
  type ListArtisanNominationsQuery,
  type NominateArtisanRequest,
  type Page,
  type Principal,
  type RecordArtisanStageRequest,
} from '@kc/contracts';
import { ForbiddenError, NotFoundError, RuleViolationError, RuleViolationsError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { inTransaction } from '@kc/persistence';
import { unitInForce, vietnamDate } from '@kc/reference-data';
import {
  ARTISAN_STAGES,
  ARTISAN_TITLE_RULES,
  artisanEligibilityProblems,
  artisanNominationStatus,
  artisanNominationStatusLabels,
  artisanStageLabels,
  artisanTitleLabels,
  nominateArtisan,
  recordArtisanStage,
  yearsInCraft,
  type ArtisanNomination,
  type ArtisanNominee,
  type ArtisanTitle,
  type EligibilityProblem,
} from '../domain/artisan-title';
import {
  ArtisanNominationEntity,
  ArtisanStageDecisionEntity,
} from '../infrastructure/persistence/artisan-nomination.entity';

const viDate = (date: string) => date.split('-').reverse().join('/');

function toView(row: ArtisanNominationEntity, stages: ArtisanStageDecisionEntity[]): ArtisanNominationView {
  const closed = row.status === 'conferred' || row.status === 'rejected';
  return {
    id: row.id,
    title: row.title,
    titleLabel: artisanTitleLabels[row.title],
    nominee: {
      fullName: row.fullName,
      birthYear: row.birthYear,
      craft: row.craft,
      provinceCode: row.provinceCode,
      craftPeriods: row.craftPeriods,
      priorTitle:
        row.priorTitleConferredOn === null
          ? null
          : {
              title: 'meritorious',
              decisionNumber: row.priorTitleDecision!,
              conferredOn: row.priorTitleConferredOn,
            },
      works: row.works,
    },
    yearsInCraft: row.yearsInCraft,
    rulesBasis: row.rulesBasis,
    nominatedOn: row.nominatedOn,
    nominatedBy: row.nominatedBy,
    status: row.status,
    statusLabel: artisanNominationStatusLabels[row.status],
    stages: stages.map((s) => ({
      stage: s.stage,
      stageLabel: artisanStageLabels[s.stage],
      decisionNumber: s.decisionNumber,
      decidedOn: s.decidedOn,
      outcome: s.outcome,
      outcomeLabel: stageOutcomeLabels[s.outcome],
      recordedBy: s.recordedBy,
    })),
    nextStage: closed ? null : ARTISAN_STAGES[stages.length],
    createdAt: row.createdAt.toISOString(),
  };
}

const toDomain = (row: ArtisanNominationEntity, stages: ArtisanStageDecisionEntity[]): ArtisanNomination => ({
  title: row.title,
  nominee: {
    fullName: row.fullName,
    craft: row.craft,
    provinceCode: row.provinceCode,
    meritoriousConferredOn: row.priorTitleConferredOn,
    craftPeriods: row.craftPeriods,
    works: row.works,
  },
  nominatedOn: row.nominatedOn,
  stages: stages.map(({ stage, decisionNumber, decidedOn, outcome }) => ({
    stage,
    decisionNumber,
    decidedOn,
    outcome,
  })),
});

/** One 422 that lists every criterion not met, each in errors[] under its own rule code. */
function ineligible(title: ArtisanTitle, problems: EligibilityProblem[]): RuleViolationsError {
  const label = artisanTitleLabels[title];
  return new RuleViolationsError(
    {
      vi: `Người được đề nghị chưa đủ tiêu chuẩn xét tặng danh hiệu ${label}: ${problems.map((p) => p.messages.vi).join('; ')}`,
      en: `The nominee does not meet the criteria for the ${title === 'people' ? "People's" : 'Meritorious'} Artisan title: ${problems.map((p) => p.messages.en).join('; ')}`,
    },
    'artisan.ineligible',
    problems,
  );
}

const notFound = (id: string) =>
  new NotFoundError(
    { vi: `Không có hồ sơ đề nghị danh hiệu nghệ nhân ${id}`, en: `Artisan nomination ${id} does not exist` },
    'artisan.nomination-not-found',
  );

/**
 * Nominations for the Meritorious and People's Artisan titles (Decree 43/2024/NĐ-CP): eligibility judged on the
 * day the dossier is entered, then the councils' decisions in order up to the conferral.
 */
@Injectable()
export class ArtisanTitlesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async nominate(principal: Principal, request: NominateArtisanRequest): Promise<ArtisanNominationView> {
    const { title, nominee: given } = request;
    assertMayActFor(principal, given.provinceCode);
    const today = vietnamDate(new Date());
    if (!unitInForce(given.provinceCode, today)) {
      throw new RuleViolationError(
        {
          vi: `Đơn vị cấp tỉnh ${given.provinceCode} không còn tồn tại; hồ sơ đề nghị ghi đơn vị hiện hành`,
          en: `provincial unit ${given.provinceCode} is not in force today; a nomination names a unit in force`,
        },
        'artisan.unknown-province',
        'nominee.provinceCode',
      );
    }
    if (given.priorTitle && given.priorTitle.conferredOn > today) {
      throw new RuleViolationError(
        {
          vi: `Ngày phong tặng danh hiệu Nghệ nhân ưu tú ${viDate(given.priorTitle.conferredOn)} chưa đến`,
          en: `the Meritorious Artisan conferral date ${given.priorTitle.conferredOn} is in the future`,
        },
        'artisan.prior-title-in-future',
        'nominee.priorTitle.conferredOn',
      );
    }
    const nominee: ArtisanNominee = {
      fullName: given.fullName,
      craft: given.craft,
      provinceCode: given.provinceCode,
      meritoriousConferredOn: given.priorTitle?.conferredOn ?? null,
      craftPeriods: given.craftPeriods,
      works: given.works,
    };
    const problems = artisanEligibilityProblems(title, nominee, today);
    if (problems.length > 0) throw ineligible(title, problems);
    const nomination = nominateArtisan(title, nominee, today);
    return inTransaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(ArtisanNominationEntity);
      const row = repo.create({
        id: randomUUID(),
        title,
        fullName: given.fullName,
        birthYear: given.birthYear,
        craft: given.craft,
        provinceCode: given.provinceCode,
        priorTitleDecision: given.priorTitle?.decisionNumber ?? null,
        priorTitleConferredOn: given.priorTitle?.conferredOn ?? null,
        craftPeriods: given.craftPeriods,
        works: given.works,
        yearsInCraft: yearsInCraft(nominee.craftPeriods, nomination.nominatedOn),
        rulesBasis: ARTISAN_TITLE_RULES.basis,
        nominatedOn: nomination.nominatedOn,
        nominatedBy: principal.name,
        status: artisanNominationStatus(nomination),
      });
      const saved = await repo.save(row);
      await this.outbox.audit(manager, {
        action: 'artisan-nomination.nominate',
        resourceType: 'artisan-nomination',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary:
          `Đề nghị xét tặng danh hiệu ${artisanTitleLabels[title]} cho ${saved.fullName} ` +
          `(nghề ${saved.craft}, tỉnh ${saved.provinceCode}, ${saved.yearsInCraft} năm hành nghề)`,
      });
      return toView(saved, []);
    });
  }

  async recordStage(
    principal: Principal,
    id: string,
    request: RecordArtisanStageRequest,
  ): Promise<ArtisanNominationView> {
    // The provincial council is the province's; the ministry's, the state's and the conferral the agency records.
    if (request.stage !== 'provincial-council' && !isCentral(principal)) {
      throw new ForbiddenError(
        {
          vi: `Cục ghi quyết định của ${artisanStageLabels[request.stage]}; Sở Công Thương ghi quyết định của Hội đồng cấp tỉnh`,
          en: `the agency records the ${request.stage} decision; a province officer records the provincial council's`,
        },
        'artisan.stage-by-agency',
        'stage',
      );
    }
    const today = vietnamDate(new Date());
    if (request.decidedOn > today) {
      throw new RuleViolationError(
        {
          vi: `Ngày quyết định ${viDate(request.decidedOn)} chưa đến (hôm nay là ${viDate(today)} theo giờ Việt Nam)`,
          en: `the decision date ${request.decidedOn} is in the future (today is ${today} in Vietnam)`,
        },
        'artisan.stage-date-future',
        'decidedOn',
      );
    }
    return inTransaction(this.dataSource, async (manager) => {
      const row = await manager
        .getRepository(ArtisanNominationEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !maySee(principal, row.provinceCode)) throw notFound(id);
      const stageRepo = manager.getRepository(ArtisanStageDecisionEntity);
      const stages = await stageRepo.find({ where: { nominationId: id }, order: { seq: 'ASC' } });
      const next = recordArtisanStage(toDomain(row, stages), request);
      const decision = next.stages.at(-1)!;
      const recorded = stageRepo.create({
        nominationId: id,
        seq: next.stages.length,
        ...decision,
        recordedBy: principal.name,
        recordedAt: new Date(),
      });
      await stageRepo.insert(recorded);
      row.status = artisanNominationStatus(next);
      await manager.getRepository(ArtisanNominationEntity).update({ id }, { status: row.status });
      if (row.status === 'conferred') {
        await this.outbox.append(manager, artisanTitleConferredV1, {
          aggregateId: id,
          provinceCode: row.provinceCode,
          payload: {
            nominationId: id,
            title: row.title,
            provinceCode: row.provinceCode,
            year: Number(decision.decidedOn.slice(0, 4)),
            conferredOn: decision.decidedOn,
          },
        });
      }
      await this.outbox.audit(manager, {
        action: 'artisan-nomination.record-stage',
        resourceType: 'artisan-nomination',
        resourceId: id,
        provinceCode: row.provinceCode,
        summary:
          `${artisanStageLabels[decision.stage]} (quyết định số ${decision.decisionNumber} ngày ` +
          `${viDate(decision.decidedOn)}): ${stageOutcomeLabels[decision.outcome]} hồ sơ đề nghị danh hiệu ` +
          `${artisanTitleLabels[row.title]} của ${row.fullName}`,
      });
      return toView(row, [...stages, recorded]);
    });
  }

  async get(principal: Principal, id: string): Promise<ArtisanNominationView> {
    const row = await this.dataSource.getRepository(ArtisanNominationEntity).findOneBy({ id });
    if (!row || !maySee(principal, row.provinceCode)) throw notFound(id);
    const stages = await this.dataSource
      .getRepository(ArtisanStageDecisionEntity)
      .find({ where: { nominationId: id }, order: { seq: 'ASC' } });
    return toView(row, stages);
  }

  /** A province officer lists their unit's (and its predecessors') nominations; asking for another's is refused. */
  async list(principal: Principal, query: ListArtisanNominationsQuery): Promise<Page<ArtisanNominationView>> {
    const provinces = listProvinceFilter(principal, query.provinceCode, query.unitAsOf);
    const [rows, total] = await this.dataSource.getRepository(ArtisanNominationEntity).findAndCount({
      where: {
        provinceCode: provinces && In(provinces),
        title: query.title,
        status: query.status,
        nominatedOn:
          query.year === undefined ? undefined : Between(`${query.year}-01-01`, `${query.year}-12-31`),
      },
      order: { nominatedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    const stages =
      rows.length === 0
        ? []
        : await this.dataSource.getRepository(ArtisanStageDecisionEntity).find({
            where: { nominationId: In(rows.map((r) => r.id)) },
            order: { seq: 'ASC' },
          });
    return {
      items: rows.map((row) =>
        toView(
          row,
          stages.filter((s) => s.nominationId === row.id),
        ),
      ),
      page: query.page,
      limit: query.limit,
      total,
    };
  }
}
