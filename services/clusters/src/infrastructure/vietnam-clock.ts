const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in Vietnam, which keeps UTC+7 all year (no daylight saving time). */
export const todayInVietnam = (now: Date = new Date()): string =>
  new Date(now.getTime() + VIETNAM_UTC_OFFSET_MS).toISOString().slice(0, 10);
