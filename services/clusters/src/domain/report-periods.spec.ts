import { RuleViolationError } from '@kc/errors';
import { dayBefore } from '@kc/reference-data';
import { dataWindow, deadlineOf, lateness, regimeFor, reportingRegimes } from './report-periods';

const h1 = (year: number) => ({ kind: 'six-monthly' as const, year });
const annual = (year: number) => ({ kind: 'annual' as const, year });

describe('report periods of Circular 14/2024/TT-BCT', () => {
  it('cover 15 December of the year before up to the 14 June or 14 December cut-off', () => {
    expect(dataWindow(h1(2025))).toEqual({ from: '2024-12-15', cutOff: '2025-06-14' });
    expect(dataWindow(annual(2025))).toEqual({ from: '2024-12-15', cutOff: '2025-12-14' });
    expect(() => dataWindow(h1(2025.5))).toThrow(RangeError);
  });

  it('give firms and developers until before 20 June and 20 December', () => {
    for (const reporter of ['tenant-firm', 'developer'] as const) {
      expect(deadlineOf(h1(2025), reporter)).toMatchObject({
        dueBefore: '2025-06-20',
        lastOnTimeDay: '2025-06-19',
      });
      expect(deadlineOf(annual(2025), reporter)).toMatchObject({
        dueBefore: '2025-12-20',
        lastOnTimeDay: '2025-12-19',
      });
    }
    expect(deadlineOf(h1(2025), 'developer')).toMatchObject({ form: 'Biểu 02', regimeId: 'tt-14-2024' });
  });

  it('give the local level until before the 25th and the province until before 30 June and 31 December', () => {
    expect(deadlineOf(annual(2025), 'local-committee').dueBefore).toBe('2025-12-25');
    expect(deadlineOf(h1(2026), 'province')).toMatchObject({
      dueBefore: '2026-06-30',
      lastOnTimeDay: '2026-06-29',
      form: 'Biểu 04',
    });
    expect(deadlineOf(annual(2026), 'province')).toMatchObject({
      dueBefore: '2026-12-31',
      lastOnTimeDay: '2026-12-30',
    });
  });

  it('keep the calendar date even when it falls on a weekend (20 June 2026 is a Saturday)', () => {
    expect(new Date('2026-06-20T00:00:00Z').getUTCDay()).toBe(6);
    expect(deadlineOf(h1(2026), 'developer').dueBefore).toBe('2026-06-20');
  });

  it('count a report late from the deadline day, by calendar days past the last on-time day', () => {
    expect(lateness(h1(2026), 'developer', '2026-06-19')).toEqual({ late: false, daysLate: 0 });
    expect(lateness(h1(2026), 'developer', '2026-06-20')).toEqual({ late: true, daysLate: 1 });
    expect(lateness(annual(2025), 'province', '2026-01-09')).toEqual({ late: true, daysLate: 10 });
  });

  it('report a period under the regime in force on its cut-off: the commune level from July 2025', () => {
    expect(regimeFor(h1(2025)).forms['local-committee'].reporterName.vi).toBe('Ủy ban nhân dân cấp huyện');
    expect(regimeFor(annual(2025)).forms['local-committee'].reporterName.vi).toBe('Ủy ban nhân dân cấp xã');
    expect(regimeFor(annual(2025)).basis.vi).toBe(
      'Điều 3 Thông tư 14/2024/TT-BCT (sửa đổi, bổ sung bởi Thông tư 38/2025/TT-BCT)',
    );
    expect(regimeFor(annual(2024)).id).toBe('tt-14-2024');
  });

  it('know no regime for a period cut off before 01/10/2024', () => {
    const make = () => regimeFor(h1(2024));
    expect(make).toThrow(RuleViolationError);
    expect(make).toThrow(/6 tháng đầu năm 2024 \(chốt số liệu ngày 14\/06\/2024\)/);
  });

  it('keep the regimes back to back', () => {
    reportingRegimes.slice(1).forEach((regime, i) => {
      expect(dayBefore(regime.validFrom)).toBe(reportingRegimes[i].validTo);
    });
  });
});
