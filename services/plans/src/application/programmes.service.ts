import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import type { ListProgrammesQuery, ProgrammeView } from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import {
  ContentGroupEntity,
  ProgrammeEntity,
  ProgrammeTargetEntity,
} from '../infrastructure/persistence/programme.entity';

/** Programmes (reference data seeded by migration) with their content groups and targets. */
@Injectable()
export class ProgrammesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListProgrammesQuery): Promise<ProgrammeView[]> {
    const where: FindOptionsWhere<ProgrammeEntity> = {
      level: query.level,
      provinceCode: query.provinceCode,
      ...(query.year === undefined
        ? {}
        : { firstYear: LessThanOrEqual(query.year), lastYear: MoreThanOrEqual(query.year) }),
    };
    const programmes = await this.dataSource
      .getRepository(ProgrammeEntity)
      .find({ where, order: { level: 'ASC', firstYear: 'ASC', code: 'ASC' } });
    return this.views(programmes);
  }

  async get(id: string): Promise<ProgrammeView> {
    const programme = await this.dataSource.getRepository(ProgrammeEntity).findOneBy({ id });
    if (!programme) throw new NotFoundError(`Programme ${id} does not exist`, 'programme.not-found');
    return (await this.views([programme]))[0];
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
