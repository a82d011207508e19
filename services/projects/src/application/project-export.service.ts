import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { listProvinceFilter } from '@kc/auth';
import { projectStatusLabels, type ExportProjectsQuery, type Principal } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import { COVERAGE_START, findProvince } from '@kc/reference-data';
import { ProjectEntity } from '../infrastructure/persistence/project.entity';
import { projectListWhere } from './project-search';

/** One sheet holds this many projects at most; a wider list is narrowed with the filters. */
export const MAX_EXPORT_ROWS = 60_000;

const KIND_VI = { ordinary: 'Thường', flagship: 'Điểm', group: 'Nhóm' } as const;

/** The sheet's columns: header, width, and whether the cells are VND amounts (numbers, grouped). */
export const EXPORT_COLUMNS: readonly { header: string; width: number; money?: true }[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã đề án', width: 18 },
  { header: 'Tên đề án', width: 50 },
  { header: 'Năm kế hoạch', width: 8 },
  { header: 'Nguồn kinh phí', width: 9 },
  { header: 'Loại đề án', width: 9 },
  { header: 'Nội dung khuyến công', width: 10 },
  { header: 'Đơn vị thực hiện', width: 36 },
  { header: 'Tỉnh/thành phố', width: 16 },
  { header: 'Xã/phường', width: 16 },
  { header: 'Ngày bắt đầu', width: 12 },
  { header: 'Ngày kết thúc', width: 12 },
  { header: 'Kinh phí KCQG (đồng)', width: 17, money: true },
  { header: 'Kinh phí KCĐP (đồng)', width: 17, money: true },
  { header: 'Vốn đối ứng (đồng)', width: 17, money: true },
  { header: 'Nguồn khác (đồng)', width: 17, money: true },
  { header: 'Tổng kinh phí (đồng)', width: 17, money: true },
  { header: 'Đề nghị hỗ trợ (đồng)', width: 17, money: true },
  { header: 'Được phân bổ (đồng)', width: 17, money: true },
  { header: 'Giá trị hợp đồng (đồng)', width: 17, money: true },
  { header: 'Tạm ứng còn lại (đồng)', width: 17, money: true },
  { header: 'Đã chi (đồng)', width: 17, money: true },
  { header: 'Tiến độ (%)', width: 8 },
  { header: 'Tháng báo cáo gần nhất', width: 10 },
  { header: 'Trạng thái', width: 20 },
];

const dayVi = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

/** The unit's name in the plan year (the 2025 reorganisation changed names mid-year), else its code. */
function provinceName(code: string, year: number): string {
  for (const date of [`${year}-12-31`, `${year}-01-01`]) {
    if (date < COVERAGE_START) continue;
    const unit = findProvince(code, date);
    if (unit) return unit.nameVi;
  }
  return code;
}

@Injectable()
export class ProjectExportService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every project the list would show for these filters (all pages), as an .xlsx with Vietnamese headers. */
  async workbook(principal: Principal, query: ExportProjectsQuery): Promise<Buffer> {
    const builder = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p');
    projectListWhere(builder, {
      ...query,
      provinceCodes: listProvinceFilter(principal, query.provinceCode, query.unitAsOf),
    });
    const projects = await builder
      .orderBy('p.plan_year', 'DESC')
      .addOrderBy('p.code', 'ASC')
      .take(MAX_EXPORT_ROWS + 1)
      .getMany();
    if (projects.length > MAX_EXPORT_ROWS)
      throw new RuleViolationError(
        {
          vi: `Hơn ${MAX_EXPORT_ROWS} đề án khớp bộ lọc; thu hẹp bộ lọc (năm, tỉnh, trạng thái…)`,
          en: `More than ${MAX_EXPORT_ROWS} projects match; narrow the filters`,
        },
        'export.too-many-rows',
      );

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách đề án');
    sheet.addRow(EXPORT_COLUMNS.map((c) => c.header)).font = { bold: true };
    projects.forEach((p, i) => {
      sheet.addRow([
        i + 1,
        p.code,
        p.title,
        p.planYear,
        p.fundingSource === 'KCQG' ? 'KCQG' : 'KCĐP',
        KIND_VI[p.kind],
        p.activityContents.join('; '),
        p.implementingUnit,
        provinceName(p.provinceCode, p.planYear),
        p.commune,
        dayVi(p.startDate),
        dayVi(p.endDate),
        p.kcqgVnd,
        p.kcdpVnd,
        p.counterpartVnd,
        p.otherVnd,
        p.kcqgVnd + p.kcdpVnd + p.counterpartVnd + p.otherVnd,
        p.requestedSupportVnd,
        p.allocatedSupportVnd,
        p.contractValueVnd,
        p.advancedVnd,
        p.paidVnd,
        p.lastProgressPercent,
        p.lastProgressMonth,
        projectStatusLabels[p.status],
      ]);
    });
    EXPORT_COLUMNS.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.width;
      if (c.money) column.numFmt = '#,##0';
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
