import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type {
  CheckFundingNormRequest,
  CreateFundingNormRequest,
  FundingNormCheckView,
  FundingNormView,
  ListFundingNormsQuery,
  Principal,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { checkSupport, requireNormInForce } from '../domain/funding-norm';
import { vietnamDay } from '../domain/registration';
import { FundingNormEntity } from '../infrastructure/persistence/funding-norm.entity';
import { inTransaction, pgConstraint, sql } from '@kc/persistence';

export const normView = (n: FundingNormEntity): FundingNormView => ({
  code: n.code,
  version: n.version,
  nameVi: n.nameVi,
  nameEn: n.nameEn,
  activityContent: n.activityContent,
  legalBasis: n.legalBasis,
  validFrom: n.validFrom,
  validTo: n.validTo,
  maxPercentBp: n.maxPercentBp,
  maxVndPerUnit: n.maxVndPerUnit,
  unit: n.unit,
  priorityMultiplierPermille: n.priorityMultiplierPermille,
  verified: n.verified,
});

const dayBefore = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};

/** The funding norms (định mức) as a versioned table: seeded by migration, new versions by the agency. */
@Injectable()
export class FundingNormsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(query: ListFundingNormsQuery): Promise<FundingNormView[]> {
    const asOf = query.asOf ?? vietnamDay(new Date());
    const base = { validFrom: LessThanOrEqual(asOf), activityContent: query.activityContent };
    const norms = await this.dataSource.getRepository(FundingNormEntity).find({
      where: [
        { ...base, validTo: IsNull() },
        { ...base, validTo: MoreThanOrEqual(asOf) },
      ],
      order: { activityContent: 'ASC', code: 'ASC' },
    });
    return norms.map(normView);
  }

  /** Every version of the codes asked for, for checks against the version in force on some date. */
  versionsOf(manager: EntityManager, codes: string[]): Promise<FundingNormEntity[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return manager
      .getRepository(FundingNormEntity)
      .createQueryBuilder('n')
      .where('n.code IN (:...codes)', { codes })
      .orderBy('n.valid_from', 'ASC')
      .getMany();
  }

  /**
   * A new version of a norm. The open-ended version in force before it ends the day before the new one starts;
   * any other overlap is refused by the exclusion constraint (one version of a code in force on any date).
   */
  async create(principal: Principal, request: CreateFundingNormRequest): Promise<FundingNormView> {
    const saved = await inTransaction(this.dataSource, async (manager) => {
      // Serialises new versions of one code, so two cannot both take the next number.
      await sql(manager, `SELECT pg_advisory_xact_lock(hashtext('funding_norm:' || $1))`, [request.code]);
      const [{ next }] = await sql<{ next: number }>(
        manager,
        `SELECT coalesce(max(version), 0) + 1 AS next FROM funding_norm WHERE code = $1`,
        [request.code],
      );
      await sql(
        manager,
        `UPDATE funding_norm SET valid_to = $2
          WHERE code = $1 AND valid_to IS NULL AND valid_from < $3`,
        [request.code, dayBefore(request.validFrom), request.validFrom],
      );
      const repo = manager.getRepository(FundingNormEntity);
      const norm = repo.create({
        code: request.code,
        version: next,
        nameVi: request.nameVi,
        nameEn: request.nameEn,
        activityContent: request.activityContent,
        legalBasis: request.legalBasis,
        validFrom: request.validFrom,
        validTo: request.validTo ?? null,
        maxPercentBp: request.maxPercentBp ?? null,
        maxVndPerUnit: request.maxVndPerUnit ?? null,
        unit: request.unit,
        priorityMultiplierPermille: request.priorityMultiplierPermille,
        verified: request.verified,
      });
      try {
        await repo.insert(norm);
      } catch (error) {
        if (pgConstraint(error) === 'funding_norm_one_version_in_force') {
          throw new ConflictError(
            `Another version of funding norm ${request.code} is in force within ${request.validFrom}–` +
              `${request.validTo ?? '…'}`,
            'funding-norm.overlap',
            'validFrom',
          );
        }
        throw error;
      }
      await this.outbox.audit(manager, {
        action: 'funding-norm.create',
        resourceType: 'funding-norm',
        resourceId: `${request.code}@${next}`,
        provinceCode: null,
        summary:
          `Ban hành định mức "${request.nameVi}" (${request.code} phiên bản ${next}, từ ${request.validFrom}). ` +
          `Căn cứ: ${request.legalBasis}. Người nhập: ${principal.name}`,
      });
      return repo.findOneByOrFail({ code: request.code, version: next });
    });
    return normView(saved);
  }

  async check(request: CheckFundingNormRequest): Promise<FundingNormCheckView> {
    const versions = await this.versionsOf(this.dataSource.manager, [request.code]);
    if (versions.length === 0) {
      throw new NotFoundError(`Funding norm ${request.code} does not exist`, 'funding-norm.not-found');
    }
    const norm = requireNormInForce(request.code, versions, request.asOf, 'asOf');
    return { ...checkSupport(norm, request), norm: normView(norm) };
  }
}
