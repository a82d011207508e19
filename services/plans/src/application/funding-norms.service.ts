import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { assertMayActFor, listProvinceFilter } from '@kc/auth';
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
import { dayBefore, vietnamDate } from '@kc/reference-data';
import { checkSupport, requireNormInForce } from '../domain/funding-norm';
import { FundingNormEntity } from '../infrastructure/persistence/funding-norm.entity';
import { inTransaction, pgConstraint, sql } from '@kc/persistence';

export const normView = (n: FundingNormEntity): FundingNormView => ({
  code: n.code,
  provinceCode: n.provinceCode,
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

/**
 * The funding norms (định mức) as a versioned table: national ones seeded by migration and issued by the agency,
 * and provinces' own versions, which govern their provincial plans' projects where they are in force.
 */
@Injectable()
export class FundingNormsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The national norms in force plus the province's own (a province officer's: always their own). */
  async list(principal: Principal, query: ListFundingNormsQuery): Promise<FundingNormView[]> {
    const provinces = listProvinceFilter(principal, query.provinceCode, query.unitAsOf) ?? [];
    const asOf = query.asOf ?? vietnamDate(new Date());
    const inForce = { validFrom: LessThanOrEqual(asOf), activityContent: query.activityContent };
    const norms = await this.dataSource.getRepository(FundingNormEntity).find({
      where: [IsNull(), ...provinces].flatMap((provinceCode) => [
        { ...inForce, provinceCode, validTo: IsNull() },
        { ...inForce, provinceCode, validTo: MoreThanOrEqual(asOf) },
      ]),
      order: { activityContent: 'ASC', code: 'ASC', provinceCode: { direction: 'ASC', nulls: 'FIRST' } },
    });
    return norms.map(normView);
  }

  /**
   * Every version of the codes asked for, national and (for a provincial plan) the province's own, for checks
   * against the version governing some date.
   */
  versionsOf(
    manager: EntityManager,
    codes: string[],
    provinceCode: string | null,
  ): Promise<FundingNormEntity[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return manager
      .getRepository(FundingNormEntity)
      .createQueryBuilder('n')
      .where('n.code IN (:...codes)', { codes })
      .andWhere('(n.province_code IS NULL OR n.province_code = :provinceCode)', { provinceCode })
      .orderBy('n.valid_from', 'ASC')
      .getMany();
  }

  /**
   * A new version of a norm in its scope (national, or one province's own). The open-ended version of the same
   * scope in force before it ends the day before the new one starts; any other overlap within the scope is
   * refused by the exclusion constraint.
   */
  async create(principal: Principal, request: CreateFundingNormRequest): Promise<FundingNormView> {
    const provinceCode = request.provinceCode ?? null;
    assertMayActFor(principal, provinceCode);
    const scope = provinceCode ?? 'national';
    const saved = await inTransaction(this.dataSource, async (manager) => {
      // Serialises new versions of one code in one scope, so two cannot both take the next number.
      await sql(manager, `SELECT pg_advisory_xact_lock(hashtext('funding_norm:' || $1 || ':' || $2))`, [
        request.code,
        scope,
      ]);
      const [{ next }] = await sql<{ next: number }>(
        manager,
        `SELECT coalesce(max(version), 0) + 1 AS next FROM funding_norm
          WHERE code = $1 AND province_code IS NOT DISTINCT FROM $2`,
        [request.code, provinceCode],
      );
      await sql(
        manager,
        `UPDATE funding_norm SET valid_to = $3
          WHERE code = $1 AND province_code IS NOT DISTINCT FROM $2 AND valid_to IS NULL AND valid_from < $4`,
        [request.code, provinceCode, dayBefore(request.validFrom), request.validFrom],
      );
      const repo = manager.getRepository(FundingNormEntity);
      const norm = repo.create({
        id: randomUUID(),
        code: request.code,
        provinceCode,
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
            {
              vi:
                `Một phiên bản ${provinceCode ? `khác của tỉnh ${provinceCode}` : 'quốc gia khác'} của định mức ` +
                `hỗ trợ ${request.code} đang có hiệu lực trong ${request.validFrom}–${request.validTo ?? '…'}`,
              en:
                `Another ${provinceCode ? `version of province ${provinceCode}` : 'national version'} of funding ` +
                `norm ${request.code} is in force within ${request.validFrom}–${request.validTo ?? '…'}`,
            },
            'funding-norm.overlap',
            'validFrom',
          );
        }
        throw error;
      }
      await this.outbox.audit(manager, {
        action: 'funding-norm.create',
        resourceType: 'funding-norm',
        resourceId: `${request.code}@${scope}@${next}`,
        provinceCode,
        summary:
          `Ban hành định mức ${provinceCode ? `riêng của tỉnh/thành ${provinceCode}` : 'quốc gia'} ` +
          `"${request.nameVi}" (${request.code} phiên bản ${next}, từ ${request.validFrom}). ` +
          `Căn cứ: ${request.legalBasis}. Người nhập: ${principal.name}`,
      });
      return repo.findOneByOrFail({ id: norm.id });
    });
    return normView(saved);
  }

  /** With `provinceCode`, the question of a provincial-plan project: the province's own version wins. */
  async check(principal: Principal, request: CheckFundingNormRequest): Promise<FundingNormCheckView> {
    const provinceCode = request.provinceCode ?? null;
    if (provinceCode !== null) assertMayActFor(principal, provinceCode);
    const versions = await this.versionsOf(this.dataSource.manager, [request.code], provinceCode);
    if (versions.length === 0) {
      throw new NotFoundError(
        { vi: `Không có định mức hỗ trợ ${request.code}`, en: `Funding norm ${request.code} does not exist` },
        'funding-norm.not-found',
      );
    }
    const norm = requireNormInForce(request.code, versions, provinceCode, request.asOf, 'asOf');
    return { ...checkSupport(norm, request), norm: normView(norm) };
  }
}
