/** A calendar date as `YYYY-MM-DD`. ISO dates of this shape order correctly as plain strings. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Việt Nam keeps one zone, UTC+7 all year. Named rather than a fixed offset so the rule reads like the
 * database's `AT TIME ZONE 'Asia/Ho_Chi_Minh'`; `en-CA` formats a day as YYYY-MM-DD.
 */
const vietnamCalendarDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Việt Nam (Asia/Ho_Chi_Minh) at `moment`: what every rule means by "today". */
export function vietnamDate(moment: Date): IsoDate {
  return vietnamCalendarDay.format(moment);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws a RangeError naming the parameter, so bad input never turns into a silently wrong lookup. */
export function assertIsoDate(value: unknown, parameter = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(
      `${parameter} must be a real calendar date in YYYY-MM-DD form, got ${JSON.stringify(value)}`,
    );
  }
}

export function nextDay(date: IsoDate): IsoDate {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function dayBefore(date: IsoDate): IsoDate {
  const previous = new Date(`${date}T00:00:00Z`);
  previous.setUTCDate(previous.getUTCDate() - 1);
  return previous.toISOString().slice(0, 10);
}
