import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FairFiguresRow, FairFiguresView } from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
import { fairTotals } from './fair-figures';

/**
 * One fair's booths by province, from the booth projection: allocated while not cancelled, supported once
 * certified and not cancelled (the support fixed at certification). Provinces as the facilities' codes were
 * read on the fair's opening day.
 */
@Injectable()
export class FairFiguresService {
  constructor(private readonly dataSource: DataSource) {}

  async figures(fairId: string): Promise<FairFiguresView> {
    const [fair]: FairFiguresView['fair'][] = await this.dataSource.query(
      `SELECT fair_id AS id, name, year, scale, region_code AS "regionCode" FROM fair_projection WHERE fair_id = $1`,
      [fairId],
    );
    if (!fair) {
      throw new NotFoundError(
        {
          vi: `Không có số liệu của hội chợ ${fairId} (hội chợ không xác định)`,
          en: `Fair ${fairId} has no figures (unknown fair)`,
        },
        'fair.not-found',
      );
    }
    const raw: Record<keyof FairFiguresRow, string>[] = await this.dataSource.query(
      `SELECT province_code AS "provinceCode",
              count(*) AS "facilities",
              sum(booth_count) AS "boothsAllocated",
              coalesce(sum(booth_count) FILTER (WHERE certified_at IS NOT NULL), 0) AS "boothsSupported",
              sum(rent_vnd) AS "rentVnd",
              coalesce(sum(support_vnd) FILTER (WHERE certified_at IS NOT NULL), 0) AS "supportVnd"
         FROM booth_projection WHERE fair_id = $1 AND cancelled_at IS NULL
        GROUP BY province_code ORDER BY province_code`,
      [fairId],
    );
    // Sums come back as strings (numeric/bigint); VND totals of one fair are far below 2^53.
    const provinces = raw.map((r) => ({
      provinceCode: r.provinceCode,
      facilities: Number(r.facilities),
      boothsAllocated: Number(r.boothsAllocated),
      boothsSupported: Number(r.boothsSupported),
      rentVnd: Number(r.rentVnd),
      supportVnd: Number(r.supportVnd),
    }));
    return {
      fair,
      provinces,
      totals: fairTotals(provinces),
    };
  }
}
