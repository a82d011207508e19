import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { ExportClustersQuery, Principal } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import { findProvinceUpTo, vietnamDate } from '@kc/reference-data';
import { ClusterEntity, ClusterStepEntity } from '../infrastructure/persistence/cluster.entity';
import { occupancyView } from './cluster-mapping';
import { CLUSTER_SHEET_COLUMNS, sheetLabel } from './cluster-sheet';
import { writeClusterWorkbook } from './cluster-workbook';
import { clusterListWhere } from './clusters.service';

/** One sheet holds this many clusters at most; a wider list is narrowed with the filters. */
export const MAX_EXPORT_ROWS = 20_000;

const dayVi = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

/** Columns after the import's: what the registry derives, not what a province enters. */
const EXTRA_COLUMNS = [
  { header: 'Tỉnh/thành phố', width: 18 },
  { header: 'Tỷ lệ lấp đầy', width: 10 },
  { header: 'Số dự án thứ cấp', width: 10 },
  { header: 'Số doanh nghiệp', width: 10 },
  { header: 'Số lao động', width: 10 },
  { header: 'Phiên bản hồ sơ', width: 8 },
];

@Injectable()
export class ClusterExportService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every cluster the list would show for these filters, as .xlsx with Vietnamese headers: the import sheet's
   * columns first (so an exported list reads back in), then the derived figures.
   */
  async workbook(principal: Principal, query: ExportClustersQuery): Promise<Buffer> {
    const builder = clusterListWhere(
      this.dataSource.getRepository(ClusterEntity).createQueryBuilder('c'),
      principal,
      query,
    );
    const clusters = await builder
      .orderBy('c.code', 'ASC')
      .take(MAX_EXPORT_ROWS + 1)
      .getMany();
    if (clusters.length > MAX_EXPORT_ROWS)
      throw new RuleViolationError(
        {
          vi: `Hơn ${MAX_EXPORT_ROWS} cụm công nghiệp khớp bộ lọc; thu hẹp bộ lọc (tỉnh, trạng thái…)`,
          en: `More than ${MAX_EXPORT_ROWS} clusters match; narrow the filters`,
        },
        'export.too-many-rows',
      );
    const ids = clusters.map((c) => c.id);
    const establishments = ids.length
      ? await this.dataSource
          .getRepository(ClusterStepEntity)
          .find({ where: { clusterId: In(ids), step: 'establish' }, order: { seq: 'ASC' } })
      : [];
    const establishedBy = new Map(establishments.map((s) => [s.clusterId, s]));
    const tenants: { cluster_id: string; projects: number; firms: number; workers: number }[] = ids.length
      ? await this.dataSource.query(
          `SELECT cluster_id, count(*)::int AS projects, count(DISTINCT firm_tax_code)::int AS firms,
                  coalesce(sum(workers), 0)::int AS workers
             FROM cluster_tenant WHERE cluster_id = ANY($1) GROUP BY cluster_id`,
          [ids],
        )
      : [];
    const tenantsOf = new Map(tenants.map((t) => [t.cluster_id, t]));
    const today = vietnamDate(new Date());

    const rows = clusters.map((c) => {
      const decision = establishedBy.get(c.id);
      const values: Record<string, unknown> = {
        code: c.code,
        name: c.name,
        commune: c.commune,
        formerDistrict: c.formerDistrict,
        sizeCategory: c.sizeCategory,
        status: c.status,
        'provincialList.decisionNumber': c.provincialListDecision,
        'provincialList.date': dayVi(c.provincialListDate),
        'establishment.number': decision?.decisionNumber ?? null,
        'establishment.date': dayVi(decision?.decisionDate ?? null),
        'establishment.issuedBy': decision?.decisionIssuedBy ?? null,
        'establishment.authority': decision?.decisionAuthority ?? null,
        totalAreaHa: c.totalAreaCentiHa / 100,
        industrialAreaHa: c.industrialAreaCentiHa === null ? null : c.industrialAreaCentiHa / 100,
        leasableAreaHa: c.leasableAreaCentiHa === null ? null : c.leasableAreaCentiHa / 100,
        leasedAreaHa: c.leasedAreaCentiHa === null ? null : c.leasedAreaCentiHa / 100,
        'developer.name': c.developerName,
        'developer.kind': c.developerKind,
        'developer.taxCode': c.developerTaxCode,
        'developer.selection': c.developerSelection,
        'investment.registeredVnd': c.investmentRegisteredVnd,
        'investment.realisedVnd': c.investmentRealisedVnd,
        'infrastructure.roads': c.roadsStatus,
        'infrastructure.power': c.powerStatus,
        'infrastructure.water': c.waterStatus,
        'infrastructure.drainage': c.drainageStatus,
        'infrastructure.wastewaterPlant': c.wastewaterPlantStatus !== null,
        'infrastructure.wastewaterPlant.capacityM3PerDay': c.wastewaterCapacityM3PerDay,
        'infrastructure.wastewaterPlant.status': c.wastewaterPlantStatus,
      };
      const counts = tenantsOf.get(c.id);
      const province = findProvinceUpTo(c.provinceCode, today);
      return [
        ...CLUSTER_SHEET_COLUMNS.map((column) => {
          const value = values[column.field];
          return value === null || value === undefined ? null : sheetLabel(column.field, value);
        }),
        province ? `${c.provinceCode} ${province.nameVi}` : c.provinceCode,
        occupancyView(c.leasableAreaCentiHa, c.leasedAreaCentiHa)?.percentVi ?? null,
        counts?.projects ?? 0,
        counts?.firms ?? 0,
        counts?.workers ?? 0,
        c.revision,
      ];
    });
    return writeClusterWorkbook(rows, EXTRA_COLUMNS);
  }
}
