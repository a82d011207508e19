import { describe, expect, it } from '@jest/globals';
import {
  basisPointsText,
  bilingualNote,
  centiHaText,
  hectaresText,
  latestPeriod,
  percentBound,
  periodFromParams,
  periodText,
  recentPeriods,
  ruleSetText,
  timingText,
  toCentiHa,
  vietnamDay,
  vndText,
} from './figures';

describe('cluster figures as the pages write them', () => {
  it('writes hectares with two decimals in Vietnamese and English number formats', () => {
    expect(centiHaText(2_899_750, 'vi')).toBe('28.997,50 ha');
    expect(centiHaText(2_899_750, 'en')).toBe('28,997.50 ha');
    expect(centiHaText(5, 'vi')).toBe('0,05 ha');
    expect(hectaresText(62.5, 'vi')).toBe('62,50 ha');
    expect(hectaresText(null, 'vi')).toBe('—');
  });

  it('takes the API’s hectares back to exact hundredths (no binary fraction)', () => {
    expect(toCentiHa(12.35)).toBe(1235);
    expect(toCentiHa(0.29)).toBe(29);
    expect(hectaresText(1.005 + 0.005, 'vi')).toBe('1,01 ha');
  });

  it('shows occupancy in basis points as the registry does: one decimal half up, no trailing ,0', () => {
    expect(basisPointsText(6250, 'vi')).toBe('62,5%');
    expect(basisPointsText(6250, 'en')).toBe('62.5%');
    expect(basisPointsText(8500, 'vi')).toBe('85%');
    expect(basisPointsText(5995, 'vi')).toBe('60%');
    expect(basisPointsText(5994, 'vi')).toBe('59,9%');
    expect(basisPointsText(null, 'vi')).toBe('—');
  });

  it('groups whole VND', () => {
    expect(vndText(120_000_000_000, 'vi')).toBe('120.000.000.000 đ');
    expect(vndText(1_500_000, 'en')).toBe('1,500,000 đ');
    expect(vndText(null, 'vi')).toBe('—');
  });
});

describe('report periods (Circular 14/2024: cut-offs 14 June and 14 December)', () => {
  it('takes the latest period whose cut-off has passed', () => {
    expect(latestPeriod('2026-06-13')).toEqual({ kind: 'annual', year: 2025 });
    expect(latestPeriod('2026-06-14')).toEqual({ kind: 'six-monthly', year: 2026 });
    expect(latestPeriod('2026-12-13')).toEqual({ kind: 'six-monthly', year: 2026 });
    expect(latestPeriod('2026-12-14')).toEqual({ kind: 'annual', year: 2026 });
  });

  it('lists recent periods newest first', () => {
    expect(recentPeriods('2026-12-07', 3)).toEqual([
      { kind: 'six-monthly', year: 2026 },
      { kind: 'annual', year: 2025 },
      { kind: 'six-monthly', year: 2025 },
    ]);
  });

  it('reads the period from the URL, falling back to the latest for what is missing or wrong', () => {
    expect(periodFromParams('annual', '2024', '2026-12-07')).toEqual({ kind: 'annual', year: 2024 });
    expect(periodFromParams('quarterly', 'x', '2026-12-07')).toEqual({ kind: 'six-monthly', year: 2026 });
  });

  it('names periods in both languages', () => {
    expect(periodText({ kind: 'six-monthly', year: 2026 }, 'vi')).toBe('6 tháng đầu năm 2026');
    expect(periodText({ kind: 'annual', year: 2025 }, 'en')).toBe('Year 2025');
  });

  it('counts the day in Việt Nam, not in UTC', () => {
    // 17:00 UTC on 19 June is midnight of 20 June in Hà Nội.
    expect(vietnamDay(new Date('2026-06-19T16:59:59Z'))).toBe('2026-06-19');
    expect(vietnamDay(new Date('2026-06-19T17:00:00Z'))).toBe('2026-06-20');
  });
});

describe('a report’s timing in words', () => {
  const base = { late: false, daysLate: 0, overdue: false, daysOverdue: 0, firstSubmittedOn: null };
  it('says late, overdue, on time or not yet due', () => {
    expect(timingText({ ...base, late: true, daysLate: 3, firstSubmittedOn: '2026-06-22' }, 'vi')).toBe(
      'Nộp muộn 3 ngày',
    );
    expect(timingText({ ...base, overdue: true, daysOverdue: 1 }, 'en')).toBe(
      'Overdue by 1 day, not submitted',
    );
    expect(timingText({ ...base, firstSubmittedOn: '2026-06-18' }, 'vi')).toBe('Đúng hạn');
    expect(timingText(base, 'vi')).toBe('Chưa đến hạn');
  });
});

describe('the occupancy filter’s bounds', () => {
  it('keeps a percent 0–100 typed with a comma or a point, and drops anything else', () => {
    expect(percentBound('62,5')).toBe('62.5');
    expect(percentBound(' 100 ')).toBe('100');
    expect(percentBound('101')).toBeUndefined();
    expect(percentBound('-1')).toBeUndefined();
    expect(percentBound('abc')).toBeUndefined();
    expect(percentBound(null)).toBeUndefined();
  });
});

describe('the rule set a step was judged by', () => {
  it('names a decree’s rule set as the decree, and keeps an unknown id as sent', () => {
    expect(ruleSetText('nd-32-2024', 'vi')).toBe('Nghị định 32/2024/NĐ-CP');
    expect(ruleSetText('nd-68-2017', 'en')).toBe('Decree 68/2017/ND-CP');
    expect(ruleSetText('before-registry', 'vi')).toBe('quy định trước Nghị định 68/2017');
    expect(ruleSetText('tt-99-2030', 'vi')).toBe('tt-99-2030');
  });
});

describe('a registry note', () => {
  it('reads a "vi / en" note in the reader’s language and any other note as written', () => {
    const note = 'Ghi nhận khi đăng ký vào hệ thống / recorded at registration';
    expect(bilingualNote(note, 'vi')).toBe('Ghi nhận khi đăng ký vào hệ thống');
    expect(bilingualNote(note, 'en')).toBe('recorded at registration');
    expect(bilingualNote('Mở rộng theo nhu cầu thuê đất', 'en')).toBe('Mở rộng theo nhu cầu thuê đất');
  });
});
