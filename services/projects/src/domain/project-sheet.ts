import { foldDiacritics } from '@kc/reference-data';

/**
 * The province registration sheet (danh sách đề án đăng ký): one row per project under a header row whose
 * Vietnamese headers name the columns. This module turns the cells (already read out of the workbook as plain
 * values) into request fields, reporting every cell it cannot read; the business rules that follow (the
 * registration request's schema, the lifecycle, double funding) are checked by the registration use case.
 */

/** A cell as read from the workbook: text, number, a date cell, a boolean, or empty. */
export type SheetCell = string | number | boolean | Date | null;

export interface CellProblem {
  /** The sheet's row number (1-based, as Excel shows it). */
  row: number;
  /** The column letter (`B`), or null for a problem with the whole row or sheet. */
  column: string | null;
  /** The request field the cell feeds, or null. */
  field: string | null;
  /** A stable rule code, e.g. `required`, `date`, `project.double-funding`. */
  rule: string;
  message: string;
}

type Parsed = { ok: true; value: unknown } | { ok: false; rule: string; message: string };
type Parser = (cell: SheetCell) => Parsed;

export interface SheetColumn {
  header: string;
  /** The request field, or null for the row number column. */
  field: string | null;
  /** Empty cell allowed: the field then takes `emptyValue`, or is left out when there is none. */
  optional: boolean;
  emptyValue?: unknown;
  parse: Parser;
  /** Shown in the template's example row. */
  example: SheetCell;
  width: number;
}

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (rule: string, message: string): Parsed => ({ ok: false, rule, message });

const asText = (cell: SheetCell): string =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).normalize('NFC').trim();

const textCell =
  (max: number): Parser =>
  (cell) => {
    const value = asText(cell).replace(/\s+/g, ' ');
    return value.length > max
      ? bad('text.too-long', `dài quá ${max} ký tự / longer than ${max} characters`)
      : ok(value);
  };

/** Whole VND, written as a number cell or as text with Vietnamese (.) or English (,) digit grouping. */
const vndCell: Parser = (cell) => {
  const value =
    typeof cell === 'number'
      ? cell
      : /^[\d.,\s]+$/.test(asText(cell))
        ? Number(asText(cell).replace(/[.,\s]/g, ''))
        : NaN;
  if (!Number.isSafeInteger(value) || value < 0)
    return bad('vnd', 'phải là số tiền nguyên không âm (đồng) / must be a whole, non-negative number of VND');
  return ok(value);
};

const positiveIntegerCell: Parser = (cell) => {
  const value = typeof cell === 'number' ? cell : Number(asText(cell));
  if (!Number.isSafeInteger(value) || value < 1)
    return bad('integer', 'phải là số nguyên dương / must be a positive whole number');
  return ok(value);
};

/** A date cell, or text `dd/mm/yyyy` (the Vietnamese way) or `yyyy-mm-dd`. */
const dateCell: Parser = (cell) => {
  let iso: string | undefined;
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) iso = cell.toISOString().slice(0, 10);
  else {
    const text = asText(cell);
    const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (vi) iso = `${vi[3]}-${vi[2].padStart(2, '0')}-${vi[1].padStart(2, '0')}`;
    else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = text;
  }
  const valid = iso !== undefined && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
  return valid ? ok(iso) : bad('date', 'phải là ngày dd/mm/yyyy / must be a date dd/mm/yyyy');
};

const provinceCell: Parser = (cell) => {
  const text =
    typeof cell === 'number' && Number.isInteger(cell) ? String(cell).padStart(2, '0') : asText(cell);
  return /^\d{2}$/.test(text)
    ? ok(text)
    : bad('province-code', 'phải là mã tỉnh 2 chữ số / must be a two-digit provincial unit code');
};

/** `3` or `3; 4` (commas, semicolons or spaces between): distinct contents 1–9. */
const contentsCell: Parser = (cell) => {
  const parts = asText(cell)
    .split(/[;,\s]+/)
    .filter(Boolean);
  const codes = parts.map(Number);
  if (codes.length === 0 || codes.some((c) => !Number.isInteger(c) || c < 1 || c > 9))
    return bad(
      'activity-contents',
      'phải là các số 1–9, cách nhau bởi dấu ; / must be contents 1–9 separated by ;',
    );
  if (new Set(codes).size !== codes.length)
    return bad('activity-contents', 'một nội dung ghi hai lần / a content appears twice');
  return ok(codes);
};

/** Items separated by `;` or line breaks. */
const listCell =
  (max: number): Parser =>
  (cell) => {
    const items = asText(cell)
      .split(/[;\n]+/)
      .map((s) => s.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    return items.some((s) => s.length > max)
      ? bad('text.too-long', `mỗi mục tối đa ${max} ký tự / each item at most ${max} characters`)
      : ok(items);
  };

/** A closed list, matched ignoring case and diacritics; the request value is the English code. */
const choiceCell = (choices: Record<string, string>): Parser => {
  const byKey = new Map<string, string>();
  for (const [label, value] of Object.entries(choices)) {
    byKey.set(foldDiacritics(label), value);
    byKey.set(foldDiacritics(value), value);
  }
  const allowed = Object.keys(choices).join(' | ');
  return (cell) => {
    const value = byKey.get(foldDiacritics(asText(cell)));
    return value ? ok(value) : bad('choice', `phải là một trong: ${allowed} / must be one of: ${allowed}`);
  };
};

export const LEGAL_FORM_LABELS = {
  'Hộ kinh doanh': 'household-business',
  'Tổ hợp tác': 'cooperative-group',
  'Hợp tác xã': 'cooperative',
  'Doanh nghiệp': 'enterprise',
} as const;
const LEGAL_FORMS = Object.keys(LEGAL_FORM_LABELS).join(', ');
const legalFormCell = choiceCell(LEGAL_FORM_LABELS);

/** One facility per line (or `;`): `tax code | name | legal form`; the request schema checks the tax code. */
const beneficiariesCell: Parser = (cell) => {
  const lines = asText(cell)
    .split(/[;\n]+/)
    .map((line) => line.trim())
    .filter(Boolean);
  const facilities = [];
  for (const [i, line] of lines.entries()) {
    const parts = line.split('|').map((part) => part.trim().replace(/\s+/g, ' '));
    const form = parts.length === 3 ? legalFormCell(parts[2]) : undefined;
    if (parts.length !== 3 || parts.some((x) => x === '') || !form?.ok)
      return bad(
        'beneficiary',
        `cơ sở thứ ${i + 1} phải ghi "MST | Tên | Loại hình" (loại hình: ${LEGAL_FORMS}) / ` +
          `facility ${i + 1} must read "tax code | name | legal form"`,
      );
    facilities.push({ taxCode: parts[0], name: parts[1], legalForm: form.value });
  }
  return ok(facilities);
};

export const KIND_LABELS = { Thường: 'ordinary', Điểm: 'flagship', Nhóm: 'group' } as const;
export const PROCUREMENT_LABELS = { 'Đấu thầu': 'bidding', 'Lựa chọn': 'selection' } as const;
export const ADVANCE_CATEGORY_LABELS = {
  'Hạ tầng cụm công nghiệp': 'cluster-infrastructure',
  'Đào tạo, sự kiện, truyền thông': 'training-events-media',
  'Mô hình, máy móc thiết bị': 'model-machinery',
  'Hỗ trợ thành lập doanh nghiệp': 'enterprise-founding',
} as const;

/** The template's columns, A to S, in order. */
export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { header: 'STT', field: null, optional: true, parse: ok, example: 1, width: 6 },
  {
    header: 'Tên đề án',
    field: 'title',
    optional: false,
    parse: textCell(500),
    example: 'Hỗ trợ xây dựng mô hình trình diễn kỹ thuật sản xuất gạch không nung',
    width: 50,
  },
  {
    header: 'Loại đề án',
    field: 'kind',
    optional: false,
    parse: choiceCell(KIND_LABELS),
    example: 'Thường',
    width: 12,
  },
  {
    header: 'Nội dung khuyến công',
    field: 'activityContents',
    optional: false,
    parse: contentsCell,
    example: '3',
    width: 14,
  },
  {
    header: 'Đơn vị thực hiện',
    field: 'implementingUnit',
    optional: false,
    parse: textCell(300),
    example: 'Trung tâm Khuyến công tỉnh Nghệ An',
    width: 36,
  },
  {
    header: 'Đơn vị phối hợp',
    field: 'partners',
    optional: true,
    emptyValue: [],
    parse: listCell(300),
    example: 'Công ty TNHH Gạch Việt',
    width: 30,
  },
  { header: 'Mã tỉnh', field: 'provinceCode', optional: false, parse: provinceCell, example: '40', width: 9 },
  {
    header: 'Xã/phường',
    field: 'commune',
    optional: true,
    parse: textCell(200),
    example: 'Xã Diễn Châu',
    width: 20,
  },
  {
    header: 'Ngày bắt đầu',
    field: 'startDate',
    optional: false,
    parse: dateCell,
    example: '01/03/2026',
    width: 13,
  },
  {
    header: 'Ngày kết thúc',
    field: 'endDate',
    optional: false,
    parse: dateCell,
    example: '30/11/2026',
    width: 13,
  },
  {
    header: 'Kinh phí KCQG (đồng)',
    field: 'kcqgVnd',
    optional: true,
    emptyValue: 0,
    parse: vndCell,
    example: 600000000,
    width: 18,
  },
  {
    header: 'Kinh phí KCĐP (đồng)',
    field: 'kcdpVnd',
    optional: true,
    emptyValue: 0,
    parse: vndCell,
    example: 0,
    width: 18,
  },
  {
    header: 'Vốn đối ứng (đồng)',
    field: 'counterpartVnd',
    optional: true,
    emptyValue: 0,
    parse: vndCell,
    example: 1400000000,
    width: 18,
  },
  {
    header: 'Nguồn khác (đồng)',
    field: 'otherVnd',
    optional: true,
    emptyValue: 0,
    parse: vndCell,
    example: 0,
    width: 18,
  },
  {
    header: 'Mã định mức',
    field: 'normCode',
    optional: true,
    parse: textCell(50),
    // A national norm in force (plans' seed, 28/2018/TT-BTC) that fits the example row: 30 % of its cost.
    example: 'demonstration-model',
    width: 16,
  },
  {
    header: 'Số đơn vị định mức',
    field: 'normUnits',
    optional: true,
    parse: positiveIntegerCell,
    example: 1,
    width: 10,
  },
  {
    header: 'Hình thức lựa chọn',
    field: 'procurementMode',
    optional: false,
    parse: choiceCell(PROCUREMENT_LABELS),
    example: 'Lựa chọn',
    width: 14,
  },
  {
    header: 'Nhóm tạm ứng',
    field: 'advanceCategory',
    optional: false,
    parse: choiceCell(ADVANCE_CATEGORY_LABELS),
    example: 'Mô hình, máy móc thiết bị',
    width: 28,
  },
  {
    header: 'Cơ sở thụ hưởng (MST | Tên | Loại hình)',
    field: 'beneficiaries',
    optional: true,
    emptyValue: [],
    parse: beneficiariesCell,
    example: '2901234567 | Công ty TNHH Gạch Việt | Doanh nghiệp',
    width: 48,
  },
];

/** `A`, `B`, … for a 0-based column index (the template has fewer than 27 columns). */
export const columnLetter = (index: number) => String.fromCharCode(65 + index);

/** The column letter that feeds a request field, or null. */
export function columnOfField(field: string): string | null {
  const index = SHEET_COLUMNS.findIndex((c) => c.field === field);
  return index < 0 ? null : columnLetter(index);
}

export interface ParsedRow {
  row: number;
  /** The request fields read from the row (those that could be read). */
  fields: Record<string, unknown>;
  problems: CellProblem[];
}

export interface ParsedSheet {
  rows: ParsedRow[];
  /** Problems with the sheet itself (no header row, wrong headers): nothing else is read. */
  sheetProblems: CellProblem[];
}

const isEmpty = (cell: SheetCell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** The header row is the first row whose second cell reads `Tên đề án` (the template puts a title above it). */
function findHeaderRow(rows: readonly (readonly SheetCell[])[]): number {
  const wanted = foldDiacritics(SHEET_COLUMNS[1].header);
  return rows.findIndex(
    (cells) => !isEmpty(cells[1]) && foldDiacritics(asText(cells[1] as SheetCell)) === wanted,
  );
}

/**
 * Reads every data row below the header row (blank rows are skipped). `rows[i]` holds the cells of sheet row
 * `firstRow + i`, column A first.
 */
export function parseSheet(rows: readonly (readonly SheetCell[])[], firstRow = 1): ParsedSheet {
  const headerIndex = findHeaderRow(rows);
  if (headerIndex < 0) {
    return {
      rows: [],
      sheetProblems: [
        {
          row: firstRow,
          column: null,
          field: null,
          rule: 'sheet.no-header',
          message:
            'Không tìm thấy dòng tiêu đề (cột B "Tên đề án"); dùng mẫu GET /api/v1/projects/import-template.xlsx / ' +
            'No header row (column B "Tên đề án"); use the template',
        },
      ],
    };
  }
  const headerRow = firstRow + headerIndex;
  const headers = rows[headerIndex];
  const sheetProblems: CellProblem[] = SHEET_COLUMNS.flatMap((column, i) =>
    foldDiacritics(isEmpty(headers[i]) ? '' : asText(headers[i] as SheetCell)) ===
    foldDiacritics(column.header)
      ? []
      : [
          {
            row: headerRow,
            column: columnLetter(i),
            field: column.field,
            rule: 'sheet.header',
            message: `Tiêu đề cột phải là "${column.header}" / The column header must read "${column.header}"`,
          },
        ],
  );
  if (sheetProblems.length > 0) return { rows: [], sheetProblems };

  const parsed: ParsedRow[] = [];
  rows.slice(headerIndex + 1).forEach((cells, offset) => {
    if (SHEET_COLUMNS.every((column, i) => column.field === null || isEmpty(cells[i]))) return;
    const row = headerRow + 1 + offset;
    const fields: Record<string, unknown> = {};
    const problems: CellProblem[] = [];
    SHEET_COLUMNS.forEach((column, i) => {
      if (column.field === null) return;
      const cell = cells[i];
      if (isEmpty(cell)) {
        if (column.optional) {
          if (column.emptyValue !== undefined) fields[column.field] = column.emptyValue;
        } else {
          problems.push({
            row,
            column: columnLetter(i),
            field: column.field,
            rule: 'required',
            message: `Thiếu "${column.header}" / "${column.header}" is required`,
          });
        }
        return;
      }
      const result = column.parse(cell as SheetCell);
      if (result.ok) fields[column.field] = result.value;
      else
        problems.push({
          row,
          column: columnLetter(i),
          field: column.field,
          rule: result.rule,
          message: `${column.header}: ${result.message}`,
        });
    });
    parsed.push({ row, fields, problems });
  });
  return { rows: parsed, sheetProblems };
}
