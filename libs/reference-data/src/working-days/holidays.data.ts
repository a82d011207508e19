/**
 * Public holidays of state offices (weekly rest on Saturday and Sunday), as versioned reference data:
 * the Labour Code's rule sets, and the yearly notices by which the Prime Minister fixes what the code leaves
 * open (which five days are Tết, which day joins 2 September) and swaps working days for civil servants.
 * A year without a notice here is derived from its rule set and marked so; no notice is ever made up.
 */
import type { Bilingual } from '@kc/errors';
import type { IsoDate } from '../iso-date';

export type Occasion = 'new-year' | 'tet' | 'hung-kings' | 'reunification' | 'labour-day' | 'national-day';

export const occasionNames: Readonly<Record<Occasion, Bilingual>> = {
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day" },
  tet: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration Day" },
  reunification: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  'labour-day': { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
  'national-day': { vi: 'Quốc khánh', en: 'National Day' },
};

/** A holiday on a fixed day: of the solar calendar (`MM-DD`) or of the lunar one. */
export type FixedHoliday =
  | { occasion: Occasion; solar: string }
  | { occasion: Occasion; lunar: { month: number; day: number } };

export interface HolidayRuleSet {
  id: string;
  law: Bilingual;
  adoptedOn: IsoDate;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** The clause that lists the paid holidays. */
  holidaysClause: Bilingual;
  /** The clause that gives the next working day off when a holiday falls on a weekly rest day. */
  compensationClause: Bilingual;
  /** The clause that leaves the Tết days (and the National Day's second day) to the Prime Minister, if any. */
  primeMinisterClause: Bilingual | null;
  fixedHolidays: readonly FixedHoliday[];
  tetDays: number;
  /** Labour Code 2019: 2 September and one day right before or after it. */
  nationalDayAdjacentDay: boolean;
}

const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { occasion: 'new-year', solar: '01-01' },
  { occasion: 'hung-kings', lunar: { month: 3, day: 10 } },
  { occasion: 'reunification', solar: '04-30' },
  { occasion: 'labour-day', solar: '05-01' },
  { occasion: 'national-day', solar: '09-02' },
];

export const holidayRuleSets: readonly HolidayRuleSet[] = [
  {
    id: 'labour-code-2012',
    law: { vi: 'Bộ luật Lao động số 10/2012/QH13', en: 'Labour Code No. 10/2012/QH13' },
    adoptedOn: '2012-06-18',
    validFrom: '2013-05-01',
    validTo: '2020-12-31',
    holidaysClause: { vi: 'Điều 115 khoản 1', en: 'art. 115(1)' },
    compensationClause: { vi: 'Điều 115 khoản 3', en: 'art. 115(3)' },
    primeMinisterClause: null,
    fixedHolidays: FIXED_HOLIDAYS,
    tetDays: 5,
    nationalDayAdjacentDay: false,
  },
  {
    id: 'labour-code-2019',
    law: { vi: 'Bộ luật Lao động số 45/2019/QH14', en: 'Labour Code No. 45/2019/QH14' },
    adoptedOn: '2019-11-20',
    validFrom: '2021-01-01',
    validTo: null,
    holidaysClause: { vi: 'Điều 112 khoản 1', en: 'art. 112(1)' },
    compensationClause: { vi: 'Điều 111 khoản 3', en: 'art. 111(3)' },
    primeMinisterClause: { vi: 'Điều 112 khoản 3', en: 'art. 112(3)' },
    fixedHolidays: FIXED_HOLIDAYS,
    tetDays: 5,
    nationalDayAdjacentDay: true,
  },
];

/** A working day given off for civil servants in exchange for a Saturday worked. */
export interface WorkdaySwap {
  occasion: Occasion;
  dayOff: IsoDate;
  workedOn: IsoDate;
}

export interface HolidayNotice {
  /** The document's number as printed. */
  reference: string;
  issuedOn: IsoDate;
  issuer: Bilingual;
  /** The calendar year whose holidays the notice arranges (a New Year swap may fall in the December before). */
  year: number;
  /** The five Tết days the notice fixes; the rest of its break is weekly rest and compensatory days. */
  tetDays?: readonly IsoDate[];
  nationalDayAdjacent?: IsoDate;
  swaps?: readonly WorkdaySwap[];
  /** Each break as the notice words it ("from … to the end of …"): the spec checks the calendar against them. */
  breaks: readonly { occasion: Occasion; from: IsoDate; to: IsoDate }[];
  /** What the notice also decides but is not held here, so that its absence is not read as "no decision". */
  notHeld?: string;
}

const GOVERNMENT_OFFICE: Bilingual = { vi: 'Văn phòng Chính phủ', en: 'Government Office' };

/** Oldest first. Sources: the documents themselves as published, and the press reporting them. */
export const holidayNotices: readonly HolidayNotice[] = [
  {
    reference: '573/TB-VPCP',
    issuedOn: '2017-12-14',
    issuer: GOVERNMENT_OFFICE,
    year: 2018,
    tetDays: ['2018-02-14', '2018-02-15', '2018-02-16', '2018-02-17', '2018-02-18'],
    breaks: [
      { occasion: 'tet', from: '2018-02-14', to: '2018-02-20' },
      { occasion: 'national-day', from: '2018-09-02', to: '2018-09-03' },
    ],
  },
  {
    reference: '6519/VPCP-KGVX',
    issuedOn: '2018-07-11',
    issuer: GOVERNMENT_OFFICE,
    year: 2019,
    tetDays: ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08'],
    swaps: [
      { occasion: 'new-year', dayOff: '2018-12-31', workedOn: '2019-01-05' },
      { occasion: 'reunification', dayOff: '2019-04-29', workedOn: '2019-05-04' },
    ],
    breaks: [
      { occasion: 'new-year', from: '2018-12-31', to: '2019-01-01' },
      { occasion: 'tet', from: '2019-02-04', to: '2019-02-08' },
      { occasion: 'reunification', from: '2019-04-29', to: '2019-05-01' },
    ],
  },
  {
    reference: '9087/VPCP-KGVX',
    issuedOn: '2019-10-07',
    issuer: GOVERNMENT_OFFICE,
    year: 2020,
    tetDays: ['2020-01-23', '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27'],
    breaks: [{ occasion: 'tet', from: '2020-01-23', to: '2020-01-29' }],
  },
  {
    reference: '9895/VPCP-KGVX',
    issuedOn: '2020-11-26',
    issuer: GOVERNMENT_OFFICE,
    year: 2021,
    tetDays: ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14'],
    nationalDayAdjacent: '2021-09-03',
    breaks: [
      { occasion: 'tet', from: '2021-02-10', to: '2021-02-16' },
      { occasion: 'national-day', from: '2021-09-02', to: '2021-09-05' },
    ],
  },
  {
    reference: '245/VPCP-KGVX',
    issuedOn: '2022-01-11',
    issuer: GOVERNMENT_OFFICE,
    year: 2022,
    tetDays: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
    breaks: [{ occasion: 'tet', from: '2022-01-29', to: '2022-02-06' }],
    notHeld: 'no source for the National Day 2022 arrangement was found, so that occasion is derived',
  },
  {
    reference: '8056/VPCP-KGVX',
    issuedOn: '2022-12-01',
    issuer: GOVERNMENT_OFFICE,
    year: 2023,
    tetDays: ['2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24'],
    nationalDayAdjacent: '2023-09-01',
    breaks: [
      { occasion: 'tet', from: '2023-01-20', to: '2023-01-26' },
      { occasion: 'national-day', from: '2023-09-01', to: '2023-09-04' },
    ],
  },
  {
    reference: '8662/VPCP-KGVX',
    issuedOn: '2023-11-03',
    issuer: GOVERNMENT_OFFICE,
    year: 2024,
    tetDays: ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'],
    nationalDayAdjacent: '2024-09-03',
    breaks: [
      { occasion: 'tet', from: '2024-02-08', to: '2024-02-14' },
      { occasion: 'national-day', from: '2024-08-31', to: '2024-09-03' },
    ],
  },
  {
    reference: '2450/VPCP-KGVX',
    issuedOn: '2024-04-12',
    issuer: GOVERNMENT_OFFICE,
    year: 2024,
    swaps: [{ occasion: 'reunification', dayOff: '2024-04-29', workedOn: '2024-05-04' }],
    breaks: [{ occasion: 'reunification', from: '2024-04-27', to: '2024-05-01' }],
  },
  {
    // Announced to employers by Thông báo 6150/TB-BLĐTBXH.
    reference: '8726/VPCP-KGVX',
    issuedOn: '2024-11-26',
    issuer: GOVERNMENT_OFFICE,
    year: 2025,
    tetDays: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    nationalDayAdjacent: '2025-09-01',
    swaps: [{ occasion: 'reunification', dayOff: '2025-05-02', workedOn: '2025-04-26' }],
    breaks: [
      { occasion: 'tet', from: '2025-01-25', to: '2025-02-02' },
      { occasion: 'reunification', from: '2025-04-30', to: '2025-05-04' },
      { occasion: 'national-day', from: '2025-08-30', to: '2025-09-02' },
    ],
  },
  {
    reference: '9441/TB-BNV',
    issuedOn: '2025-10-16',
    issuer: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' },
    year: 2026,
    tetDays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    breaks: [{ occasion: 'tet', from: '2026-02-14', to: '2026-02-22' }],
    notHeld: 'its National Day 2026 arrangement was not found; that occasion is derived',
  },
  {
    reference: '12729/VPCP-KGVX',
    issuedOn: '2025-12-25',
    issuer: GOVERNMENT_OFFICE,
    year: 2026,
    swaps: [{ occasion: 'new-year', dayOff: '2026-01-02', workedOn: '2026-01-10' }],
    breaks: [{ occasion: 'new-year', from: '2026-01-01', to: '2026-01-04' }],
  },
];

/**
 * A release of this data. A schedule records the id of the version it was computed with; a version holds the
 * rule sets adopted and the notices issued up to its `effectiveFrom`, so it keeps its answers when later
 * notices arrive.
 */
export interface CalendarVersion {
  id: string;
  effectiveFrom: IsoDate;
  /** The day before the next version took over; null for the current one. */
  effectiveTo: IsoDate | null;
}

export const calendarVersions: readonly CalendarVersion[] = [
  { id: 'vn-state-offices@2025-12-25', effectiveFrom: '2025-12-25', effectiveTo: null },
];

/**
 * The dates a calendar answers for: from 2018, the first year of the platform's records and of the notices
 * held, to 2100, the end of the lunar calendar's tested range.
 */
export const CALENDAR_COVERAGE = { from: '2018-01-01', to: '2100-12-31' } as const;
