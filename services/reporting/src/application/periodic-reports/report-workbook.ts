import ExcelJS from 'exceljs';
import type { PeriodicReportImportProblem } from '@kc/contracts';
import { cellsOf, type FormDefinition, type FormVersion } from '../../domain/periodic-reports';

/**
 * The Excel template of a form version and its reading back (issue 16, "Excel template per form, import with dry
 * run naming every bad cell"). Vietnamese labels first. The layout is fixed so a filled-in copy reads back:
 * - "Chỉ tiêu": one row per indicator cell — code, labels, unit, the platform's figure, the province's figure,
 *   the explanation of a difference; only the last two columns are unlocked.
 * - "Thuyết minh": one row per narrative field; only the text column is unlocked.
 * - "Thông tin": the form, version and report the file belongs to (checked on import).
 */
export const INDICATOR_SHEET = 'Chỉ tiêu';
export const NARRATIVE_SHEET = 'Thuyết minh';
export const INFO_SHEET = 'Thông tin';

/** Columns of the indicator sheet. */
const IND = { key: 'A', vi: 'B', en: 'C', unit: 'D', platform: 'E', entered: 'F', explanation: 'G' } as const;
/** Columns of the narrative sheet. */
const NAR = { key: 'A', vi: 'B', en: 'C', required: 'D', maxLength: 'E', text: 'F' } as const;

const MAX_EXPLANATION = 5_000;

/** What a report contributes to its template: the platform's column and what was entered so far. */
export interface TemplateFill {
  reportId: string;
  period: string;
  provinceCode: string;
  platform: Readonly<Record<string, number>>;
  entered: Readonly<Record<string, number>>;
  explanations: Readonly<Record<string, string>>;
  narratives: Readonly<Record<string, string>>;
}

export async function writeTemplate(
  form: FormDefinition,
  version: FormVersion,
  fill: TemplateFill | null,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const info = workbook.addWorksheet(INFO_SHEET);
  const indicators = workbook.addWorksheet(INDICATOR_SHEET);
  const narratives = workbook.addWorksheet(NARRATIVE_SHEET);
  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' },
  ];

  info.columns = [{ width: 34 }, { width: 70 }];
  for (const row of [
    ['Biểu mẫu / Form', form.id],
    ['Phiên bản / Version', version.version],
    ['Tên biểu mẫu', form.title.vi],
    ['Form title', form.title.en],
    ['Hiệu lực từ / Effective from', version.effectiveFrom],
    ['Báo cáo / Report', fill?.reportId ?? ''],
    ['Kỳ / Period', fill?.period ?? ''],
    ['Đơn vị / Unit', fill?.provinceCode ?? ''],
  ])
    info.addRow(row);
  info.getColumn(1).font = { bold: true };

  indicators.columns = [
    { header: 'Mã ô / Cell key', width: 34 },
    { header: 'Chỉ tiêu', width: 60 },
    { header: 'Indicator', width: 50 },
    { header: 'Đơn vị tính / Unit', width: 16 },
    { header: 'Số liệu nền tảng / Platform figure', width: 22 },
    { header: 'Số liệu của đơn vị / Entered', width: 22 },
    { header: 'Giải trình chênh lệch / Explanation of a difference', width: 60 },
  ];
  indicators.getRow(1).font = { bold: true };
  for (const cell of cellsOf(version)) {
    const row = indicators.addRow([
      cell.key,
      cell.label.vi,
      cell.label.en,
      cell.measure === 'vnd' ? 'đồng / VND' : 'số lượng / count',
      fill && Object.hasOwn(fill.platform, cell.key) ? fill.platform[cell.key] : null,
      fill && Object.hasOwn(fill.entered, cell.key) ? fill.entered[cell.key] : null,
      fill?.explanations[cell.key] ?? null,
    ]);
    if (cell.measure === 'vnd') {
      row.getCell(IND.platform).numFmt = '#,##0';
      row.getCell(IND.entered).numFmt = '#,##0';
    }
    for (const column of [IND.entered, IND.explanation]) row.getCell(column).protection = { locked: false };
  }
  indicators.views = [{ state: 'frozen', ySplit: 1 }];

  narratives.columns = [
    { header: 'Mã mục / Field key', width: 20 },
    { header: 'Nội dung thuyết minh', width: 50 },
    { header: 'Narrative', width: 40 },
    { header: 'Bắt buộc / Required', width: 14 },
    { header: 'Tối đa ký tự / Max length', width: 14 },
    { header: 'Nội dung / Text', width: 100 },
  ];
  narratives.getRow(1).font = { bold: true };
  for (const field of version.narratives) {
    const row = narratives.addRow([
      field.key,
      field.label.vi,
      field.label.en,
      field.required ? 'Có / Yes' : 'Không / No',
      field.maxLength,
      fill?.narratives[field.key] ?? null,
    ]);
    row.getCell(NAR.text).protection = { locked: false };
    row.getCell(NAR.text).alignment = { wrapText: true, vertical: 'top' };
  }
  // Protected so the codes and labels stay where the import reads them; no password: it guards against slips.
  for (const sheet of [info, indicators, narratives])
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What a filled-in template says, or the problems of its cells. */
export interface ReadTemplate {
  formId: string | null;
  version: number | null;
  reportId: string | null;
  values: Record<string, number>;
  explanations: Record<string, string>;
  narratives: Record<string, string>;
  problems: PeriodicReportImportProblem[];
  /** Where each cell key or narrative key was read: for naming the cells of the domain's refusals. */
  where: Map<string, { sheet: string; row: number; column: string }>;
}

type Plain = string | number | boolean | Date | null;

function plain(value: ExcelJS.CellValue): Plain {
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

const blank = (v: Plain) => v === null || (typeof v === 'string' && v.trim() === '');

/** "1.234.567", "1,234,567", "1 234 567" or "1234567": a whole number written with grouping. */
function wholeNumber(v: Plain): number | 'not-a-number' | 'negative' | 'not-whole' {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = v.trim();
    if (/^-/.test(s)) return 'negative';
    if (/^\d{1,3}([.,\s]\d{3})+$/.test(s) || /^\d+$/.test(s)) n = Number(s.replace(/[.,\s]/g, ''));
    else if (/^\d+[.,]\d+$/.test(s)) return 'not-whole';
    else return 'not-a-number';
  } else return 'not-a-number';
  if (!Number.isFinite(n)) return 'not-a-number';
  if (n < 0) return 'negative';
  if (!Number.isInteger(n)) return 'not-whole';
  if (!Number.isSafeInteger(n)) return 'not-a-number';
  return n;
}

const VALUE_RULES = {
  'not-a-number': { vi: 'phải là một số', en: 'must be a number' },
  negative: { vi: 'không được âm', en: 'must not be negative' },
  'not-whole': { vi: 'phải là số nguyên', en: 'must be a whole number' },
} as const;

/**
 * Reads a filled-in template against the form version it must belong to, naming every bad cell (sheet, row,
 * column, indicator, rule); null when the bytes are not an .xlsx workbook.
 */
export async function readTemplate(bytes: Buffer, version: FormVersion): Promise<ReadTemplate | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const out: ReadTemplate = {
    formId: null,
    version: null,
    reportId: null,
    values: {},
    explanations: {},
    narratives: {},
    problems: [],
    where: new Map(),
  };
  const problem = (
    sheet: string,
    row: number,
    column: string | null,
    indicator: string | null,
    rule: string,
    message: { vi: string; en: string },
  ) =>
    out.problems.push({
      sheet,
      row,
      column,
      indicator,
      rule: `periodic-report-import.${rule}`,
      message: `${message.vi} / ${message.en}`,
    });

  const info = workbook.getWorksheet(INFO_SHEET);
  if (info) {
    const text = (r: number) => {
      const v = plain(info.getRow(r).getCell(2).value);
      return blank(v) ? null : String(v).trim();
    };
    out.formId = text(1);
    out.version = text(2) === null ? null : Number(text(2));
    out.reportId = text(6);
  }

  const cells = new Map(cellsOf(version).map((c) => [c.key, c]));
  const indicators = workbook.getWorksheet(INDICATOR_SHEET);
  if (!indicators) {
    problem(INDICATOR_SHEET, 1, null, null, 'sheet-missing', {
      vi: `Tệp không có trang "${INDICATOR_SHEET}" của mẫu`,
      en: `The file has no "${INDICATOR_SHEET}" sheet of the template`,
    });
  } else {
    for (let r = 2; r <= Math.min(indicators.rowCount, 2_000); r++) {
      const row = indicators.getRow(r);
      const key = plain(row.getCell(IND.key).value);
      const entered = plain(row.getCell(IND.entered).value);
      const explanation = plain(row.getCell(IND.explanation).value);
      if (blank(key)) {
        if (!blank(entered) || !blank(explanation))
          problem(INDICATOR_SHEET, r, IND.key, null, 'cell-key-missing', {
            vi: 'Dòng có số liệu nhưng thiếu mã ô',
            en: 'The row has a figure but no cell key',
          });
        continue;
      }
      const cellKey = String(key).trim();
      const cell = cells.get(cellKey);
      if (!cell) {
        problem(INDICATOR_SHEET, r, IND.key, cellKey, 'unknown-indicator', {
          vi: `Biểu mẫu phiên bản ${version.version} không có chỉ tiêu "${cellKey}"`,
          en: `Version ${version.version} of the form has no indicator "${cellKey}"`,
        });
        continue;
      }
      if (out.where.has(cellKey)) {
        problem(INDICATOR_SHEET, r, IND.key, cellKey, 'repeated-indicator', {
          vi: `Chỉ tiêu "${cellKey}" đã có ở dòng ${out.where.get(cellKey)!.row}`,
          en: `Indicator "${cellKey}" already appears on row ${out.where.get(cellKey)!.row}`,
        });
        continue;
      }
      out.where.set(cellKey, { sheet: INDICATOR_SHEET, row: r, column: IND.entered });
      if (!blank(entered)) {
        const n = wholeNumber(entered);
        if (typeof n === 'number') out.values[cellKey] = n;
        else
          problem(INDICATOR_SHEET, r, IND.entered, cellKey, `value-${n}`, {
            vi: `"${cell.label.vi}" ${VALUE_RULES[n].vi}`,
            en: `"${cell.label.en}" ${VALUE_RULES[n].en}`,
          });
      }
      if (!blank(explanation)) {
        const text = String(explanation).normalize('NFC').trim();
        if (text.length > MAX_EXPLANATION)
          problem(INDICATOR_SHEET, r, IND.explanation, cellKey, 'explanation-too-long', {
            vi: `Giải trình dài quá ${MAX_EXPLANATION} ký tự`,
            en: `The explanation is longer than ${MAX_EXPLANATION} characters`,
          });
        else out.explanations[cellKey] = text;
      }
    }
  }

  const fields = new Map(version.narratives.map((n) => [n.key, n]));
  const narratives = workbook.getWorksheet(NARRATIVE_SHEET);
  if (narratives) {
    for (let r = 2; r <= Math.min(narratives.rowCount, 200); r++) {
      const row = narratives.getRow(r);
      const key = plain(row.getCell(NAR.key).value);
      const text = plain(row.getCell(NAR.text).value);
      if (blank(key)) continue;
      const fieldKey = String(key).trim();
      const field = fields.get(fieldKey);
      if (!field) {
        problem(NARRATIVE_SHEET, r, NAR.key, fieldKey, 'unknown-narrative', {
          vi: `Biểu mẫu không có mục thuyết minh "${fieldKey}"`,
          en: `The form has no narrative "${fieldKey}"`,
        });
        continue;
      }
      out.where.set(`narratives.${fieldKey}`, { sheet: NARRATIVE_SHEET, row: r, column: NAR.text });
      if (blank(text)) continue;
      const value = String(text).normalize('NFC');
      if (value.length > field.maxLength)
        problem(NARRATIVE_SHEET, r, NAR.text, fieldKey, 'narrative-too-long', {
          vi: `"${field.label.vi}" dài quá ${field.maxLength} ký tự`,
          en: `"${field.label.en}" is longer than ${field.maxLength} characters`,
        });
      else out.narratives[fieldKey] = value;
    }
  }
  return out;
}
