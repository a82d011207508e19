/**
 * How the cluster pages write their figures, free of React so the rules are tested on their own: hectares with
 * two decimals and occupancy as the registry states them (exact, in integers), report periods of Circular
 * 14/2024 and a report's lateness in words.
 */
export type Lang = 'vi' | 'en';
export type PeriodKind = 'six-monthly' | 'annual';
export interface Period {
  kind: PeriodKind;
  year: number;
}

const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** 1234567 → "1.234.567" (vi) or "1,234,567" (en), by hand so the output is the same in every runtime. */
function groupDigits(whole: number, lang: Lang): string {
  const digits = String(whole);
  const separator = lang === 'vi' ? '.' : ',';
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Hectares as the API answers them (hundredths of a hectare divided by 100) back in hundredths: rounding
 * undoes the binary fraction of 12.35 (12.349999…), so the two decimals are the registry's own.
 */
export function toCentiHa(hectares: number): number {
  return Math.round(hectares * 100);
}

/** Hundredths of a hectare with two decimals: 2899750 → "28.997,50 ha" (vi), "28,997.50 ha" (en). */
export function centiHaText(centiHa: number, lang: Lang): string {
  const sign = centiHa < 0 ? '-' : '';
  const abs = Math.abs(Math.round(centiHa));
  const decimal = lang === 'vi' ? ',' : '.';
  return `${sign}${groupDigits(Math.trunc(abs / 100), lang)}${decimal}${String(abs % 100).padStart(2, '0')} ha`;
}

/** The API's hectares with two decimals; a dash for a figure not recorded. */
export function hectaresText(hectares: number | null | undefined, lang: Lang): string {
  return hectares === null || hectares === undefined ? '—' : centiHaText(toCentiHa(hectares), lang);
}

/**
 * Basis points as the registry shows occupancy: one decimal rounded half up, a trailing ",0" dropped
 * (6250 → "62,5%", 8500 → "85%"), the same text as the cluster view's `percentVi`/`percentEn`.
 */
export function basisPointsText(basisPoints: number | null | undefined, lang: Lang): string {
  if (basisPoints === null || basisPoints === undefined) return '—';
  const tenths = Math.floor((basisPoints + 5) / 10);
  const whole = Math.trunc(tenths / 10);
  const fraction = tenths % 10;
  const decimal = lang === 'vi' ? ',' : '.';
  return `${whole}${fraction ? `${decimal}${fraction}` : ''}%`;
}

/** Whole VND: "120.000.000.000 đ"; a dash when not recorded. */
export function vndText(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  const sign = value < 0 ? '-' : '';
  return `${sign}${groupDigits(Math.abs(Math.trunc(value)), lang)} đ`;
}

export function countText(value: number, lang: Lang): string {
  return groupDigits(value, lang);
}

/** Today's calendar day in Việt Nam (what the circular's deadlines are counted on). */
export function vietnamDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: VN_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * The latest period whose cut-off has passed on `day` (YYYY-MM-DD): the annual report from 14 December, the
 * six-monthly one from 14 June, else last year's annual report — the period reports are being filed for.
 */
export function latestPeriod(day: string): Period {
  const year = Number(day.slice(0, 4));
  const monthDay = day.slice(5);
  if (monthDay >= '12-14') return { kind: 'annual', year };
  if (monthDay >= '06-14') return { kind: 'six-monthly', year };
  return { kind: 'annual', year: year - 1 };
}

/** The period before: the annual report of a year follows its six-monthly one. */
export function previousPeriod(period: Period): Period {
  return period.kind === 'annual'
    ? { kind: 'six-monthly', year: period.year }
    : { kind: 'annual', year: period.year - 1 };
}

/** `count` periods, newest first, ending with the latest whose cut-off has passed on `day`. */
export function recentPeriods(day: string, count: number): Period[] {
  const periods: Period[] = [];
  let period = latestPeriod(day);
  for (let i = 0; i < count; i++) {
    periods.push(period);
    period = previousPeriod(period);
  }
  return periods;
}

/** A period from the URL (`periodKind`, `year`), else the latest one. */
export function periodFromParams(kind: string | null, year: string | null, day: string): Period {
  const fallback = latestPeriod(day);
  const y = Number(year);
  return {
    kind: kind === 'annual' || kind === 'six-monthly' ? kind : fallback.kind,
    year: Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : fallback.year,
  };
}

/** "6 tháng đầu năm 2026" / "Năm 2026" (as the API's period labels read, capitalised for a heading). */
export function periodText(period: Period, lang: Lang): string {
  if (lang === 'vi')
    return period.kind === 'annual' ? `Năm ${period.year}` : `6 tháng đầu năm ${period.year}`;
  return period.kind === 'annual' ? `Year ${period.year}` : `First half of ${period.year}`;
}

/** What a report's timing says: late by n days, overdue by n days with nothing in, on time, or not yet due. */
export type Timing = 'late' | 'overdue' | 'on-time' | 'pending';

export function reportTiming(report: {
  late: boolean;
  overdue: boolean;
  firstSubmittedOn: string | null;
}): Timing {
  if (report.overdue) return 'overdue';
  if (report.late) return 'late';
  return report.firstSubmittedOn ? 'on-time' : 'pending';
}

export function timingText(
  report: {
    late: boolean;
    daysLate: number;
    overdue: boolean;
    daysOverdue: number;
    firstSubmittedOn: string | null;
  },
  lang: Lang,
): string {
  const vi = lang === 'vi';
  switch (reportTiming(report)) {
    case 'overdue':
      return vi
        ? `Quá hạn ${report.daysOverdue} ngày, chưa nộp`
        : `Overdue by ${report.daysOverdue} ${report.daysOverdue === 1 ? 'day' : 'days'}, not submitted`;
    case 'late':
      return vi
        ? `Nộp muộn ${report.daysLate} ngày`
        : `Submitted ${report.daysLate} ${report.daysLate === 1 ? 'day' : 'days'} late`;
    case 'on-time':
      return vi ? 'Đúng hạn' : 'On time';
    default:
      return vi ? 'Chưa đến hạn' : 'Not yet due';
  }
}

/**
 * An occupancy bound typed in the filter: a percent 0–100 (comma or point), else nothing — the API refuses
 * anything else, so a half-typed value never reaches it.
 */
export function percentBound(text: string | null): string | undefined {
  if (text === null) return undefined;
  const cleaned = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return value >= 0 && value <= 100 ? String(value) : undefined;
}

/**
 * The rule set a lifecycle step was judged by, named as its decree (`nd-32-2024` → "Nghị định 32/2024/NĐ-CP");
 * an id this app does not know is shown as sent, so a new rule set still reads.
 */
export function ruleSetText(id: string, lang: Lang): string {
  if (id === 'before-registry')
    return lang === 'vi' ? 'quy định trước Nghị định 68/2017' : 'the rules before Decree 68/2017';
  const decree = /^nd-(\d+)-(\d{4})$/.exec(id);
  if (!decree) return id;
  return lang === 'vi'
    ? `Nghị định ${decree[1]}/${decree[2]}/NĐ-CP`
    : `Decree ${decree[1]}/${decree[2]}/ND-CP`;
}

/** A note the registry writes in both languages ("vi / en") in the reader's; any other note as written. */
export function bilingualNote(note: string, lang: Lang): string {
  const parts = note.split(' / ');
  return parts.length === 2 ? parts[lang === 'vi' ? 0 : 1]!.trim() : note;
}
