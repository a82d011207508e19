/** The calendar date (YYYY-MM-DD) in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year) at `instant`. */
export function vietnamDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(instant);
}

/** The day after an ISO date. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
