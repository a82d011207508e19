import { ConflictError } from '@kc/errors';
import { vietnamDate } from '@kc/reference-data';

/** A facility checks in only while the fair is on: from its first to its last day, Vietnam time. */
export function assertFairInSession(fair: { startDate: string; endDate: string }, now: Date): void {
  const today = vietnamDate(now);
  if (today < fair.startDate || today > fair.endDate) {
    throw new ConflictError(
      {
        vi: `Chỉ điểm danh trong những ngày diễn ra hội chợ (${fair.startDate} đến ${fair.endDate}); hôm nay là ${today}`,
        en: `Check-in is open only on the fair's days (${fair.startDate} to ${fair.endDate}); today is ${today}`,
      },
      'check-in.outside-fair-dates',
    );
  }
}
