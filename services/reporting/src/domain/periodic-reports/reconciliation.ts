import { RuleViolationsError, type Bilingual, type Violation } from '@kc/errors';
import { cellsOf, enteredIndicators, type Cell, type FormVersion } from './form-definition';

/** Values by cell key (see cellsOf): whole counts or integer VND. */
export type Values = Readonly<Record<string, number>>;

const isValue = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const unitWord = (cell: Cell): Bilingual =>
  cell.measure === 'vnd' ? { vi: 'số đồng', en: 'a number of VND' } : { vi: 'số lượng', en: 'a count' };

/**
 * The problems of entered values, each naming its cell: a key the version does not have, a value that is not a
 * whole number of 0 or more, and — when `complete` — a required cell left empty.
 */
export function valueViolations(version: FormVersion, entered: Values, complete: boolean): Violation[] {
  const cells = new Map(cellsOf(version).map((cell) => [cell.key, cell]));
  const violations: Violation[] = [];
  for (const [key, value] of Object.entries(entered)) {
    const cell = cells.get(key);
    if (!cell) {
      violations.push({
        field: `values.${key}`,
        code: 'periodic-report.unknown-indicator',
        messages: {
          vi: `Biểu mẫu phiên bản ${version.version} không có chỉ tiêu "${key}"`,
          en: `Version ${version.version} of the form has no indicator "${key}"`,
        },
      });
    } else if (!isValue(value)) {
      const word = unitWord(cell);
      violations.push({
        field: `values.${key}`,
        code: 'periodic-report.value-invalid',
        messages: {
          vi: `"${cell.label.vi}" phải là ${word.vi} nguyên, không âm`,
          en: `"${cell.label.en}" must be ${word.en}: a whole number, 0 or more`,
        },
      });
    }
  }
  if (complete) {
    for (const cell of cells.values()) {
      if (cell.required && !Object.hasOwn(entered, cell.key)) {
        violations.push({
          field: `values.${cell.key}`,
          code: 'periodic-report.value-required',
          messages: { vi: `Chưa nhập "${cell.label.vi}"`, en: `"${cell.label.en}" has no value` },
        });
      }
    }
  }
  return violations;
}

/** A cell where the province's figure is not the platform's. */
export interface Difference {
  cell: string;
  label: Bilingual;
  platform: number;
  /** Null when the province left the cell empty. */
  entered: number | null;
  /** entered − platform; null when entered is empty. */
  delta: number | null;
}

/**
 * The cells whose entered value differs from the platform's figure, in form order. A cell the platform has no
 * figure for (no source, or no value given) never differs: there is nothing to reconcile it with.
 */
export function differences(version: FormVersion, platform: Values, entered: Values): Difference[] {
  return cellsOf(version).flatMap((cell) => {
    if (cell.platformSource === null || !Object.hasOwn(platform, cell.key)) return [];
    const theirs = platform[cell.key];
    const ours = Object.hasOwn(entered, cell.key) ? entered[cell.key] : null;
    if (ours === theirs) return [];
    return [
      {
        cell: cell.key,
        label: cell.label,
        platform: theirs,
        entered: ours,
        delta: ours === null ? null : ours - theirs,
      },
    ];
  });
}

const explained = (explanations: Readonly<Record<string, string>>, cell: string): boolean =>
  Object.hasOwn(explanations, cell) && explanations[cell].normalize('NFC').trim().length > 0;

/** The differences still without an explanation (blank text explains nothing). */
export const unexplained = (
  diffs: readonly Difference[],
  explanations: Readonly<Record<string, string>>,
): Difference[] => diffs.filter((d) => !explained(explanations, d.cell));

/** One violation per unexplained difference, naming the indicator and both figures. */
export function reconciliationViolations(
  diffs: readonly Difference[],
  explanations: Readonly<Record<string, string>>,
): Violation[] {
  return unexplained(diffs, explanations).map((d) => ({
    field: `explanations.${d.cell}`,
    code: 'periodic-report.difference-unexplained',
    messages: {
      vi: `"${d.label.vi}": số nhập ${d.entered ?? '(trống)'} khác số của hệ thống ${d.platform}; phải giải trình chênh lệch trước khi gửi`,
      en: `"${d.label.en}": the entered ${d.entered ?? '(empty)'} differs from the platform's ${d.platform}; explain the difference before submitting`,
    },
  }));
}

/** Throws one error listing every unexplained difference, so the province sees them all at once. */
export function assertReconciled(
  version: FormVersion,
  platform: Values,
  entered: Values,
  explanations: Readonly<Record<string, string>>,
): void {
  const violations = reconciliationViolations(differences(version, platform, entered), explanations);
  if (violations.length === 0) return;
  throw new RuleViolationsError(
    {
      vi: `Còn ${violations.length} chênh lệch so với số liệu của hệ thống chưa được giải trình`,
      en: `${violations.length} difference(s) from the platform's figures are not explained`,
    },
    'periodic-report.difference-unexplained',
    violations,
  );
}

/** The total of an indicator: its one cell, or the sum of its members; null while any cell is empty. */
export function indicatorTotal(version: FormVersion, values: Values, indicatorKey: string): number | null {
  const cells = cellsOf(version).filter((c) => c.indicatorKey === indicatorKey);
  if (cells.length === 0)
    throw new RangeError(`no entered indicator ${indicatorKey} in version ${version.version}`);
  let total = 0;
  for (const cell of cells) {
    if (!Object.hasOwn(values, cell.key)) return null;
    total += values[cell.key];
    if (!Number.isSafeInteger(total)) throw new RangeError(`${indicatorKey} total is not a safe integer`);
  }
  return total;
}

/**
 * The ratio indicators in basis points (62.5 % = 6250), rounded half up on exact integers; null when the
 * denominator is 0 or a cell is empty. Computed, so they never need reconciling on their own.
 */
export function ratioValues(version: FormVersion, values: Values): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  for (const indicator of version.sections.flatMap((s) => s.indicators)) {
    if (indicator.kind !== 'ratio') continue;
    const n = indicatorTotal(version, values, indicator.numerator);
    const d = indicatorTotal(version, values, indicator.denominator);
    result[indicator.key] = n === null || d === null ? null : basisPoints(n, d);
  }
  return result;
}

/** n ÷ d in basis points (62.5 % = 6250), half up on exact integers; null when d is 0. */
export function basisPoints(n: number, d: number): number | null {
  return d === 0 ? null : Number((BigInt(n) * 20_000n + BigInt(d)) / (2n * BigInt(d)));
}

export const enteredIndicatorKeys = (version: FormVersion): string[] =>
  enteredIndicators(version).map((i) => i.key);
