import { describe, expect, it } from '@jest/globals';
import { calendarWindows, mergeCalendars, shiftDay, type CalendarItem } from './calendar';

const DAY = 86_400_000;
const span = (w: { from: string; to: string }) => (Date.parse(w.to) - Date.parse(w.from)) / DAY;

const item = (period: string, lastOnTimeDay: string, reporterId = '0101234567'): CalendarItem => ({
  formId: 'chu-giay-chung-nhan-nam',
  formTitle: { vi: 'Báo cáo năm của cơ sở có sản phẩm CNNT tiêu biểu', en: 'Annual holder report' },
  reporter: 'certificate-holder',
  period,
  periodLabel: { vi: period, en: period },
  provinceCode: '01',
  reporterId,
  reporterName: 'Hợp tác xã mây tre đan Phú Vinh',
  lastOnTimeDay,
  daysLeft: 0,
  reportId: null,
  status: 'not-opened',
  timeliness: 'not-yet-due',
});

describe('the report calendar’s windows', () => {
  it('counts days across months, years and a leap day', () => {
    expect(shiftDay('2026-12-07', -366)).toBe('2025-12-06');
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('keeps the staff’s one window: 200 days back, 160 ahead', () => {
    expect(calendarWindows('2026-12-07', false)).toEqual([{ from: '2026-05-21', to: '2027-05-16' }]);
  });

  it('gives a facility last year’s annual report even ten months overdue, and the next one, within the API’s 366 days', () => {
    // Today 07/12/2026: the 2025 report was due by 02/02/2026 (308 days ago), the 2026 one by 01/02/2027.
    const windows = calendarWindows('2026-12-07', true);
    expect(windows).toEqual([
      { from: '2025-12-06', to: '2026-12-07' },
      { from: '2026-12-08', to: '2027-05-16' },
    ]);
    expect(windows.every((w) => span(w) <= 366)).toBe(true);
    const covered = (day: string) => windows.some((w) => w.from <= day && day <= w.to);
    expect(['2026-02-02', '2027-02-01'].every(covered)).toBe(true);
    // On 31 January the report due that day is in the first window, not twice.
    const [past, next] = calendarWindows('2027-01-31', true);
    expect([past!.to, next!.from]).toEqual(['2027-01-31', '2027-02-01']);
  });

  it('merges the windows’ answers by last on-time day, each report once', () => {
    const merged = mergeCalendars([
      { items: [item('2025-Y', '2026-02-02')] },
      { items: [item('2026-Y', '2027-02-01'), item('2025-Y', '2026-02-02')] },
    ]);
    expect(merged.map((i) => i.period)).toEqual(['2025-Y', '2026-Y']);
    const sameDay = mergeCalendars([
      { items: [item('2025-Y', '2026-02-02', 'b'), item('2025-Y', '2026-02-02', 'a')] },
    ]);
    expect(sameDay.map((i) => i.reporterId)).toEqual(['b', 'a']);
  });
});
