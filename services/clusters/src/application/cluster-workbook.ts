import ExcelJS from 'exceljs';
import { CLUSTER_SHEET_COLUMNS, CLUSTER_SHEET_NAME, type SheetCell } from './cluster-sheet';

/** More rows than a province has clusters by far; bounds the work one request can cause. */
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

export interface ReadSheet {
  name: string;
  /** Row 1 first. */
  rows: SheetCell[][];
  truncated: boolean;
}

/**
 * The cells of the sheet named like the template (else the first), as plain values; null when the bytes are
 * not an .xlsx workbook. Rows past MAX_SHEET_ROWS are not read (the caller reports it).
 */
export async function readClusterSheet(bytes: Buffer): Promise<ReadSheet | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.getWorksheet(CLUSTER_SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) return null;
  const last = Math.min(sheet.rowCount, MAX_SHEET_ROWS + 1);
  const rows: SheetCell[][] = [];
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    rows.push(CLUSTER_SHEET_COLUMNS.map((_, c) => plain(row.getCell(c + 1).value)));
  }
  return { name: sheet.name, rows, truncated: sheet.rowCount > last };
}

export interface ExtraColumn {
  header: string;
  width: number;
}

/** A workbook of the sheet's columns (and `extra` after them), header row frozen; money grouped. */
export async function writeClusterWorkbook(
  rows: readonly unknown[][],
  extra: readonly ExtraColumn[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(CLUSTER_SHEET_NAME);
  const columns = [...CLUSTER_SHEET_COLUMNS, ...extra];
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  CLUSTER_SHEET_COLUMNS.forEach((c, i) => {
    if (c.kind === 'vnd') sheet.getColumn(i + 1).numFmt = '#,##0';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
