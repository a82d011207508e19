import {
  conferenceFigures,
  type ConferenceFigureKey,
  type ConferenceGrouping,
  type ConferencePackFileKind,
  type ConferencePackLevel,
  type ConferenceReport,
} from '@kc/contracts';
import { foldDiacritics, regions, type RegionCode } from '@kc/reference-data';
import { countText, isoDateText, vietnamClockOf } from './pack-text';

/** Which conference a pack is for. */
/** The figures of a pack's table by activity content, in the PDF and in the annex alike. */
export const CONTENT_FIGURES = [
  'projects',
  'projectsInPlan',
  'projectsCompleted',
  'completionPercent',
  'allocatedVnd',
  'contractedVnd',
  'advancedVnd',
  'paidVnd',
  'settledVnd',
  'counterpartVnd',
] as const;

export interface ConferencePackScope {
  level: ConferencePackLevel;
  /** Null for the national conference. */
  region: RegionCode | null;
  year: number;
  grouping: ConferenceGrouping;
}

/**
 * A pack as frozen: everything its files are rendered from. Rendering reads nothing else — no clock, no
 * randomness — so the same pack renders to the same bytes.
 */
export interface FrozenConferencePack extends ConferencePackScope {
  id: string;
  title: string;
  cutOff: Date;
  frozenBy: { id: string; name: string };
  report: ConferenceReport;
}

/** "hội nghị khuyến công toàn quốc năm 2018", "hội nghị khuyến công khu vực miền Bắc năm 2019" */
export function conferenceName(scope: ConferencePackScope): string {
  if (scope.region === null) return `hội nghị khuyến công toàn quốc năm ${scope.year}`;
  const region = regions.find((r) => r.code === scope.region);
  if (!region) throw new RangeError(`region ${scope.region} is not one of the three`);
  return `hội nghị khuyến công khu vực miền ${region.nameVi} năm ${scope.year}`;
}

export const packTitle = (scope: ConferencePackScope): string => `Báo cáo số liệu ${conferenceName(scope)}`;

/** What each file is called when saved: what it holds, for which conference, frozen when (Vietnam time). */
export function packFileNames(
  scope: ConferencePackScope,
  cutOff: Date,
): Record<ConferencePackFileKind, string> {
  const t = vietnamClockOf(cutOff);
  const frozen = `chốt ${t.day}-${t.month}-${t.year} ${t.hour}h${t.minute}`;
  return {
    report: `Báo cáo số liệu ${conferenceName(scope)} - ${frozen}.pdf`,
    annex: `Phụ lục số liệu theo đơn vị - ${conferenceName(scope)} - ${frozen}.xlsx`,
  };
}

/** For clients that cannot read a UTF-8 file name: `bao-cao-so-lieu-hoi-nghi-...-chot-21-05-2026-14h30.pdf`. */
export function asciiFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  const slug = foldDiacritics(name.slice(0, dot))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug}${name.slice(dot)}`;
}

/** Which units the rows are, in words: today's units, or those of 1 January of the year. */
export function unitsLine(report: ConferenceReport): string {
  const units = `${countText(report.units.length)} đơn vị cấp tỉnh`;
  return report.grouping === 'current'
    ? `${units} theo địa giới hành chính ngày ${isoDateText(report.unitsAsOf)}`
    : `${units} như ngày ${isoDateText(report.unitsAsOf)} (địa giới hành chính của năm ${report.year})`;
}

/** A figure's Vietnamese label, as the glossary of the conference views defines it. */
export function figureLabel(key: ConferenceFigureKey): string {
  const figure = conferenceFigures.find((f) => f.key === key);
  if (!figure) throw new RangeError(`${key} is not a conference figure`);
  return figure.labelVi;
}

/** The label without its unit, for a value that carries it ("Kinh phí được giao" beside "… đ"). */
export const labelWithoutUnit = (label: string): string => label.replace(/ \((đồng|%)\)$/, '');

/** Characters Excel refuses in a sheet name. */
const NOT_IN_SHEET_NAMES = /[\\/?*[\]:]/g;
export const SHEET_NAME_MAX = 31;

/**
 * Excel sheet names for `names`, in order: forbidden characters removed, at most 31 characters, none starting
 * or ending with an apostrophe, and unique without regard to case among themselves and `taken` (a second
 * "Hà Nội" would be "Hà Nội (2)").
 */
export function sheetNames(names: readonly string[], taken: readonly string[] = []): string[] {
  const key = (name: string) => name.toLocaleLowerCase('vi');
  const used = new Set(taken.map(key));
  return names.map((name) => {
    const base =
      name
        .replace(NOT_IN_SHEET_NAMES, '')
        .replace(/^'+|'+$/g, '')
        .trim() || 'Đơn vị';
    const fit = (suffix: string) =>
      base
        .slice(0, SHEET_NAME_MAX - suffix.length)
        .replace(/'+$/, '')
        .trim() + suffix;
    let candidate = fit('');
    for (let n = 2; used.has(key(candidate)); n++) candidate = fit(` (${n})`);
    used.add(key(candidate));
    return candidate;
  });
}
