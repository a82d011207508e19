import { clusterStatusLabels, registrableClusterStatuses } from '@kc/contracts';
import { isIsoDate } from '@kc/reference-data';

/** A cell as plain data (exceljs's rich text, formulas and hyperlinks already flattened). */
export type SheetCell = string | number | boolean | Date | null;

export const CLUSTER_SHEET_NAME = 'Danh sách CCN';

const SIZE_LABELS = {
  'Thông thường': 'standard',
  'Miền núi': 'mountain-district',
  'Làng nghề': 'craft-village',
};
const AUTHORITY_LABELS = {
  'UBND tỉnh': 'provincial-peoples-committee',
  'UBND huyện': 'district-peoples-committee',
  'UBND xã': 'commune-peoples-committee',
  'Sở Công Thương': 'department-of-industry-and-trade',
  Khác: 'other',
};
const DEVELOPER_KIND_LABELS = {
  'Doanh nghiệp': 'enterprise',
  'Hợp tác xã': 'cooperative',
  'Đơn vị nhà nước': 'state-unit',
};
const SELECTION_LABELS = {
  'Hội đồng đánh giá': 'evaluation-council',
  'Giao đơn vị nhà nước': 'state-assignment',
  'Thủ tục trước đây': 'earlier-procedure',
};
const WORKS_LABELS = {
  'Chưa có': 'none',
  'Đã quy hoạch': 'planned',
  'Đang xây dựng': 'under-construction',
  'Đã sử dụng': 'in-use',
};
const STATUS_LABELS = Object.fromEntries(
  registrableClusterStatuses.map((s) => [clusterStatusLabels[s], s]),
) as Record<string, string>;
const YES_NO = { Có: true, Không: false };

type Kind = 'text' | 'hectares' | 'vnd' | 'int' | 'date' | Record<string, unknown>;

interface SheetColumn {
  header: string;
  /** The request's field path the cell fills. */
  field: string;
  kind: Kind;
  width: number;
}

const col = (header: string, field: string, kind: Kind, width = 16): SheetColumn => ({
  header,
  field,
  kind,
  width,
});

/** The import sheet's columns, in order from A; the export writes the same columns first, so it reads back. */
export const CLUSTER_SHEET_COLUMNS: readonly SheetColumn[] = [
  col('Mã CCN', 'code', 'text', 14),
  col('Tên cụm công nghiệp', 'name', 'text', 36),
  col('Xã/phường', 'commune', 'text'),
  col('Huyện (trước 2025)', 'formerDistrict', 'text'),
  col('Loại CCN', 'sizeCategory', SIZE_LABELS, 13),
  col('Trạng thái', 'status', STATUS_LABELS, 20),
  col('Số QĐ đưa vào danh mục', 'provincialList.decisionNumber', 'text'),
  col('Ngày QĐ danh mục', 'provincialList.date', 'date', 12),
  col('Số QĐ thành lập', 'establishment.number', 'text'),
  col('Ngày QĐ thành lập', 'establishment.date', 'date', 12),
  col('Cơ quan ban hành QĐ thành lập', 'establishment.issuedBy', 'text', 24),
  col('Cấp ban hành', 'establishment.authority', AUTHORITY_LABELS, 14),
  col('Tổng diện tích (ha)', 'totalAreaHa', 'hectares', 12),
  col('Đất công nghiệp (ha)', 'industrialAreaHa', 'hectares', 12),
  col('Đất cho thuê được (ha)', 'leasableAreaHa', 'hectares', 12),
  col('Đã cho thuê (ha)', 'leasedAreaHa', 'hectares', 12),
  col('Chủ đầu tư hạ tầng', 'developer.name', 'text', 30),
  col('Loại chủ đầu tư', 'developer.kind', DEVELOPER_KIND_LABELS, 14),
  col('Mã số thuế chủ đầu tư', 'developer.taxCode', 'text', 14),
  col('Hình thức lựa chọn chủ đầu tư', 'developer.selection', SELECTION_LABELS, 18),
  col('Vốn đăng ký (đồng)', 'investment.registeredVnd', 'vnd', 18),
  col('Vốn thực hiện (đồng)', 'investment.realisedVnd', 'vnd', 18),
  col('Giao thông nội bộ', 'infrastructure.roads', WORKS_LABELS, 13),
  col('Cấp điện', 'infrastructure.power', WORKS_LABELS, 13),
  col('Cấp nước', 'infrastructure.water', WORKS_LABELS, 13),
  col('Thoát nước', 'infrastructure.drainage', WORKS_LABELS, 13),
  col('Trạm XLNT tập trung', 'infrastructure.wastewaterPlant', YES_NO, 10),
  col('Công suất XLNT (m³/ngày)', 'infrastructure.wastewaterPlant.capacityM3PerDay', 'int', 12),
  col('Tình trạng trạm XLNT', 'infrastructure.wastewaterPlant.status', WORKS_LABELS, 14),
];

/** A, B, …, Z, AA, AB, … */
export const columnLetter = (index: number): string =>
  index < 26
    ? String.fromCharCode(65 + index)
    : columnLetter(Math.floor(index / 26) - 1) + columnLetter(index % 26);

/** The label a value is written with in the sheet (for the export), or the value when it has none. */
export function sheetLabel(field: string, value: unknown): unknown {
  const column = CLUSTER_SHEET_COLUMNS.find((c) => c.field === field);
  if (!column || typeof column.kind !== 'object') return value;
  return Object.entries(column.kind).find(([, v]) => v === value)?.[0] ?? value;
}

/**
 * The column a request field (or a domain error's field) was read from: exact, else its nearest parent.
 * The domain names areas in hundredths (`areas.leasableCentiHa`) and the decision as `decision.*`.
 */
export function columnOfField(field: string | null): string | null {
  if (!field) return null;
  const aliases: Record<string, string> = {
    'areas.totalCentiHa': 'totalAreaHa',
    'areas.industrialCentiHa': 'industrialAreaHa',
    'areas.leasableCentiHa': 'leasableAreaHa',
    'areas.leasedCentiHa': 'leasedAreaHa',
    establishment: 'establishment.number',
    provincialList: 'provincialList.decisionNumber',
    developer: 'developer.name',
  };
  let path = field.replace(/^decision\./, 'establishment.');
  path = aliases[path] ?? path;
  for (;;) {
    const index = CLUSTER_SHEET_COLUMNS.findIndex((c) => c.field === path);
    if (index >= 0) return columnLetter(index);
    const cut = path.lastIndexOf('.');
    if (cut < 0) return null;
    path = aliases[path.slice(0, cut)] ?? path.slice(0, cut);
  }
}

export interface CellProblem {
  column: string;
  field: string;
  rule: string;
  message: string;
}

export interface ParsedClusterRow {
  /** Sheet row number as Excel shows it. */
  row: number;
  /** The request body the row stands for (before the request schema checks it). */
  fields: Record<string, unknown>;
  problems: CellProblem[];
}

const isBlank = (cell: SheetCell) => cell === null || (typeof cell === 'string' && cell.trim() === '');

/** "62,5", "62.5" or a number, as a number; NaN when it is not one. */
const numberOf = (cell: SheetCell): number => {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string') return Number.NaN;
  const text = cell.trim().replace(/\s/g, '');
  // A Vietnamese grouping dot (1.500.000) and a decimal comma (62,5).
  const normal = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) ? text.replace(/\./g, '') : text;
  return /^\d+([.,]\d+)?$/.test(normal) ? Number(normal.replace(',', '.')) : Number.NaN;
};

/** A date cell or dd/mm/yyyy text as YYYY-MM-DD; null when it is neither. */
const dateOf = (cell: SheetCell): string | null => {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell !== 'string') return null;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell.trim());
  const iso = match && `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return iso && isIsoDate(iso) ? iso : null;
};

function readCell(
  column: SheetColumn,
  cell: SheetCell,
): { value: unknown } | { rule: string; message: string } {
  const kind = column.kind;
  if (typeof kind === 'object') {
    const text = String(cell).normalize('NFC').trim();
    const match = Object.entries(kind).find(([label]) => label.toLowerCase() === text.toLowerCase());
    if (match) return { value: match[1] };
    const allowed = Object.keys(kind).join(' | ');
    return {
      rule: 'cell.unknown-value',
      message: `"${text}" không phải giá trị cho phép (${allowed}) / is not one of: ${allowed}`,
    };
  }
  if (kind === 'text') return { value: String(cell).normalize('NFC').trim() };
  if (kind === 'date') {
    const iso = dateOf(cell);
    return iso
      ? { value: iso }
      : { rule: 'cell.not-a-date', message: 'phải là ngày dd/mm/yyyy / must be a date dd/mm/yyyy' };
  }
  const value = numberOf(cell);
  if (Number.isNaN(value)) {
    return { rule: 'cell.not-a-number', message: `"${String(cell)}" không phải là số / is not a number` };
  }
  return { value };
}

const setPath = (target: Record<string, unknown>, path: string, value: unknown) => {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
};

/**
 * One data row as a registration body: blank cells are left out, labels become codes, numbers and dates are
 * read; a cell that cannot be read is a problem naming its column. Investment and works default to unknown
 * and "none"; a central wastewater plant "Có" takes its capacity and status from the next two columns.
 */
export function parseClusterRow(
  row: number,
  cells: readonly SheetCell[],
  provinceCode: string,
): ParsedClusterRow {
  const fields: Record<string, unknown> = { provinceCode };
  const problems: CellProblem[] = [];
  let plant: boolean | undefined;
  const plantFields: Record<string, unknown> = {};
  CLUSTER_SHEET_COLUMNS.forEach((column, index) => {
    const cell = cells[index] ?? null;
    if (isBlank(cell)) return;
    const read = readCell(column, cell);
    if (!('value' in read)) {
      problems.push({ column: columnLetter(index), field: column.field, ...read });
      return;
    }
    if (column.field === 'infrastructure.wastewaterPlant') plant = read.value as boolean;
    else if (column.field.startsWith('infrastructure.wastewaterPlant.'))
      plantFields[column.field.split('.').pop() as string] = read.value;
    else setPath(fields, column.field, read.value);
  });
  if (plant) setPath(fields, 'infrastructure.wastewaterPlant', plantFields);
  else if (Object.keys(plantFields).length > 0) {
    problems.push({
      column: columnOfField('infrastructure.wastewaterPlant') as string,
      field: 'infrastructure.wastewaterPlant',
      rule: 'cell.wastewater-plant-missing',
      message:
        'có công suất/tình trạng trạm XLNT nhưng cột trạm không ghi "Có" / a plant capacity or status is given but the plant column is not "Có"',
    });
  }
  if (
    fields.establishment &&
    typeof fields.establishment === 'object' &&
    !('authority' in fields.establishment)
  ) {
    // The decision's level is required like its number; said here so the column is named.
    problems.push({
      column: columnOfField('establishment.authority') as string,
      field: 'establishment.authority',
      rule: 'cell.required',
      message:
        'phải ghi cấp ban hành quyết định thành lập / the establishing decision needs its issuing level',
    });
  }
  return { row, fields, problems };
}
