/**
 * The days off that a year's holidays give state offices, from the rule set in force and the notices that a
 * calendar version holds: the holidays themselves, the compensatory days, and the working days swapped for a
 * Saturday.
 */
import type { Bilingual } from '@kc/errors';
import { dayBefore, nextDay, type IsoDate } from '../iso-date';
import {
  holidayNotices,
  holidayRuleSets,
  occasionNames,
  type CalendarVersion,
  type HolidayNotice,
  type HolidayRuleSet,
  type Occasion,
} from './holidays.data';
import { lunarNewYear, lunarToSolar } from './lunar';

export type HolidayKind = 'holiday' | 'compensatory' | 'swapped';

/**
 * Who fixed the day: the law itself (a fixed date, or its compensation rule), a notice held in the data, or
 * this module's reading of the rules where the law leaves the day to a notice that is not held.
 */
export type SettledBy = 'law' | 'notice' | 'derived';

export interface PublicHoliday {
  readonly date: IsoDate;
  readonly occasion: Occasion;
  readonly kind: HolidayKind;
  readonly name: Bilingual;
  readonly basis: Bilingual;
  readonly settledBy: SettledBy;
  readonly ruleSet: string;
  /** For a swapped day: the Saturday worked in its place. */
  readonly workedInstead?: IsoDate;
}

export interface OccasionYear {
  daysOff: PublicHoliday[];
  /** Saturdays worked in exchange for swapped days. */
  makeUpDays: IsoDate[];
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

const addDays = (date: IsoDate, days: number): IsoDate => {
  let result = date;
  for (let i = 0; i < Math.abs(days); i++) result = days > 0 ? nextDay(result) : dayBefore(result);
  return result;
};

const viDate = (date: IsoDate): string => date.split('-').reverse().join('/');

function ruleSetOn(date: IsoDate, version: CalendarVersion): HolidayRuleSet {
  const ruleSet = holidayRuleSets.find(
    (r) =>
      r.adoptedOn <= version.effectiveFrom &&
      r.validFrom <= date &&
      (r.validTo === null || date <= r.validTo),
  );
  if (!ruleSet) throw new RangeError(`no holiday rule set in calendar ${version.id} covers ${date}`);
  return ruleSet;
}

const lawBasis = (ruleSet: HolidayRuleSet, ...clauses: (Bilingual | null)[]): Bilingual => {
  const held = clauses.filter((c): c is Bilingual => c !== null);
  return {
    vi: [ruleSet.law.vi, ...held.map((c) => c.vi)].join(', '),
    en: [ruleSet.law.en, ...held.map((c) => c.en)].join(', '),
  };
};

const noticeBasis = (notice: HolidayNotice): Bilingual => ({
  vi: `${notice.issuer.vi}, văn bản số ${notice.reference} ngày ${viDate(notice.issuedOn)}`,
  en: `${notice.issuer.en}, document ${notice.reference} of ${notice.issuedOn}`,
});

/** The basis of a day the law leaves to a notice: that notice, or a plain statement that it is derived. */
const pickedBasis = (law: Bilingual, notice: HolidayNotice | undefined): Bilingual => {
  if (notice) {
    const source = noticeBasis(notice);
    return { vi: `${law.vi}; ${source.vi}`, en: `${law.en}; ${source.en}` };
  }
  return {
    vi: `${law.vi}; suy ra theo quy định, chưa có văn bản về ngày nghỉ của năm này`,
    en: `${law.en}; derived from the rules, no notice fixing this year's days is held`,
  };
};

/** The last day of the old lunar year and the first days of the new, as most notices (2019, 2022, 2026) picked. */
function derivedTetDays(year: number, count: number): IsoDate[] {
  const firstDay = lunarNewYear(year);
  return Array.from({ length: count }, (_, i) => addDays(firstDay, i - 1));
}

/**
 * The neighbour of 2 September that joins the break to a weekend, as every notice from 2021 to 2025 chose
 * (Thursday → Friday, Friday → Thursday, Monday → Tuesday …). A Wednesday has no precedent: the day before.
 */
function derivedNationalDayNeighbour(nationalDay: IsoDate): IsoDate {
  const offsetByWeekday = [+1, +1, -1, -1, +1, -1, -1]; // Sunday … Saturday
  return addDays(nationalDay, offsetByWeekday[new Date(`${nationalDay}T00:00:00Z`).getUTCDay()]);
}

interface Pending {
  holiday: PublicHoliday;
  ruleSet: HolidayRuleSet;
  notice?: HolidayNotice;
}

/** The days off of the occasions of `year`; a New Year swap may fall in the December before. */
export function occasionYear(year: number, version: CalendarVersion): OccasionYear {
  const notices = holidayNotices.filter((n) => n.year === year && n.issuedOn <= version.effectiveFrom);
  const noticeWith = (has: (n: HolidayNotice) => boolean) => notices.filter(has).at(-1);
  const pending: Pending[] = [];
  const add = (
    date: IsoDate,
    occasion: Occasion,
    ruleSet: HolidayRuleSet,
    basis: Bilingual,
    settledBy: SettledBy,
    notice?: HolidayNotice,
  ) =>
    pending.push({
      holiday: {
        date,
        occasion,
        kind: 'holiday',
        name: occasionNames[occasion],
        basis,
        settledBy,
        ruleSet: ruleSet.id,
      },
      ruleSet,
      notice,
    });

  for (const fixed of ruleSetOn(`${year}-01-01`, version).fixedHolidays) {
    const date =
      'solar' in fixed ? `${year}-${fixed.solar}` : lunarToSolar({ year, ...fixed.lunar, leap: false });
    const ruleSet = ruleSetOn(date, version);
    add(date, fixed.occasion, ruleSet, lawBasis(ruleSet, ruleSet.holidaysClause), 'law');

    if (fixed.occasion === 'national-day' && ruleSet.nationalDayAdjacentDay) {
      const notice = noticeWith((n) => n.nationalDayAdjacent !== undefined);
      const law = lawBasis(ruleSet, ruleSet.holidaysClause, ruleSet.primeMinisterClause);
      const neighbour = notice?.nationalDayAdjacent ?? derivedNationalDayNeighbour(date);
      add(
        neighbour,
        'national-day',
        ruleSet,
        pickedBasis(law, notice),
        notice ? 'notice' : 'derived',
        notice,
      );
    }
  }

  const tetRuleSet = ruleSetOn(lunarNewYear(year), version);
  const tetNotice = noticeWith((n) => n.tetDays !== undefined);
  const tetLaw = lawBasis(tetRuleSet, tetRuleSet.holidaysClause, tetRuleSet.primeMinisterClause);
  for (const date of tetNotice?.tetDays ?? derivedTetDays(year, tetRuleSet.tetDays)) {
    add(date, 'tet', tetRuleSet, pickedBasis(tetLaw, tetNotice), tetNotice ? 'notice' : 'derived', tetNotice);
  }

  const swaps = notices.flatMap((notice) => (notice.swaps ?? []).map((swap) => ({ swap, notice })));
  const taken = new Set<IsoDate>([...pending.map((p) => p.holiday.date), ...swaps.map((s) => s.swap.dayOff)]);
  const daysOff = pending.map((p) => p.holiday);

  // A holiday on a weekly rest day gives the next working day off, taken in date order so that adjoining
  // holidays (Hùng Kings' day, 30 April and 1 May in 2023) push one another along.
  for (const { holiday, ruleSet, notice } of [...pending].sort((a, b) =>
    a.holiday.date.localeCompare(b.holiday.date),
  )) {
    if (!isWeekend(holiday.date)) continue;
    let date = nextDay(holiday.date);
    while (isWeekend(date) || taken.has(date)) date = nextDay(date);
    taken.add(date);
    const law = lawBasis(ruleSet, ruleSet.compensationClause);
    const name = occasionNames[holiday.occasion];
    daysOff.push({
      ...holiday,
      date,
      kind: 'compensatory',
      name: { vi: `Nghỉ bù ${name.vi}`, en: `${name.en} (compensatory day off)` },
      basis: holiday.settledBy === 'law' ? law : pickedBasis(law, notice),
    });
  }

  for (const { swap, notice } of swaps) {
    const name = occasionNames[swap.occasion];
    daysOff.push({
      date: swap.dayOff,
      occasion: swap.occasion,
      kind: 'swapped',
      name: {
        vi: `Nghỉ hoán đổi dịp ${name.vi} (làm bù thứ Bảy ${viDate(swap.workedOn)})`,
        en: `${name.en}: day off swapped with Saturday ${swap.workedOn}, worked instead`,
      },
      basis: noticeBasis(notice),
      settledBy: 'notice',
      ruleSet: ruleSetOn(swap.dayOff, version).id,
      workedInstead: swap.workedOn,
    });
  }

  daysOff.sort((a, b) => a.date.localeCompare(b.date));
  return { daysOff, makeUpDays: swaps.map((s) => s.swap.workedOn) };
}
