import { RuleViolationError, type Bilingual } from '@kc/errors';
import { activityContents, isIsoDate, type IsoDate } from '@kc/reference-data';
import { assertDeadlineRule, type DeadlineRule } from './deadlines';
import { periodLabel, periodWindow, type Frequency, type Period } from './periods';

/** Who fills a form in. */
export type Reporter = 'provincial-department' | 'implementing-unit' | 'certificate-holder';

/** Who reviews it, in order: each level approves before the next one sees it. */
export type ReviewLevel = 'province' | 'agency';

export const reviewLevelNames: Record<ReviewLevel, Bilingual> = {
  province: { vi: 'Sở Công Thương', en: 'the provincial Department of Industry and Trade' },
  agency: { vi: 'Cục (Bộ Công Thương)', en: 'the agency (Ministry of Industry and Trade)' },
};

/** Counts are whole numbers; money is integer VND. */
export type Measure = 'count' | 'vnd';

/** An indicator can be entered once, or once per activity content (1–9) or per award level. */
export type Breakdown = 'activity-content' | 'award-level';

export const awardLevels = ['commune', 'provincial', 'regional', 'national'] as const;
export type AwardLevel = (typeof awardLevels)[number];

const awardLevelNames: Record<AwardLevel, Bilingual> = {
  commune: { vi: 'cấp xã', en: 'commune level' },
  provincial: { vi: 'cấp tỉnh', en: 'provincial level' },
  regional: { vi: 'cấp khu vực', en: 'regional level' },
  national: { vi: 'cấp quốc gia', en: 'national level' },
};

export interface EnteredIndicator {
  kind: 'entered';
  key: string;
  label: Bilingual;
  measure: Measure;
  breakdown?: Breakdown;
  /**
   * The reporting projection the platform's own figure comes from (read by the application layer when the
   * report opens), or null when the platform does not know it (e.g. trainees): such a cell has no figure beside
   * it and no difference to explain.
   */
  platformSource: string | null;
  /** Whether every cell of it must hold a value before submission (0 is a value). */
  required: boolean;
}

/** Computed from two entered indicators' totals, in basis points (1 % = 100); never entered nor reconciled. */
export interface RatioIndicator {
  kind: 'ratio';
  key: string;
  label: Bilingual;
  numerator: string;
  denominator: string;
}

export type Indicator = EnteredIndicator | RatioIndicator;

export interface Section {
  key: string;
  title: Bilingual;
  indicators: readonly Indicator[];
}

export interface NarrativeField {
  key: string;
  label: Bilingual;
  required: boolean;
  maxLength: number;
}

export interface AttachmentSlot {
  key: string;
  label: Bilingual;
  required: boolean;
  mediaTypes: readonly string[];
  maxBytes: number;
  maxFiles: number;
}

/**
 * One version of a form. Versions are immutable once published: a change is a new version with a later
 * `effectiveFrom`, and a report pins the version it was opened under (see versionInForce).
 */
export interface FormVersion {
  version: number;
  /** The first day a period may end on to be reported under this version. */
  effectiveFrom: IsoDate;
  /** The day the version was published; never after `effectiveFrom`, so no version takes effect retroactively. */
  publishedOn: IsoDate;
  reviewChain: readonly ReviewLevel[];
  deadline: DeadlineRule;
  /**
   * The first day a report may be submitted: the period's last day when its figures run to the end of the
   * period, or its first day when the deadline falls inside the period (monthly progress "before the 25th").
   */
  submissionOpens: 'period-start' | 'period-end';
  sections: readonly Section[];
  narratives: readonly NarrativeField[];
  attachments: readonly AttachmentSlot[];
}

export interface FormDefinition {
  id: string;
  title: Bilingual;
  reporter: Reporter;
  /** To whom the report goes, in words (the review chain says who acts on it). */
  reportsTo: Bilingual;
  frequency: Frequency;
  /** Where the duty to report comes from. */
  basis: Bilingual;
  versions: readonly FormVersion[];
}

/**
 * The version a period is reported under: the latest version whose `effectiveFrom` is on or before the
 * period's last day. A form adopted during a quarter therefore applies to that quarter's report, which is
 * written after the quarter ends; a report keeps the version it was opened under even if another is published
 * later.
 */
export function versionInForce(form: FormDefinition, period: Period): FormVersion {
  if (period.frequency !== form.frequency) {
    throw new RangeError(`form ${form.id} is reported per ${form.frequency}, not per ${period.frequency}`);
  }
  const lastDay = periodWindow(period).to;
  const inForce = form.versions
    .filter((v) => v.effectiveFrom <= lastDay)
    .reduce<
      FormVersion | undefined
    >((best, v) => (best && best.effectiveFrom >= v.effectiveFrom ? best : v), undefined);
  if (!inForce) {
    const label = periodLabel(period);
    throw new RuleViolationError(
      {
        vi: `Biểu mẫu "${form.title.vi}" chưa có phiên bản nào có hiệu lực cho kỳ ${label.vi}`,
        en: `The form "${form.title.en}" has no version in force for ${label.en}`,
      },
      'periodic-report.no-form-version',
      'period',
    );
  }
  return inForce;
}

export function versionNumbered(form: FormDefinition, version: number): FormVersion {
  const found = form.versions.find((v) => v.version === version);
  if (!found) throw new RangeError(`form ${form.id} has no version ${version}`);
  return found;
}

/** One value a report holds: an entered indicator, or one member of its breakdown. */
export interface Cell {
  /** `projectsApproved`, `projectsApproved/content-3`, `productsCertified/national`. */
  key: string;
  indicatorKey: string;
  member: string | null;
  label: Bilingual;
  measure: Measure;
  platformSource: string | null;
  required: boolean;
}

/** The members of a breakdown (`content-1` … `content-9`, `commune` … `national`); none for a single figure. */
export function membersOf(breakdown: Breakdown | undefined): { member: string; label: Bilingual }[] {
  if (breakdown === 'activity-content') {
    return activityContents.map((c) => ({
      member: `content-${c.code}`,
      label: { vi: `nội dung ${c.code}`, en: `content ${c.code}` },
    }));
  }
  if (breakdown === 'award-level') {
    return awardLevels.map((level) => ({ member: level, label: awardLevelNames[level] }));
  }
  return [];
}

export const enteredIndicators = (version: FormVersion): EnteredIndicator[] =>
  version.sections.flatMap((s) => s.indicators).filter((i): i is EnteredIndicator => i.kind === 'entered');

/** Every cell of a version, in form order. A broken-down indicator has only its members; its total is a sum. */
export function cellsOf(version: FormVersion): Cell[] {
  return enteredIndicators(version).flatMap((indicator): Cell[] => {
    const base = {
      indicatorKey: indicator.key,
      measure: indicator.measure,
      platformSource: indicator.platformSource,
      required: indicator.required,
    };
    const members = membersOf(indicator.breakdown);
    if (members.length === 0) return [{ ...base, key: indicator.key, member: null, label: indicator.label }];
    return members.map(({ member, label }) => ({
      ...base,
      key: `${indicator.key}/${member}`,
      member,
      label: { vi: `${indicator.label.vi} — ${label.vi}`, en: `${indicator.label.en} — ${label.en}` },
    }));
  });
}

/**
 * The problems of a form definition, empty when it is sound: keys unique, versions numbered 1, 2, … with
 * increasing `effectiveFrom`, none published after it takes effect, ratios over entered indicators.
 * The catalogue's spec runs it on every form, so a bad edit of the data fails a test rather than a report.
 */
export function formProblems(form: FormDefinition): string[] {
  const problems: string[] = [];
  form.versions.forEach((v, index) => {
    const at = `${form.id} v${v.version}`;
    if (v.version !== index + 1) problems.push(`${at}: versions must be numbered 1, 2, … in order`);
    if (!isIsoDate(v.effectiveFrom) || !isIsoDate(v.publishedOn))
      problems.push(`${at}: dates must be YYYY-MM-DD`);
    if (v.publishedOn > v.effectiveFrom) problems.push(`${at}: published after it takes effect`);
    const previous = form.versions[index - 1];
    if (previous && previous.effectiveFrom >= v.effectiveFrom) {
      problems.push(`${at}: must take effect after v${previous.version}`);
    }
    if (v.reviewChain.length === 0 || new Set(v.reviewChain).size !== v.reviewChain.length) {
      problems.push(`${at}: the review chain must name each level once`);
    }
    try {
      assertDeadlineRule(v.deadline);
    } catch (error) {
      problems.push(`${at}: ${(error as Error).message}`);
    }
    const keys = [
      ...v.sections.map((s) => `section:${s.key}`),
      ...v.sections.flatMap((s) => s.indicators).map((i) => `indicator:${i.key}`),
      ...v.narratives.map((n) => `narrative:${n.key}`),
      ...v.attachments.map((a) => `attachment:${a.key}`),
    ];
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    if (duplicates.length) problems.push(`${at}: duplicate keys ${[...new Set(duplicates)].join(', ')}`);
    if (keys.some((k) => k.includes('/')))
      problems.push(`${at}: keys may not contain "/" (it separates members)`);
    const entered = new Set(enteredIndicators(v).map((i) => i.key));
    for (const ratio of v.sections.flatMap((s) => s.indicators)) {
      if (ratio.kind === 'ratio' && !(entered.has(ratio.numerator) && entered.has(ratio.denominator))) {
        problems.push(`${at}: ratio ${ratio.key} must divide two entered indicators`);
      }
    }
  });
  if (form.versions.length === 0) problems.push(`${form.id}: has no version`);
  return problems;
}
