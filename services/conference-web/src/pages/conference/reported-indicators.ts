import type {
  ConferenceRegion,
  ConferenceReportedIndicators,
  ReportedIndicatorDefinition,
  ReportedIndicatorFigures,
} from '@kc/contracts';
import { formatCount, formatDate, formatPercent, formatVnd } from '../../i18n/format';
import type { Lang } from '../../i18n/lang';
import { REGION_NAMES } from './figures';

/**
 * How the panel "Chỉ tiêu do các Sở báo cáo" reads the conference answer's `reportedIndicators`, free of React:
 * one column for the scope (the nation or the region) and, on the national page, one per region; one row per
 * indicator; how many units reported; which have no approved report.
 */

export interface ReportedColumn {
  key: 'total' | ConferenceRegion;
  title: string;
  reported: number;
  expected: number;
  figures: ReportedIndicatorFigures | null;
}

export function reportedColumns(section: ConferenceReportedIndicators, lang: Lang): ReportedColumn[] {
  const pick = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  const regions = section.regions.map((region) => ({
    key: region.code,
    title: pick(...REGION_NAMES[region.code]),
    reported: region.reported,
    expected: region.expected,
    figures: region.figures,
  }));
  // A regional page's total is its one region.
  if (regions.length === 1) return regions;
  return [{ key: 'total', title: pick('Toàn quốc', 'National'), ...section.total }, ...regions];
}

/** A label without its unit in brackets where the value shows the unit itself ("Tỷ lệ hoàn thành (%)"). */
export function indicatorLabel(definition: ReportedIndicatorDefinition, lang: Lang): string {
  const label = lang === 'vi' ? definition.labelVi : definition.labelEn;
  return label.replace(/\s*\((%|đồng|VND)\)$/, '');
}

/** A figure as the table shows it: VND in full, counts grouped, ratios from basis points; a dash for none. */
export function formatReported(
  definition: ReportedIndicatorDefinition,
  figures: ReportedIndicatorFigures | null,
): string {
  if (!figures) return '—';
  if (definition.kind === 'ratio') {
    const bp = figures.ratios[definition.key];
    return bp === null || bp === undefined ? '—' : formatPercent(bp / 100);
  }
  const value = figures.totals[definition.key];
  if (value === undefined) return '—';
  return definition.measure === 'vnd' ? formatVnd(value) : formatCount(value);
}

export interface ReportedRow {
  key: string;
  label: string;
  measure: ReportedIndicatorDefinition['measure'];
  cells: string[];
}

export function reportedRows(
  section: ConferenceReportedIndicators,
  columns: readonly ReportedColumn[],
  lang: Lang,
): ReportedRow[] {
  return section.indicators.map((definition) => ({
    key: definition.key,
    label: indicatorLabel(definition, lang),
    measure: definition.measure,
    cells: columns.map((column) => formatReported(definition, column.figures)),
  }));
}

/** "3/34 đơn vị đã báo cáo" / "3 of 34 units reported". */
export function reportedShare(column: Pick<ReportedColumn, 'reported' | 'expected'>, lang: Lang): string {
  return lang === 'vi'
    ? `${column.reported}/${column.expected} đơn vị đã báo cáo`
    : `${column.reported} of ${column.expected} units reported`;
}

/** A year that ended before the department forms began: nothing could be reported on the platform for it. */
export function beforeTheForms(section: ConferenceReportedIndicators): boolean {
  return section.reportingUnitsAsOf < section.departmentFormsFrom && section.total.reported === 0;
}

/** The names of the reporting units with no approved report for the year, as they were then. */
export function missingUnits(section: ConferenceReportedIndicators): string[] {
  return section.reportingUnits.filter((unit) => unit.report === null).map((unit) => unit.nameVi);
}

/** The units whose approved report was reopened: its figures still count until the correction is approved. */
export function unitsUnderCorrection(section: ConferenceReportedIndicators): string[] {
  return section.reportingUnits.filter((unit) => unit.report?.underCorrection).map((unit) => unit.nameVi);
}

/**
 * Where the year's figures come from: how many units by their annual report, how many by a six-monthly or
 * quarterly one (year-to-date, up to the latest cut-off among them), so a figure to 30/09 is not read as a year.
 */
export function sourceSummary(section: ConferenceReportedIndicators, lang: Lang): string | null {
  const reports = section.reportingUnits.flatMap((unit) => (unit.report ? [unit.report] : []));
  if (reports.length === 0) return null;
  const annual = reports.filter((report) => report.period.endsWith('-Y')).length;
  const partial = reports.filter((report) => !report.period.endsWith('-Y'));
  const parts =
    lang === 'vi'
      ? [annual > 0 ? `${annual} đơn vị theo báo cáo năm` : null]
      : [annual > 0 ? `${annual} unit${annual === 1 ? '' : 's'} by the annual report` : null];
  if (partial.length > 0) {
    const [earliest, latest] = [
      partial.reduce((a, r) => (r.cutOff < a ? r.cutOff : a), partial[0].cutOff),
      partial.reduce((a, r) => (r.cutOff > a ? r.cutOff : a), partial[0].cutOff),
    ];
    const upTo = earliest === latest ? formatDate(latest) : `${formatDate(earliest)}–${formatDate(latest)}`;
    parts.push(
      lang === 'vi'
        ? `${partial.length} đơn vị theo báo cáo 6 tháng hoặc quý, lũy kế từ đầu năm đến ${upTo}`
        : `${partial.length} unit${partial.length === 1 ? '' : 's'} by a six-monthly or quarterly report, year to date up to ${upTo}`,
    );
  }
  return parts.filter((part): part is string => part !== null).join('; ');
}
