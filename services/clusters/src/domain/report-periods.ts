import { RuleViolationError, type Bilingual } from '@kc/errors';
import { dayBefore, type IsoDate } from '@kc/reference-data';
import { viDate } from './decision';

export type ReportPeriodKind = 'six-monthly' | 'annual';

/** A reporting period: the first six months of `year`, or the whole of it. */
export interface ReportPeriod {
  kind: ReportPeriodKind;
  year: number;
}

export const periodLabel = (period: ReportPeriod): Bilingual =>
  period.kind === 'annual'
    ? { vi: `năm ${period.year}`, en: `the year ${period.year}` }
    : { vi: `6 tháng đầu năm ${period.year}`, en: `the first half of ${period.year}` };

/**
 * The days a period's figures cover: from 15 December of the year before to its cut-off, 14 June or 14
 * December (Circular 14/2024/TT-BCT, Article 3). The annual report covers the whole span again, not only the
 * second half.
 */
export function dataWindow(period: ReportPeriod): { from: IsoDate; cutOff: IsoDate } {
  if (!Number.isInteger(period.year) || period.year < 2000 || period.year > 2100) {
    throw new RangeError(`a report period's year must be a whole year from 2000 to 2100, got ${period.year}`);
  }
  return {
    from: `${period.year - 1}-12-15`,
    cutOff: `${period.year}-${period.kind === 'annual' ? '12' : '06'}-14`,
  };
}

/** Who reports, each on its own form of Appendix I. */
export type Reporter = 'tenant-firm' | 'developer' | 'local-committee' | 'province';

/** A deadline "before day D": `MM-DD` of D, per period kind. */
type DueBefore = Record<ReportPeriodKind, string>;

export interface ReportingForm {
  form: string;
  reporterName: Bilingual;
  dueBefore: DueBefore;
}

/**
 * One version of the periodic reporting rules for clusters, as data with its legal basis. A period is
 * reported under the version in force on its cut-off date.
 */
export interface ReportingRegime {
  id: string;
  title: Bilingual;
  basis: Bilingual;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  verification: string;
  forms: Record<Reporter, ReportingForm>;
}

const JUNE_DECEMBER_20: DueBefore = { 'six-monthly': '06-20', annual: '12-20' };

const formsWithLocalLevel = (local: Bilingual): Record<Reporter, ReportingForm> => ({
  'tenant-firm': {
    form: 'Biểu 01',
    reporterName: { vi: 'tổ chức, cá nhân đầu tư sản xuất kinh doanh trong cụm', en: 'firms in the cluster' },
    dueBefore: JUNE_DECEMBER_20,
  },
  developer: {
    form: 'Biểu 02',
    reporterName: { vi: 'chủ đầu tư xây dựng hạ tầng kỹ thuật', en: 'the infrastructure developer' },
    dueBefore: JUNE_DECEMBER_20,
  },
  'local-committee': {
    form: 'Biểu 03',
    reporterName: local,
    dueBefore: { 'six-monthly': '06-25', annual: '12-25' },
  },
  province: {
    form: 'Biểu 04',
    reporterName: { vi: 'Sở Công Thương', en: 'the Department of Industry and Trade' },
    dueBefore: { 'six-monthly': '06-30', annual: '12-31' },
  },
});

const VERIFIED =
  'Checked: issued 15/08/2024, in force 01/10/2024; Article 3: cut-offs 14 June and 14 December (from 15 ' +
  'December of the year before), firms and developers report before 20 June and 20 December; amended by ' +
  'Circular 38/2025/TT-BCT from 01/07/2025. From a secondary source only: the local level before 25 June / 25 ' +
  'December and the Department of Industry and Trade to the Ministry before 30 June / 31 December, and the ' +
  'commune level replacing the district level from 01/07/2025.';

export const reportingRegimes: readonly ReportingRegime[] = [
  {
    id: 'tt-14-2024',
    title: { vi: 'Thông tư 14/2024/TT-BCT', en: 'Circular 14/2024/TT-BCT' },
    basis: { vi: 'Điều 3 Thông tư 14/2024/TT-BCT', en: 'Article 3 of Circular 14/2024/TT-BCT' },
    validFrom: '2024-10-01',
    validTo: '2025-06-30',
    verification: VERIFIED,
    forms: formsWithLocalLevel({ vi: 'Ủy ban nhân dân cấp huyện', en: "the district People's Committee" }),
  },
  {
    id: 'tt-14-2024-amended-2025',
    title: {
      vi: 'Thông tư 14/2024/TT-BCT (sửa đổi, bổ sung bởi Thông tư 38/2025/TT-BCT)',
      en: 'Circular 14/2024/TT-BCT (as amended by Circular 38/2025/TT-BCT)',
    },
    basis: {
      vi: 'Điều 3 Thông tư 14/2024/TT-BCT (sửa đổi, bổ sung bởi Thông tư 38/2025/TT-BCT)',
      en: 'Article 3 of Circular 14/2024/TT-BCT (as amended by Circular 38/2025/TT-BCT)',
    },
    validFrom: '2025-07-01',
    validTo: null,
    verification: VERIFIED,
    forms: formsWithLocalLevel({ vi: 'Ủy ban nhân dân cấp xã', en: "the commune People's Committee" }),
  },
];

/** The regime a period is reported under: the one in force on its cut-off date. */
export function regimeFor(period: ReportPeriod): ReportingRegime {
  const { cutOff } = dataWindow(period);
  const regime = reportingRegimes.find(
    (r) => r.validFrom <= cutOff && (r.validTo === null || cutOff <= r.validTo),
  );
  if (!regime) {
    const label = periodLabel(period);
    throw new RuleViolationError(
      {
        vi: `Kỳ báo cáo ${label.vi} (chốt số liệu ngày ${viDate(cutOff)}) không thuộc chế độ báo cáo nào được ghi nhận; chế độ sớm nhất là ${reportingRegimes[0].title.vi} từ ngày ${viDate(reportingRegimes[0].validFrom)}`,
        en: `The period ${label.en} (cut-off ${cutOff}) falls under no recorded reporting regime; the earliest is ${reportingRegimes[0].title.en} from ${reportingRegimes[0].validFrom}`,
      },
      'cluster-report.no-regime',
      'period',
    );
  }
  return regime;
}

export interface Deadline {
  /** The report is on time only if submitted before this day. */
  dueBefore: IsoDate;
  /** The last day a submission is on time: the day before `dueBefore`. */
  lastOnTimeDay: IsoDate;
  form: string;
  regimeId: string;
  basis: Bilingual;
}

const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The deadline of `reporter` for `period`. The circular sets calendar dates ("before 20 June"), not a count of
 * working days, so a deadline on a weekend or holiday does not move.
 */
export function deadlineOf(period: ReportPeriod, reporter: Reporter): Deadline {
  const regime = regimeFor(period);
  const form = regime.forms[reporter];
  const dueBefore = `${period.year}-${form.dueBefore[period.kind]}`;
  return {
    dueBefore,
    lastOnTimeDay: dayBefore(dueBefore),
    form: form.form,
    regimeId: regime.id,
    basis: regime.basis,
  };
}

/** Whether a submission on `submittedOn` is late, and by how many calendar days past the last on-time day. */
export function lateness(
  period: ReportPeriod,
  reporter: Reporter,
  submittedOn: IsoDate,
): { late: boolean; daysLate: number } {
  const { dueBefore, lastOnTimeDay } = deadlineOf(period, reporter);
  return submittedOn < dueBefore
    ? { late: false, daysLate: 0 }
    : { late: true, daysLate: daysBetween(lastOnTimeDay, submittedOn) };
}
