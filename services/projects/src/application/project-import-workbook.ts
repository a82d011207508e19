import ExcelJS from 'exceljs';
import { formatVnd, type FundingNormView } from '@kc/contracts';
import { activityContents } from '@kc/reference-data';
import { dayVi, percent } from '../domain/funding-norm';
import {
  ADVANCE_CATEGORY_LABELS,
  KIND_LABELS,
  PROCUREMENT_LABELS,
  SHEET_COLUMNS,
  type SheetCell,
} from '../domain/project-sheet';

export const SHEET_NAME = 'Danh sách đề án';
/** More rows than a province registers in a year by far; bounds the work one request can cause. */
export const MAX_SHEET_ROWS = 2_000;

/** An exceljs cell value as plain data: rich text joined, a formula's cached result, a hyperlink's text. */
function plain(value: ExcelJS.CellValue): SheetCell {
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

/**
 * The cells of the first worksheet, row 1 first, as plain values; null when the bytes are not an .xlsx
 * workbook. Rows past MAX_SHEET_ROWS are not read (the caller reports it).
 */
export async function readSheet(bytes: Buffer): Promise<{ rows: SheetCell[][]; truncated: boolean } | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const last = Math.min(sheet.rowCount, MAX_SHEET_ROWS + 10);
  const rows: SheetCell[][] = [];
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    rows.push(SHEET_COLUMNS.map((_, c) => plain(row.getCell(c + 1).value)));
  }
  return { rows, truncated: sheet.rowCount > last };
}

/** What a norm allows, for the guide: `tối đa 30 % tổng kinh phí; tối đa 1.000.000.000 VND/mô hình`. */
function capsOf(norm: FundingNormView): string {
  const caps = [];
  if (norm.maxPercentBp !== null) caps.push(`tối đa ${percent(norm.maxPercentBp, ',')} tổng kinh phí`);
  if (norm.maxVndPerUnit !== null) caps.push(`tối đa ${formatVnd(norm.maxVndPerUnit)} VND/${norm.unit}`);
  return caps.join('; ');
}

/**
 * The norm codes column O takes, as plans lists them in force on `asOf` (national, and a province officer's
 * own province's); `norms` undefined when plans could not be asked: the guide then only says where to look.
 */
export interface TemplateNorms {
  asOf: string;
  norms: readonly FundingNormView[] | undefined;
}

/** The template: a title, the header row, and a second sheet explaining every column and its values. */
export async function importTemplate(norms: TemplateNorms): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  const title = sheet.addRow(['Danh sách đề án khuyến công đăng ký (mỗi dòng một đề án, từ dòng 3)']);
  title.font = { bold: true, size: 14 };
  const header = sheet.addRow(SHEET_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  sheet.columns.forEach((column, i) => (column.width = SHEET_COLUMNS[i]?.width ?? 12));
  for (const i of [10, 11, 12, 13]) sheet.getColumn(i + 1).numFmt = '#,##0';
  sheet.views = [{ state: 'frozen', ySplit: 2 }];

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.addRow(['Cột', 'Tiêu đề', 'Bắt buộc', 'Ví dụ']).font = { bold: true };
  SHEET_COLUMNS.forEach((c, i) =>
    guide.addRow([String.fromCharCode(65 + i), c.header, c.optional ? 'Không' : 'Có', c.example]),
  );
  guide.addRow([]);
  const lists: [string, string[]][] = [
    ['Loại đề án', Object.keys(KIND_LABELS)],
    ['Hình thức lựa chọn', Object.keys(PROCUREMENT_LABELS)],
    ['Nhóm tạm ứng', Object.keys(ADVANCE_CATEGORY_LABELS)],
    ['Nội dung khuyến công', activityContents.map((a) => `${a.code}: ${a.nameVi}`)],
  ];
  for (const [name, values] of lists) {
    guide.addRow([name]).font = { bold: true };
    for (const value of values) guide.addRow(['', value]);
  }
  guide.addRow([`Mã định mức (cột O), có hiệu lực ngày ${dayVi(norms.asOf)}`]).font = { bold: true };
  for (const n of norms.norms ?? []) {
    guide.addRow([
      '',
      n.code,
      n.provinceCode ? `Tỉnh ${n.provinceCode}` : 'Quốc gia',
      `${n.nameVi} (nội dung ${n.activityContent}): ${capsOf(n)}. Căn cứ: ${n.legalBasis}`,
    ]);
  }
  guide.addRow([
    '',
    (norms.norms ? '' : 'Chưa lấy được danh mục định mức lúc tạo mẫu. ') +
      'Định mức áp dụng là phiên bản có hiệu lực vào ngày bắt đầu đề án (kế hoạch địa phương: định mức riêng ' +
      'của tỉnh nếu có); danh mục theo ngày: GET /api/v1/funding-norms?asOf=yyyy-mm-dd&provinceCode=<mã tỉnh>',
  ]);
  guide.addRow([]);
  guide.addRow([
    'Ngày ghi dd/mm/yyyy; số tiền ghi bằng đồng (số nguyên); nhiều nội dung cách nhau bởi dấu ";"; ' +
      'mỗi cơ sở thụ hưởng một dòng trong ô, dạng "MST | Tên | Loại hình".',
  ]);
  guide.columns.forEach((column, i) => (column.width = [8, 60, 10, 50][i] ?? 12));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
