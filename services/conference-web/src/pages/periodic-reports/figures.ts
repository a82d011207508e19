import type {
  CompletenessView,
  NotificationView,
  PeriodicReportView,
  ReportFormVersionView,
} from '@kc/contracts';

/**
 * How the periodic-report pages read the API's answers, free of React so the rules are tested on their own:
 * period identifiers (`2026-Q3`), the default period of the completeness panel, the units grouped by their
 * standing, a report's cells grouped by section with the platform's figure beside the entered one.
 */
export type Lang = 'vi' | 'en';
export type Frequency = 'month' | 'quarter' | 'half-year' | 'year';
/** Who files a form: the department itself, a project's implementing unit, a certificate holder. */
export type ReporterKind = CompletenessView['reporter'];

/** The forms of the completeness panel: the fallback when the catalogue cannot be read (a viewer). */
export const REPORT_FORMS: {
  id: string;
  frequency: Frequency;
  reporter: ReporterKind;
  title: { vi: string; en: string };
}[] = [
  {
    id: 'sct-khuyen-cong-quy',
    frequency: 'quarter',
    reporter: 'provincial-department',
    title: { vi: 'Báo cáo quý tình hình thực hiện khuyến công', en: 'Quarterly khuyến công report' },
  },
  {
    id: 'sct-khuyen-cong-6-thang',
    frequency: 'half-year',
    reporter: 'provincial-department',
    title: { vi: 'Báo cáo 6 tháng tình hình thực hiện khuyến công', en: 'Six-monthly khuyến công report' },
  },
  {
    id: 'sct-khuyen-cong-nam',
    frequency: 'year',
    reporter: 'provincial-department',
    title: { vi: 'Báo cáo năm tình hình thực hiện khuyến công', en: 'Annual khuyến công report' },
  },
  {
    id: 'don-vi-thuc-hien-thang',
    frequency: 'month',
    reporter: 'implementing-unit',
    title: { vi: 'Báo cáo tiến độ thực hiện đề án hằng tháng', en: 'Monthly project progress report' },
  },
  {
    id: 'chu-giay-chung-nhan-nam',
    frequency: 'year',
    reporter: 'certificate-holder',
    title: {
      vi: 'Báo cáo năm của cơ sở có sản phẩm CNNT tiêu biểu',
      en: 'Annual report of a holder of a typical-product certificate',
    },
  },
];
export const DEFAULT_FORM_ID = 'sct-khuyen-cong-quy';

const PERIOD_ID = /^(\d{4})-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)$/;

export function isPeriodId(text: string | null | undefined): text is string {
  return !!text && PERIOD_ID.test(text);
}

export function frequencyOf(period: string): Frequency {
  const kind = period.slice(5, 6);
  return kind === 'M' ? 'month' : kind === 'Q' ? 'quarter' : kind === 'H' ? 'half-year' : 'year';
}

/** The last month (1–12) of a period. */
function lastMonth(period: string): number {
  const part = period.slice(5);
  if (part === 'Y') return 12;
  const n = Number(part.slice(1));
  return part[0] === 'M' ? n : part[0] === 'Q' ? n * 3 : n * 6;
}

/**
 * The day a form's rule names for a period: for the departments the 15th of the month after it ends, for the
 * implementing units the 25th of the month itself ("before the 25th"), for certificate holders the end of the
 * January after the year. The API's deadline may fall later (moved past days off); this only picks which period a
 * page opens on.
 */
export function namedDeadline(period: string, reporter: ReporterKind = 'provincial-department'): string {
  const year = Number(period.slice(0, 4));
  if (reporter === 'implementing-unit') return `${year}-${String(lastMonth(period)).padStart(2, '0')}-25`;
  if (reporter === 'certificate-holder') return `${year + 1}-01-31`;
  const month = lastMonth(period) + 1;
  const [y, m] = month > 12 ? [year + 1, 1] : [year, month];
  return `${y}-${String(m).padStart(2, '0')}-15`;
}

/** Every period of a year for a frequency, in order: `2026-Q1` … `2026-Q4`. */
export function periodsOfYear(frequency: Frequency, year: number): string[] {
  switch (frequency) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => `${year}-M${String(i + 1).padStart(2, '0')}`);
    case 'quarter':
      return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
    case 'half-year':
      return [`${year}-H1`, `${year}-H2`];
    case 'year':
      return [`${year}-Y`];
  }
}

/** The latest period of the frequency whose named deadline is before `day` (YYYY-MM-DD in Việt Nam). */
export function latestDuePeriod(
  frequency: Frequency,
  day: string,
  reporter: ReporterKind = 'provincial-department',
): string {
  const year = Number(day.slice(0, 4));
  for (let y = year; y >= year - 2; y--) {
    const due = periodsOfYear(frequency, y)
      .filter((p) => namedDeadline(p, reporter) < day)
      .pop();
    if (due) return due;
  }
  return periodsOfYear(frequency, year - 2)[0]!;
}

/** "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026", "Tháng 3/2026" (English alike) when the API's label is absent. */
export function periodText(period: string, lang: Lang): string {
  if (!isPeriodId(period)) return period;
  const year = period.slice(0, 4);
  const part = period.slice(5);
  const vi = lang === 'vi';
  if (part === 'Y') return vi ? `Năm ${year}` : `Year ${year}`;
  const n = Number(part.slice(1));
  if (part[0] === 'Q') return vi ? `Quý ${['I', 'II', 'III', 'IV'][n - 1]}/${year}` : `Q${n} ${year}`;
  if (part[0] === 'H')
    return vi
      ? `6 tháng ${n === 1 ? 'đầu' : 'cuối'} năm ${year}`
      : `${n === 1 ? 'First' : 'Second'} half of ${year}`;
  return vi ? `Tháng ${n}/${year}` : `${year}-${String(n).padStart(2, '0')}`;
}

// ---- completeness ------------------------------------------------------------------------------------------

export type Unit = CompletenessView['units'][number];
export type Timeliness = Unit['timeliness'];
export type ReviewState = Unit['review'];

export const TIMELINESS_ORDER: Timeliness[] = ['on-time', 'late', 'overdue', 'not-yet-due'];
export const REVIEW_ORDER: ReviewState[] = ['approved', 'returned', 'awaiting-review', 'reopened', 'none'];

const TIMELINESS_TEXT: Record<Timeliness, [string, string]> = {
  'on-time': ['Nộp đúng hạn', 'Submitted on time'],
  late: ['Nộp muộn', 'Submitted late'],
  overdue: ['Quá hạn, chưa nộp', 'Overdue, not submitted'],
  'not-yet-due': ['Chưa đến hạn', 'Not yet due'],
};
const REVIEW_TEXT: Record<ReviewState, [string, string]> = {
  approved: ['Đã duyệt', 'Approved'],
  returned: ['Bị trả lại', 'Returned'],
  'awaiting-review': ['Chờ duyệt', 'Awaiting review'],
  reopened: ['Đang mở lại', 'Reopened'],
  none: ['Chưa có báo cáo', 'Nothing to review'],
};

export function timelinessText(state: Timeliness, lang: Lang): string {
  return TIMELINESS_TEXT[state][lang === 'vi' ? 0 : 1];
}
export function reviewText(state: ReviewState, lang: Lang): string {
  return REVIEW_TEXT[state][lang === 'vi' ? 0 : 1];
}

/** "late by 3 days" as the unit lists show it beside the name. */
export function daysLateText(days: number, lang: Lang): string {
  return lang === 'vi' ? `muộn ${days} ngày` : `${days} day${days === 1 ? '' : 's'} late`;
}

/**
 * The units of a panel (or one region of it) grouped by a state, each group sorted by `sortKeyOf` (the bare
 * name, so "Tỉnh Cao Bằng" and "Thành phố Cần Thơ" sit together), shown by `nameOf` (names from the reference
 * data; the code when the reference does not know it).
 */
export function unitsByState<K extends string>(
  units: Unit[],
  stateOf: (unit: Unit) => K,
  order: readonly K[],
  nameOf: (code: string) => string,
  sortKeyOf: (code: string) => string = nameOf,
): { state: K; units: { code: string; name: string; daysLate: number }[] }[] {
  return order.map((state) => ({
    state,
    units: units
      .filter((u) => stateOf(u) === state)
      .map((u) => ({
        code: u.provinceCode,
        name: nameOf(u.provinceCode),
        daysLate: u.daysLate,
        sortKey: sortKeyOf(u.provinceCode),
      }))
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'vi'))
      .map(({ code, name, daysLate }) => ({ code, name, daysLate })),
  }));
}

/** One unit's line in the table of a form with many reporters per unit (implementing units, holders). */
export interface ProvinceRow {
  code: string;
  name: string;
  counts: CompletenessView['nation'];
}

/**
 * The units of a region that have reporters for the period, by Vietnamese name, each with its counts (a unit
 * without any reporter is left out of the table; the region's and the nation's figures count it as zero).
 */
export function provinceRows(
  view: Pick<CompletenessView, 'provinces'>,
  region: Unit['regionCode'],
  nameOf: (code: string) => string,
  sortKeyOf: (code: string) => string = nameOf,
): ProvinceRow[] {
  return view.provinces
    .filter((p) => p.regionCode === region && p.counts.units > 0)
    .map((p) => ({
      code: p.provinceCode,
      name: nameOf(p.provinceCode),
      counts: p.counts,
      key: sortKeyOf(p.provinceCode),
    }))
    .sort((a, b) => a.key.localeCompare(b.key, 'vi'))
    .map(({ code, name, counts }) => ({ code, name, counts }));
}

/** What a form's reporters are called, counted: "3 đề án", "12 cơ sở", "34 đơn vị". */
export function reportersNoun(reporter: ReporterKind, lang: Lang): string {
  if (reporter === 'implementing-unit') return lang === 'vi' ? 'đề án' : 'projects';
  if (reporter === 'certificate-holder') return lang === 'vi' ? 'cơ sở' : 'facilities';
  return lang === 'vi' ? 'đơn vị' : 'units';
}

// ---- one report --------------------------------------------------------------------------------------------

export interface CellRow {
  key: string;
  label: string;
  measure: 'count' | 'vnd';
  required: boolean;
  /** The platform's figure, or null where the platform does not know it (trainees, brands). */
  platform: number | null;
  entered: number | null;
  differs: boolean;
  explanation: string | null;
}

export interface SectionRows {
  key: string;
  title: string;
  rows: CellRow[];
}

/** What a report shows as its content: the working copy while it is edited, else its latest version. */
export function shownContent(report: PeriodicReportView): {
  content: NonNullable<PeriodicReportView['working']> | null;
  platform: PeriodicReportView['platform'];
  version: number | null;
} {
  if (report.working) return { content: report.working, platform: report.platform, version: null };
  const last = report.versions[report.versions.length - 1];
  return last
    ? { content: last.content, platform: last.platform, version: last.number }
    : { content: null, platform: report.platform, version: null };
}

/**
 * The form version's cells grouped by section, each with the platform's figure beside the entered one: a cell
 * differs when the platform knows it and the entered figure is not the platform's (a blank entry included).
 */
export function sectionRows(
  form: Pick<ReportFormVersionView, 'sections' | 'cells'>,
  content: { entered: Record<string, number>; explanations: Record<string, string> } | null,
  platform: Record<string, number>,
  lang: Lang,
): SectionRows[] {
  const sectionOfIndicator = new Map<string, string>();
  for (const section of form.sections)
    for (const indicator of section.indicators) sectionOfIndicator.set(indicator.key, section.key);
  return form.sections.map((section) => ({
    key: section.key,
    title: section.title[lang],
    rows: form.cells
      .filter((cell) => sectionOfIndicator.get(cell.indicatorKey) === section.key)
      .map((cell) => {
        const p = platform[cell.key];
        const e = content?.entered[cell.key];
        const platformValue = p === undefined ? null : p;
        const enteredValue = e === undefined ? null : e;
        return {
          key: cell.key,
          label: cell.label[lang],
          measure: cell.measure,
          required: cell.required,
          platform: platformValue,
          entered: enteredValue,
          differs: platformValue !== null && enteredValue !== platformValue,
          explanation: content?.explanations[cell.key]?.trim() || null,
        };
      }),
  }));
}

// ---- notifications -----------------------------------------------------------------------------------------

const NOTICE_TEXT: Record<NotificationView['kind'], [string, string]> = {
  reminder: ['Nhắc hạn', 'Reminder'],
  'due-today': ['Đến hạn hôm nay', 'Due today'],
  overdue: ['Quá hạn', 'Overdue'],
  returned: ['Bị trả lại', 'Returned'],
  approved: ['Đã duyệt', 'Approved'],
};

export function noticeKindText(kind: NotificationView['kind'], lang: Lang): string {
  return NOTICE_TEXT[kind][lang === 'vi' ? 0 : 1];
}

/** Fired after a notice is marked read: the navigation's badge counts again. */
export const NOTIFICATIONS_READ_EVENT = 'kc:notifications-read';

/** The badge's text: nothing at zero, "99+" beyond 99 (the navigation stays one line). */
export function badgeText(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? '99+' : String(unread);
}

// ---- report status -----------------------------------------------------------------------------------------

export type ReportStatus = PeriodicReportView['status'] | 'not-opened';

const STATUS_TEXT: Record<ReportStatus, [string, string]> = {
  'not-opened': ['Chưa lập', 'Not opened'],
  draft: ['Đang soạn', 'Draft'],
  submitted: ['Đã gửi', 'Submitted'],
  returned: ['Bị trả lại', 'Returned'],
  approved: ['Đã duyệt', 'Approved'],
};

export function reportStatusText(
  status: ReportStatus,
  awaiting: 'province' | 'agency' | null,
  lang: Lang,
): string {
  const base = STATUS_TEXT[status][lang === 'vi' ? 0 : 1];
  if (status !== 'submitted' || !awaiting) return base;
  const level =
    awaiting === 'agency' ? (lang === 'vi' ? 'Cục' : 'the agency') : lang === 'vi' ? 'Sở' : 'the province';
  return lang === 'vi' ? `${base}, chờ ${level} duyệt` : `${base}, awaiting ${level}`;
}

export const STATUS_TONE: Record<ReportStatus, string> = {
  'not-opened': 'badge',
  draft: 'badge',
  submitted: 'badge warn',
  returned: 'badge danger',
  approved: 'badge ok',
};

export const TIMELINESS_TONE: Record<Timeliness, string> = {
  'on-time': 'badge ok',
  late: 'badge warn',
  overdue: 'badge danger',
  'not-yet-due': 'badge',
};
