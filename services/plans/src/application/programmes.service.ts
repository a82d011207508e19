import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DataSource,
  In,
  IsNull,
  LessThanOrEqual,
  MoreThanOrEqual,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import { assertMayActFor, maySee } from '@kc/auth';
import {
  programmeCreatedV1,
  type CreateProgrammeRequest,
  type ListProgrammesQuery,
  type Principal,
  type ProgrammeView,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { referenceProvinces } from '@kc/reference-data';
import { inTransaction, pgConstraint } from '@kc/persistence';
import { assertProvincialProgramme, nationalGroupsFor, type NationalPeriod } from '../domain/programme';
import {
  ContentGroupEntity,
  ProgrammeEntity,
  ProgrammeTargetEntity,
} from '../infrastructure/persistence/programme.entity';
import { visiblePlanProvinces } from './plan-access';

const overlap = (request: CreateProgrammeRequest, other?: string) =>
  new ConflictError(
    {
      vi:
        `Tỉnh ${request.provinceCode} đã có chương trình${other ? ` (${other})` : ''} bao gồm một năm trong ` +
        `giai đoạn ${request.firstYear}–${request.lastYear}`,
      en:
        `Province ${request.provinceCode} already has a programme${other ? ` (${other})` : ''} covering some ` +
        `year of ${request.firstYear}–${request.lastYear}`,
    },
    'programme.overlap',
    'firstYear',
  );

/**
 * Programmes with their content groups and targets: the national ones (seeded by migration) and provinces' own
 * (KCĐP), which their departments create. A province officer sees the national ones and their own province's.
 */
@Injectable()
export class ProgrammesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(principal: Principal, request: CreateProgrammeRequest): Promise<ProgrammeView> {
    assertMayActFor(principal, request.provinceCode);
    const id = await inTransaction(this.dataSource, async (manager) => {
      const groups = request.nationalContentGroups
        ? nationalGroupsFor(request, await this.nationalPeriods(manager))
        : request.contentGroups.map((g) => ({ ...g, verified: true }));
      assertProvincialProgramme(request, groups, referenceProvinces);
      const repo = manager.getRepository(ProgrammeEntity);
      // Named here for a helpful answer; the exclusion constraint decides between parallel requests.
      const existing = await repo.findOneBy({
        provinceCode: request.provinceCode,
        firstYear: LessThanOrEqual(request.lastYear),
        lastYear: MoreThanOrEqual(request.firstYear),
      });
      if (existing) throw overlap(request, `${existing.code}, ${existing.firstYear}–${existing.lastYear}`);
      const programme = repo.create({
        id: randomUUID(),
        code: request.code,
        nameVi: request.nameVi,
        nameEn: request.nameEn,
        level: 'provincial',
        provinceCode: request.provinceCode,
        firstYear: request.firstYear,
        lastYear: request.lastYear,
        decisionNumber: request.legalBasis.decisionNumber,
        decisionDate: request.legalBasis.decisionDate,
        issuer: request.legalBasis.issuer,
        // Entered by the province from its own decision, figures included.
        verified: true,
      });
      try {
        await repo.insert(programme);
      } catch (error) {
        const constraint = pgConstraint(error);
        if (constraint === 'programme_one_per_province_and_year') throw overlap(request);
        if (constraint === 'programme_code_key') {
          throw new ConflictError(
            {
              vi: `Đã có chương trình mã ${request.code}`,
              en: `A programme with code ${request.code} already exists`,
            },
            'programme.duplicate-code',
            'code',
          );
        }
        throw error;
      }
      await manager
        .getRepository(ContentGroupEntity)
        .insert(groups.map((g) => ({ ...g, programmeId: programme.id })));
      if (request.targets.length > 0) {
        await manager.getRepository(ProgrammeTargetEntity).insert(
          request.targets.map((t) => ({
            ...t,
            id: randomUUID(),
            programmeId: programme.id,
            verified: true,
          })),
        );
      }
      await this.outbox.append(manager, programmeCreatedV1, {
        aggregateId: programme.id,
        provinceCode: programme.provinceCode,
        payload: {
          programmeId: programme.id,
          code: programme.code,
          nameVi: programme.nameVi,
          level: programme.level,
          provinceCode: programme.provinceCode,
          firstYear: programme.firstYear,
          lastYear: programme.lastYear,
          legalBasis: request.legalBasis,
          contentGroups: groups.map((g) => ({
            code: g.code,
            nameVi: g.nameVi,
            activityContents: g.activityContents,
          })),
          targets: request.targets.map((t) => ({
            contentGroupCode: t.contentGroupCode,
            indicatorVi: t.indicatorVi,
            targetValue: t.targetValue,
            unit: t.unit,
          })),
        },
      });
      await this.outbox.audit(manager, {
        action: 'programme.create',
        resourceType: 'programme',
        resourceId: programme.id,
        provinceCode: programme.provinceCode,
        summary:
          `Tạo chương trình khuyến công "${programme.nameVi}" (${programme.code}, ` +
          `${programme.firstYear}–${programme.lastYear}): ${groups.length} nhóm nội dung, ` +
          `${request.targets.length} chỉ tiêu. Căn cứ: ${request.legalBasis.decisionNumber}. ` +
          `Người nhập: ${principal.name}`,
      });
      return programme.id;
    });
    return this.get(principal, id);
  }

  async list(principal: Principal, query: ListProgrammesQuery): Promise<ProgrammeView[]> {
    const filter: FindOptionsWhere<ProgrammeEntity> = {
      level: query.level,
      ...(query.year === undefined
        ? {}
        : { firstYear: LessThanOrEqual(query.year), lastYear: MoreThanOrEqual(query.year) }),
    };
    const provinces = visiblePlanProvinces(principal, query.provinceCode, query.unitAsOf);
    const programmes = await this.dataSource.getRepository(ProgrammeEntity).find({
      where: provinces?.map((code) => ({ ...filter, provinceCode: code ?? IsNull() })) ?? filter,
      order: { level: 'ASC', provinceCode: 'ASC', firstYear: 'ASC', code: 'ASC' },
    });
    return this.views(programmes);
  }

  /** Another province's programme answers exactly like a missing one. */
  async get(principal: Principal, id: string): Promise<ProgrammeView> {
    const programme = await this.dataSource.getRepository(ProgrammeEntity).findOneBy({ id });
    if (!programme || !maySee(principal, programme.provinceCode)) {
      throw new NotFoundError(
        { vi: `Không có chương trình ${id}`, en: `Programme ${id} does not exist` },
        'programme.not-found',
      );
    }
    return (await this.views([programme]))[0];
  }

  private async nationalPeriods(manager: EntityManager): Promise<NationalPeriod[]> {
    const nationals = await manager.getRepository(ProgrammeEntity).findBy({ level: 'national' });
    const groups = nationals.length
      ? await manager
          .getRepository(ContentGroupEntity)
          .find({ where: { programmeId: In(nationals.map((n) => n.id)) }, order: { code: 'ASC' } })
      : [];
    return nationals.map((n) => ({
      code: n.code,
      firstYear: n.firstYear,
      lastYear: n.lastYear,
      contentGroups: groups
        .filter((g) => g.programmeId === n.id)
        .map(({ code, nameVi, nameEn, activityContents, verified }) => ({
          code,
          nameVi,
          nameEn,
          activityContents,
          verified,
        })),
    }));
  }

  private async views(programmes: ProgrammeEntity[]): Promise<ProgrammeView[]> {
    const ids = programmes.map((p) => p.id);
    const [groups, targets] = ids.length
      ? await Promise.all([
          this.dataSource
            .getRepository(ContentGroupEntity)
            .find({ where: { programmeId: In(ids) }, order: { code: 'ASC' } }),
          this.dataSource.getRepository(ProgrammeTargetEntity).find({
            where: { programmeId: In(ids) },
            order: { contentGroupCode: 'ASC', indicatorVi: 'ASC' },
          }),
        ])
      : [[], []];
    return programmes.map((p) => ({
      id: p.id,
      code: p.code,
      nameVi: p.nameVi,
      nameEn: p.nameEn,
      level: p.level,
      provinceCode: p.provinceCode,
      firstYear: p.firstYear,
      lastYear: p.lastYear,
      legalBasis: { decisionNumber: p.decisionNumber, decisionDate: p.decisionDate, issuer: p.issuer },
      verified: p.verified,
      contentGroups: groups
        .filter((g) => g.programmeId === p.id)
        .map((g) => ({
          code: g.code,
          nameVi: g.nameVi,
          nameEn: g.nameEn,
          activityContents: g.activityContents,
          verified: g.verified,
        })),
      targets: targets
        .filter((t) => t.programmeId === p.id)
        .map((t) => ({
          contentGroupCode: t.contentGroupCode,
          indicatorVi: t.indicatorVi,
          indicatorEn: t.indicatorEn,
          targetValue: t.targetValue,
          unit: t.unit,
          verified: t.verified,
        })),
    }));
  }
}
