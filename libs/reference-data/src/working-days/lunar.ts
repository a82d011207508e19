/**
 * The Vietnamese lunisolar calendar (âm lịch) for UTC+7, by Hồ Ngọc Đức's astronomical method ("Âm lịch Việt
 * Nam", https://www.informatik.uni-leipzig.de/~duc/amlich/): a lunar month begins on the local day of a new
 * moon; month 11 is the one holding the winter solstice; a year of 13 months repeats (as a leap month) the
 * first month that holds no major solar term (trung khí). New moons and the sun's longitude use the series of
 * Meeus, "Astronomical Algorithms", to a fraction of a day between 1900 and 2100. Computed rather than tabled:
 * Việt Nam's calendar differs from China's whenever a new moon falls between 23:00 and 24:00 Beijing time
 * (Tết 1985, 2007), so a Chinese table would be wrong on those days.
 */
import { assertIsoDate, type IsoDate } from '../iso-date';

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** True in the repeated (leap) month, tháng nhuận. */
  leap: boolean;
}

const TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, from which the new moons are counted. */
const NEW_MOON_EPOCH = 2415021.076998695;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;
const DEGREE = Math.PI / 180;
/** Julian day number of 1970-01-01 (the epoch of `Date`). */
const UNIX_EPOCH_JDN = 2440588;
const MS_PER_DAY = 86_400_000;

const toJdn = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY + UNIX_EPOCH_JDN;
const fromJdn = (jdn: number): IsoDate =>
  new Date((jdn - UNIX_EPOCH_JDN) * MS_PER_DAY).toISOString().slice(0, 10);

/** The moment (Julian day, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const sin = (degrees: number) => Math.sin(degrees * DEGREE);
  const mean =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const correction =
    (0.1734 - 0.000393 * t) * sin(sunAnomaly) +
    0.0021 * sin(2 * sunAnomaly) -
    0.4068 * sin(moonAnomaly) +
    0.0161 * sin(2 * moonAnomaly) -
    0.0004 * sin(3 * moonAnomaly) +
    0.0104 * sin(2 * latitude) -
    0.0051 * sin(sunAnomaly + moonAnomaly) -
    0.0074 * sin(sunAnomaly - moonAnomaly) +
    0.0004 * sin(2 * latitude + sunAnomaly) -
    0.0004 * sin(2 * latitude - sunAnomaly) -
    0.0006 * sin(2 * latitude + moonAnomaly) +
    0.001 * sin(2 * latitude - moonAnomaly) +
    0.0005 * sin(2 * moonAnomaly + sunAnomaly);
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

const newMoonDays = new Map<number, number>();

/** The local day (Julian day number) on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  let day = newMoonDays.get(k);
  if (day === undefined) {
    day = Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
    newMoonDays.set(k, day);
  }
  return day;
}

/**
 * The k of the lunar month holding day `jdn`. The mean-motion estimate can be one off where the true new
 * moon runs late (2054-05-07, 2062-04-09), so it is corrected against the computed new moons.
 */
function lunationAt(jdn: number): number {
  let k = Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  while (newMoonDay(k) > jdn) k--;
  while (newMoonDay(k + 1) <= jdn) k++;
  return k;
}

/** Which of the 12 major-term sectors (30° of solar longitude each) the sun is in at the start of a local day. */
function solarTermSector(jdn: number): number {
  const t = (jdn - 0.5 - TIME_ZONE_HOURS / 24 - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly * DEGREE) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly * DEGREE) +
    0.00029 * Math.sin(3 * anomaly * DEGREE);
  const longitude = (((meanLongitude + centre) % 360) + 360) % 360;
  return Math.floor(longitude / 30);
}

const month11Starts = new Map<number, number>();

/** The first day of lunar month 11 of solar year `year` (the month holding the December solstice). */
function month11Start(year: number): number {
  let start = month11Starts.get(year);
  if (start === undefined) {
    const k = lunationAt(toJdn(`${year}-12-31`));
    // Sector 9 begins at 270°, the solstice: a month starting past it is already month 12.
    start = solarTermSector(newMoonDay(k)) >= 9 ? newMoonDay(k - 1) : newMoonDay(k);
    month11Starts.set(year, start);
  }
  return start;
}

/** In a 13-month year starting at `month11`, how many months after month 11 the leap month comes. */
function leapMonthOffset(month11: number): number {
  const k = lunationAt(month11);
  let offset = 1;
  let sector = solarTermSector(newMoonDay(k + offset));
  // The leap month is the first whose start and end lie in the same sector: it holds no major term.
  for (;;) {
    const next = solarTermSector(newMoonDay(k + offset + 1));
    if (next === sector || offset >= 13) return offset;
    sector = next;
    offset++;
  }
}

function assertYearInRange(year: number, what: string, first = FIRST_YEAR): void {
  if (!Number.isInteger(year) || year < first || year > LAST_YEAR) {
    throw new RangeError(`${what} must be a year from ${first} to ${LAST_YEAR}, got ${year}`);
  }
}

/** The lunar date of a solar (Gregorian) date, as observed in Việt Nam. */
export function solarToLunar(date: IsoDate): LunarDate {
  assertIsoDate(date);
  const solarYear = Number(date.slice(0, 4));
  assertYearInRange(solarYear, 'date');
  const jdn = toJdn(date);
  const monthStart = newMoonDay(lunationAt(jdn));

  let month11 = month11Start(solarYear);
  let nextMonth11 = month11;
  let lunarYear: number;
  if (month11 >= monthStart) {
    lunarYear = solarYear;
    month11 = month11Start(solarYear - 1);
  } else {
    lunarYear = solarYear + 1;
    nextMonth11 = month11Start(solarYear + 1);
  }
  const monthsAfter11 = Math.floor((monthStart - month11) / 29);
  let month = monthsAfter11 + 11;
  let leap = false;
  if (nextMonth11 - month11 > 365) {
    const leapOffset = leapMonthOffset(month11);
    if (monthsAfter11 >= leapOffset) {
      month = monthsAfter11 + 10;
      leap = monthsAfter11 === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && monthsAfter11 < 4) lunarYear -= 1;
  return { year: lunarYear, month, day: jdn - monthStart + 1, leap };
}

/** The solar date of a lunar date; a RangeError when that lunar date does not exist (no such leap month, day 30 of a short month). */
export function lunarToSolar(lunar: LunarDate): IsoDate {
  const { year, month, day, leap } = lunar;
  // Lunar year 1899 ends in 1900 (Tết 1900 is 31 January), so its dates are part of the range.
  assertYearInRange(year, 'lunar year', FIRST_YEAR - 1);
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`lunar month must be 1–12 and day 1–30, got ${month}/${day}`);
  }
  const [month11, nextMonth11] =
    month < 11 ? [month11Start(year - 1), month11Start(year)] : [month11Start(year), month11Start(year + 1)];
  const k = lunationAt(month11);
  let offset = month - 11 < 0 ? month + 1 : month - 11;
  if (nextMonth11 - month11 > 365) {
    const leapOffset = leapMonthOffset(month11);
    const leapMonth = (leapOffset + 10) % 12 || 12;
    if (leap && month !== leapMonth) throw notALunarDate(lunar);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw notALunarDate(lunar);
  }
  const monthStart = newMoonDay(k + offset);
  if (day > newMoonDay(k + offset + 1) - monthStart) throw notALunarDate(lunar); // day 30 of a 29-day month
  return fromJdn(monthStart + day - 1);
}

const notALunarDate = ({ year, month, day, leap }: LunarDate) =>
  new RangeError(`lunar date ${day}/${month}${leap ? ' (leap)' : ''}/${year} does not exist`);

/** Tết Nguyên đán: day 1 of month 1 of lunar year `year`. */
export const lunarNewYear = (year: number): IsoDate => lunarToSolar({ year, month: 1, day: 1, leap: false });

/** The month that lunar year `year` repeats, or null in a 12-month year. */
export function leapMonthOf(year: number): number | null {
  for (let month = 1; month <= 12; month++) {
    try {
      lunarToSolar({ year, month, day: 1, leap: true });
      return month;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return null;
}
