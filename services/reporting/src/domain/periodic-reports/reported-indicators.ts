import {
  COVERAGE_START,
  findProvince,
  provincesAsOf,
  regions,
  type IsoDate,
  type RegionCode,
} from '@kc/reference-data';
import { safeAdd } from '../exact-sum';
import { placements } from '../roll-up';
import { cellsOf, membersOf, versionNumbered, type FormDefinition } from './form-definition';
import { reportForms } from './forms.data';
import { parsePeriod, periodWindow, type Frequency } from './periods';
import { basisPoints, type Values } from './reconciliation';

/**
 * The indicators the provincial departments report (issue 16), for the conference views: per unit the figures of
 * its approved report for the year, summed per region and nation, with the units that have none listed.
 * Design: docs/design/periodic-reports.md, "Reported indicators in the conference views".
 */

/** The department's forms (one report per provincial unit and period): the only source of reported indicators. */
export const departmentForms: readonly FormDefinition[] = reportForms.filter(
  (form) => form.reporter === 'provincial-department',
);

/** The first day a department form is in force: no period ending earlier has a report on the platform. */
export const departmentFormsFrom: IsoDate = departmentForms
  .flatMap((form) => form.versions.map((v) => v.effectiveFrom))
  .reduce((a, b) => (a < b ? a : b));

/** One department report as approved: the version that counts for its period (kept while being corrected). */
export interface ApprovedReport {
  formId: string;
  /** The form version the report was opened under: its cells are the only keys `values` may hold. */
  formVersion: number;
  period: string;
  /** The unit it was filed for: a code in force on the period's last day. */
  provinceCode: string;
  approvedVersion: number;
  /** The approved version's entered values, by cell key (`trainees`, `kcqgDisbursedVnd/content-3`). */
  values: Values;
  /** Reopened for correction: its approved version still counts until a correction is approved. */
  underCorrection: boolean;
}

export interface ReportedIndicatorDefinition {
  key: string;
  labelVi: string;
  labelEn: string;
  kind: 'entered' | 'ratio';
  /** Ratios are in basis points (62,5 % = 6250). */
  measure: 'count' | 'vnd' | 'basis-points';
  /** The members a broken-down indicator is entered by (`content-3`, `national`); none otherwise. */
  members: { key: string; labelVi: string; labelEn: string }[];
}

interface RatioRule {
  key: string;
  numerator: string;
  denominator: string;
}

/** Every indicator of the department forms' versions, in form order, each key once. */
function catalogue(): { definitions: ReportedIndicatorDefinition[]; ratios: RatioRule[] } {
  const definitions = new Map<string, ReportedIndicatorDefinition>();
  const ratios: RatioRule[] = [];
  for (const indicator of departmentForms.flatMap((form) =>
    form.versions.flatMap((version) => version.sections.flatMap((section) => section.indicators)),
  )) {
    if (definitions.has(indicator.key)) continue;
    const label = { labelVi: indicator.label.vi, labelEn: indicator.label.en };
    if (indicator.kind === 'ratio') {
      definitions.set(indicator.key, {
        key: indicator.key,
        ...label,
        kind: 'ratio',
        measure: 'basis-points',
        members: [],
      });
      ratios.push({ key: indicator.key, numerator: indicator.numerator, denominator: indicator.denominator });
    } else {
      definitions.set(indicator.key, {
        key: indicator.key,
        ...label,
        kind: 'entered',
        measure: indicator.measure,
        members: membersOf(indicator.breakdown).map((m) => ({
          key: m.member,
          labelVi: m.label.vi,
          labelEn: m.label.en,
        })),
      });
    }
  }
  return { definitions: [...definitions.values()], ratios };
}

const CATALOGUE = catalogue();
export const reportedIndicatorDefinitions: readonly ReportedIndicatorDefinition[] = CATALOGUE.definitions;

/** Sums of approved figures: per entered indicator its total, per broken-down one its members; ratios from totals. */
export interface IndicatorFigures {
  totals: Record<string, number>;
  members: Record<string, Record<string, number>>;
  /** In basis points, from the summed totals (never an average of the units' rates); null when the base is 0. */
  ratios: Record<string, number | null>;
}

/** The report a unit's year figure is taken from. */
export interface CountedReport {
  formId: string;
  period: string;
  /** The period's last day: its figures are year-to-date up to this day. */
  cutOff: IsoDate;
  approvedVersion: number;
  underCorrection: boolean;
}

/** A unit that owes the year's reports, as it was, with the report counted for it (null: none approved). */
export interface ReportingUnit {
  code: string;
  nameVi: string;
  regionCode: RegionCode;
  /** The code of the row its figures are in (itself, or the unit of today that holds it). */
  countedIn: string;
  report: CountedReport | null;
}

export interface ReportedUnitRow {
  code: string;
  nameVi: string;
  regionCode: RegionCode;
  /** The reporting units whose approved figures the row sums. */
  reportedBy: string[];
  /** The reporting units the row holds that have no approved report for the year. */
  missing: string[];
  /** Null when none of its reporting units has an approved report: nothing is shown as a zero. */
  figures: IndicatorFigures | null;
}

export interface ReportedArea {
  /** Reporting units of the area, and how many of them have an approved report. */
  expected: number;
  reported: number;
  figures: IndicatorFigures | null;
}

export interface ReportedRegionRow extends ReportedArea {
  code: RegionCode;
  nameVi: string;
  nameEn: string;
}

export interface ReportedIndicators {
  departmentFormsFrom: IsoDate;
  /** The date the reporting units are read on: the year's last day (today while the year runs). */
  reportingUnitsAsOf: IsoDate;
  /** The date whose units the rows show: today (grouping current) or the reporting units' date (historical). */
  unitsAsOf: IsoDate;
  indicators: ReportedIndicatorDefinition[];
  reportingUnits: ReportingUnit[];
  units: ReportedUnitRow[];
  regions: ReportedRegionRow[];
  total: ReportedArea;
}

export interface ReportedIndicatorsScope {
  year: number;
  /** `current`: rows are the units in force `today`; `historical`: the units that owed the year's reports. */
  grouping: 'current' | 'historical';
  /** Only the rows of this region (on the rows' date); all when null. */
  region: RegionCode | null;
  today: IsoDate;
}

/** At one cut-off the fuller report counts: the annual over the six-monthly over the quarterly. */
const RANK: Record<Frequency, number> = { month: 0, quarter: 1, 'half-year': 2, year: 3 };

const FORMS = new Map(departmentForms.map((form) => [form.id, form]));

/** The cell values of a report, checked against its pinned version: bad data must not slip into a total. */
function checkedValues(report: ApprovedReport): Values {
  const form = FORMS.get(report.formId)!;
  const cells = new Set(cellsOf(versionNumbered(form, report.formVersion)).map((cell) => cell.key));
  for (const [key, value] of Object.entries(report.values)) {
    if (!cells.has(key)) {
      throw new RangeError(
        `the approved report of ${report.provinceCode} for ${report.period} holds ${key}, which is not a cell of ${report.formId} v${report.formVersion}`,
      );
    }
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${key} of ${report.provinceCode} for ${report.period} is not a whole number ≥ 0`);
    }
  }
  return report.values;
}

/**
 * The report each unit's year figure comes from: the one with the latest cut-off in the year — department
 * figures are year-to-date (the pre-fill cumulates the plan year to the period's last day), so the latest holds the
 * year so far — and at one cut-off the annual, then the six-monthly report (31 December ends Q4, H2 and the year).
 * Reports of other forms or years are not the year's; two of one form and period for a unit are bad data.
 */
export function countedReports(
  reports: readonly ApprovedReport[],
  year: number,
): Map<string, ApprovedReport & { cutOff: IsoDate }> {
  const counted = new Map<string, ApprovedReport & { cutOff: IsoDate }>();
  const rankOf = new Map<string, number>();
  for (const report of reports) {
    if (!FORMS.has(report.formId)) continue;
    const period = parsePeriod(report.period);
    if (period.year !== year) continue;
    const [cutOff, rank] = [periodWindow(period).to, RANK[period.frequency]];
    const held = counted.get(report.provinceCode);
    const heldRank = rankOf.get(report.provinceCode);
    if (held && held.cutOff === cutOff && heldRank === rank) {
      throw new RangeError(`unit ${report.provinceCode} has two approved reports for ${report.period}`);
    }
    if (!held || cutOff > held.cutOff || (cutOff === held.cutOff && rank > heldRank!)) {
      counted.set(report.provinceCode, { ...report, cutOff });
      rankOf.set(report.provinceCode, rank);
    }
  }
  return counted;
}

const laterOf = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlierOf = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

function addInto(target: Map<string, number>, values: Iterable<[string, number]>): void {
  for (const [key, value] of values) target.set(key, safeAdd(key, target.get(key) ?? 0, value));
}

/** A row being summed: its unit, the reporting units it holds and their cells added up. */
interface RowSums {
  unit: { code: string; nameVi: string; regionCode: RegionCode };
  reportedBy: string[];
  missing: string[];
  cells: Map<string, number>;
}

function areaOf(rows: readonly RowSums[]): ReportedArea {
  const cells = new Map<string, number>();
  for (const row of rows) addInto(cells, row.cells);
  const reported = rows.reduce((n, row) => n + row.reportedBy.length, 0);
  return {
    expected: rows.reduce((n, row) => n + row.reportedBy.length + row.missing.length, 0),
    reported,
    figures: reported > 0 ? figuresOf(cells) : null,
  };
}

function figuresOf(cells: ReadonlyMap<string, number>): IndicatorFigures {
  const figures: IndicatorFigures = { totals: {}, members: {}, ratios: {} };
  for (const definition of CATALOGUE.definitions) {
    if (definition.kind !== 'entered') continue;
    if (definition.members.length === 0) {
      const value = cells.get(definition.key);
      if (value !== undefined) figures.totals[definition.key] = value;
      continue;
    }
    const members: Record<string, number> = {};
    let total: number | undefined;
    for (const member of definition.members) {
      const value = cells.get(`${definition.key}/${member.key}`);
      if (value === undefined) continue;
      members[member.key] = value;
      total = safeAdd(definition.key, total ?? 0, value);
    }
    if (total !== undefined) {
      figures.totals[definition.key] = total;
      figures.members[definition.key] = members;
    }
  }
  for (const ratio of CATALOGUE.ratios) {
    const [n, d] = [figures.totals[ratio.numerator], figures.totals[ratio.denominator]];
    figures.ratios[ratio.key] = n === undefined || d === undefined ? null : basisPoints(n, d);
  }
  return figures;
}

/**
 * The reported indicators of a year for the conference view of `scope`. The units that owe the year's reports are
 * those in force on the year's last day (today while it runs): 63 up to 2024, 34 from 2025, when the forms began
 * with the 34. A report must have been filed by one of them. Each unit counts its one report (countedReports);
 * the rows show them as they were (`historical`) or rolled up to today's units (`current`, roll-up.ts), and regions
 * and the nation sum the same cells, so they add up. A unit without an approved report is listed as missing and
 * adds nothing; a row, region or nation without any has null figures rather than zeros.
 */
export function reportedIndicators(
  reports: readonly ApprovedReport[],
  scope: ReportedIndicatorsScope,
): ReportedIndicators {
  const reportingOn = laterOf(COVERAGE_START, earlierOf(`${scope.year}-12-31`, scope.today));
  const unitsOn = scope.grouping === 'current' ? laterOf(scope.today, reportingOn) : reportingOn;
  const counted = countedReports(reports, scope.year);
  for (const report of counted.values()) {
    const filedAs = findProvince(report.provinceCode, report.cutOff);
    const owing = findProvince(report.provinceCode, reportingOn);
    if (!filedAs || !owing || filedAs.validFrom !== owing.validFrom) {
      throw new RangeError(
        `the report of ${report.provinceCode} for ${report.period} was not filed by a unit that owes the reports of ${scope.year} (units of ${reportingOn})`,
      );
    }
  }

  const inScope = (region: RegionCode) => scope.region === null || scope.region === region;
  const rows = new Map<string, RowSums>(
    provincesAsOf(unitsOn)
      .filter((unit) => inScope(unit.regionCode))
      .map((unit) => [unit.code, { unit, reportedBy: [], missing: [], cells: new Map() }]),
  );
  const placementOf = placements(unitsOn);
  const reportingUnits: ReportingUnit[] = [];
  for (const unit of provincesAsOf(reportingOn)) {
    const placed = placementOf(unit.code, reportingOn).placed;
    if (!placed) throw new RangeError(`unit ${unit.code} of ${reportingOn} has no unit on ${unitsOn}`);
    const row = rows.get(placed.code);
    if (!row) continue; // another region's
    const report = counted.get(unit.code);
    if (report) {
      addInto(row.cells, Object.entries(checkedValues(report)));
      row.reportedBy.push(unit.code);
    } else row.missing.push(unit.code);
    reportingUnits.push({
      code: unit.code,
      nameVi: unit.nameVi,
      regionCode: unit.regionCode,
      countedIn: placed.code,
      report: report
        ? {
            formId: report.formId,
            period: report.period,
            cutOff: report.cutOff,
            approvedVersion: report.approvedVersion,
            underCorrection: report.underCorrection,
          }
        : null,
    });
  }

  const allRows = [...rows.values()];
  return {
    departmentFormsFrom,
    reportingUnitsAsOf: reportingOn,
    unitsAsOf: unitsOn,
    indicators: [...CATALOGUE.definitions],
    reportingUnits,
    units: allRows.map(({ unit, reportedBy, missing, cells }) => ({
      code: unit.code,
      nameVi: unit.nameVi,
      regionCode: unit.regionCode,
      reportedBy,
      missing,
      figures: reportedBy.length > 0 ? figuresOf(cells) : null,
    })),
    regions: regions
      .filter((region) => inScope(region.code))
      .map((region) => ({
        code: region.code,
        nameVi: region.nameVi,
        nameEn: region.nameEn,
        ...areaOf(allRows.filter((row) => row.unit.regionCode === region.code)),
      })),
    total: areaOf(allRows),
  };
}
