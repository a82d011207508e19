import ExcelJS from 'exceljs';
import type { ClusterReportFiguresBody, ClusterReportListItem } from '@kc/contracts';

export const REPORT_SHEET = 'Báo cáo CCN';
/** More clusters than any province has; bounds the work one request can cause. */
export const MAX_REPORT_ROWS = 1_000;

export type Cell = string | number | boolean | Date | null;

type Kind = 'code' | 'hectares' | 'vnd' | 'count' | 'plant' | 'capacity';

/** The sheet's columns, A to M: what a row of the developer's form holds. Export adds status columns after. */
export const REPORT_COLUMNS: readonly { header: string; field: string; kind: Kind; width: number }[] = [
  { header: 'Mã CCN', field: 'clusterCode', kind: 'code', width: 16 },
  { header: 'Tổng diện tích (ha)', field: 'areas.totalCentiHa', kind: 'hectares', width: 12 },
  { header: 'Đất công nghiệp (ha)', field: 'areas.industrialCentiHa', kind: 'hectares', width: 12 },
  { header: 'Đất cho thuê được (ha)', field: 'areas.leasableCentiHa', kind: 'hectares', width: 12 },
  { header: 'Đất đã cho thuê (ha)', field: 'areas.leasedCentiHa', kind: 'hectares', width: 12 },
  {
    header: 'Vốn hạ tầng đăng ký (đồng)',
    field: 'infrastructureInvestment.registeredVnd',
    kind: 'vnd',
    width: 18,
  },
  {
    header: 'Vốn hạ tầng thực hiện (đồng)',
    field: 'infrastructureInvestment.realisedVnd',
    kind: 'vnd',
    width: 18,
  },
  { header: 'Số dự án', field: 'tenants.projects', kind: 'count', width: 9 },
  { header: 'Dự án đang hoạt động', field: 'tenants.operatingProjects', kind: 'count', width: 9 },
  { header: 'Số doanh nghiệp', field: 'tenants.firms', kind: 'count', width: 9 },
  { header: 'Số lao động', field: 'tenants.workers', kind: 'count', width: 10 },
  { header: 'Trạm XLNT tập trung', field: 'wastewaterPlant.status', kind: 'plant', width: 16 },
  {
    header: 'Công suất XLNT (m³/ngày)',
    field: 'wastewaterPlant.capacityM3PerDay',
    kind: 'capacity',
    width: 12,
  },
];

/** The plant column's words (Vietnamese, as the form writes them) and the status each means. */
export const PLANT_WORDS: Record<string, 'none' | 'planned' | 'under-construction' | 'in-use'> = {
  'không có': 'none',
  'quy hoạch': 'planned',
  'đang xây dựng': 'under-construction',
  'đang vận hành': 'in-use',
};
/** The plant's word as the export writes it, capitalised (the import reads it in any case). */
const plantWord = (status: string | null) => {
  const word = Object.entries(PLANT_WORDS).find(([, s]) => s === (status ?? 'none'))?.[0] ?? 'không có';
  return word.charAt(0).toUpperCase() + word.slice(1);
};

export const columnLetter = (index: number) => String.fromCharCode(65 + index);

/** An exceljs cell value as plain data: rich text joined, a formula's cached result, a hyperlink's text. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
  }
  return null;
}

/** The first sheet's rows from row 2 (row 1 is the header), with their row numbers; null when not an .xlsx. */
export async function readReportSheet(
  bytes: Buffer,
): Promise<{ sheet: string; rows: { row: number; cells: Cell[] }[]; truncated: boolean } | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const last = Math.min(sheet.rowCount, MAX_REPORT_ROWS + 1);
  const rows: { row: number; cells: Cell[] }[] = [];
  for (let r = 2; r <= last; r++) {
    const cells = REPORT_COLUMNS.map((_, c) => {
      const value = plain(sheet.getRow(r).getCell(c + 1).value);
      return typeof value === 'string' && value.trim() === '' ? null : value;
    });
    if (cells.every((c) => c === null)) continue;
    rows.push({ row: r, cells });
  }
  return { sheet: sheet.name, rows, truncated: sheet.rowCount > last };
}

export interface ExportLine {
  item: ClusterReportListItem;
  /** The figures in force: the approved version's, else the last submitted, else the working ones. */
  figures: ClusterReportFiguresBody | null;
  figuresFrom: string;
}

const hectares = (centi: number) => centi / 100;

/** A period's reports as one sheet whose first 13 columns read back through the import. */
export async function reportWorkbook(title: string, lines: readonly ExportLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(REPORT_SHEET);
  const extra = [
    { header: 'Tên CCN', width: 36 },
    { header: 'Tỉnh', width: 6 },
    { header: 'Trạng thái', width: 20 },
    { header: 'Số liệu theo', width: 22 },
    { header: 'Hạn gửi (trước ngày)', width: 12 },
    { header: 'Ngày gửi lần đầu', width: 12 },
    { header: 'Số ngày trễ', width: 8 },
    { header: 'Quá hạn chưa gửi', width: 8 },
  ];
  const header = sheet.addRow([...REPORT_COLUMNS.map((c) => c.header), ...extra.map((e) => e.header)]);
  header.font = { bold: true };
  [...REPORT_COLUMNS, ...extra].forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  for (const i of [6, 7]) sheet.getColumn(i).numFmt = '#,##0';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const day = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);
  for (const { item, figures, figuresFrom } of lines) {
    const f = figures;
    sheet.addRow([
      item.clusterCode,
      f ? hectares(f.areas.totalCentiHa) : null,
      f ? hectares(f.areas.industrialCentiHa) : null,
      f ? hectares(f.areas.leasableCentiHa) : null,
      f ? hectares(f.areas.leasedCentiHa) : null,
      f?.infrastructureInvestment.registeredVnd ?? null,
      f?.infrastructureInvestment.realisedVnd ?? null,
      f?.tenants.projects ?? null,
      f?.tenants.operatingProjects ?? null,
      f?.tenants.firms ?? null,
      f?.tenants.workers ?? null,
      f ? plantWord(f.wastewaterPlant?.status ?? null) : null,
      f?.wastewaterPlant?.capacityM3PerDay ?? null,
      item.clusterName,
      item.provinceCode,
      item.statusLabel,
      figuresFrom,
      day(item.dueBefore),
      day(item.firstSubmittedOn),
      item.daysLate,
      item.overdue ? 'Có' : 'Không',
    ]);
  }
  const note = workbook.addWorksheet('Ghi chú');
  note.addRow([title]).font = { bold: true };
  note.addRow([
    'Diện tích ghi bằng héc-ta, tối đa hai chữ số thập phân; tiền ghi bằng đồng (số nguyên). Cột L: ' +
      Object.keys(PLANT_WORDS).join(' / ') +
      '. Cột A–M nhập lại được qua POST /api/v1/cluster-report-imports.',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
