import type { ReportCalendarView } from '@kc/contracts';

/**
 * The windows of days the report calendar asks for, and their answers as one list, free of React. The API takes
 * a window of at most 366 days (`reportCalendarQuery`) and lists the reports whose last on-time day is in it.
 */
export type CalendarItem = ReportCalendarView['items'][number];

export interface CalendarWindow {
  from: string;
  to: string;
}

/** YYYY-MM-DD `days` after (or before) a calendar day. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The staff's window: about half a year back (overdue quarters and months) and 160 days ahead. A facility
 * reports once a year (its annual report is due by the end of January): a report it has not sent can be up to a
 * year overdue, so its first window is the whole past year, the second what falls due in the next 160 days.
 */
export function calendarWindows(today: string, facility: boolean): CalendarWindow[] {
  if (!facility) return [{ from: shiftDay(today, -200), to: shiftDay(today, 160) }];
  return [
    { from: shiftDay(today, -366), to: today },
    { from: shiftDay(today, 1), to: shiftDay(today, 160) },
  ];
}

/** One report of the calendar: a form's period for one reporter of a unit. */
export function calendarItemKey(item: CalendarItem): string {
  return `${item.formId}|${item.period}|${item.provinceCode}|${item.reporterId}`;
}

/** The windows' items as one list, each report once, by last on-time day (the API's order within a window). */
export function mergeCalendars(views: readonly Pick<ReportCalendarView, 'items'>[]): CalendarItem[] {
  const seen = new Set<string>();
  const items: CalendarItem[] = [];
  for (const view of views) {
    for (const item of view.items) {
      const key = calendarItemKey(item);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
  }
  // Stable: items of one day keep the API's order (form, unit, reporter).
  return items.sort((a, b) => a.lastOnTimeDay.localeCompare(b.lastOnTimeDay));
}
