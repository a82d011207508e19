import { describe, expect, it } from '@jest/globals';
import {
  badgeText,
  latestDuePeriod,
  namedDeadline,
  periodsOfYear,
  periodText,
  provinceRows,
  reportersNoun,
  reportStatusText,
  sectionRows,
  shownContent,
  unitsByState,
  type Unit,
} from './figures';

describe('periods of the periodic reports', () => {
  it('names the 15th of the month after the period as its deadline, across the year end', () => {
    expect(namedDeadline('2026-Q1')).toBe('2026-04-15');
    expect(namedDeadline('2026-Q4')).toBe('2027-01-15');
    expect(namedDeadline('2026-H1')).toBe('2026-07-15');
    expect(namedDeadline('2026-Y')).toBe('2027-01-15');
  });

  it('opens on the latest quarter whose deadline has passed', () => {
    expect(latestDuePeriod('quarter', '2026-12-07')).toBe('2026-Q3');
    expect(latestDuePeriod('quarter', '2026-10-15')).toBe('2026-Q2');
    expect(latestDuePeriod('quarter', '2026-10-16')).toBe('2026-Q3');
    expect(latestDuePeriod('quarter', '2026-01-10')).toBe('2025-Q3');
    expect(latestDuePeriod('half-year', '2026-12-07')).toBe('2026-H1');
    expect(latestDuePeriod('year', '2026-12-07')).toBe('2025-Y');
  });

  it('opens the implementing units’ form on the latest month past the 25th, the holders’ on the latest year past January', () => {
    expect(namedDeadline('2026-M03', 'implementing-unit')).toBe('2026-03-25');
    expect(latestDuePeriod('month', '2026-03-25', 'implementing-unit')).toBe('2026-M02');
    expect(latestDuePeriod('month', '2026-03-26', 'implementing-unit')).toBe('2026-M03');
    expect(latestDuePeriod('month', '2026-01-10', 'implementing-unit')).toBe('2025-M12');
    expect(namedDeadline('2025-Y', 'certificate-holder')).toBe('2026-01-31');
    expect(latestDuePeriod('year', '2026-01-20', 'certificate-holder')).toBe('2024-Y');
    expect(latestDuePeriod('year', '2026-02-01', 'certificate-holder')).toBe('2025-Y');
    // The departments' annual report falls due on 15 January: the same day shows 2025 for them already.
    expect(latestDuePeriod('year', '2026-01-20')).toBe('2025-Y');
  });

  it('lists a year’s periods and writes them in each language', () => {
    expect(periodsOfYear('quarter', 2026)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOfYear('month', 2026)[2]).toBe('2026-M03');
    expect(periodText('2026-Q3', 'vi')).toBe('Quý III/2026');
    expect(periodText('2026-Q3', 'en')).toBe('Q3 2026');
    expect(periodText('2026-H2', 'vi')).toBe('6 tháng cuối năm 2026');
    expect(periodText('2026-Y', 'en')).toBe('Year 2026');
    expect(periodText('nonsense', 'vi')).toBe('nonsense');
  });
});

describe('the completeness panel’s unit lists', () => {
  const unit = (provinceCode: string, timeliness: Unit['timeliness'], daysLate = 0): Unit => ({
    provinceCode,
    regionCode: 'north',
    timeliness,
    daysLate,
    review: 'none',
    awaiting: null,
  });
  const names: Record<string, string> = { '01': 'Hà Nội', '40': 'Nghệ An', '04': 'Cao Bằng' };

  it('groups the units by standing in the given order, each group by Vietnamese name, with days late', () => {
    const groups = unitsByState(
      [unit('40', 'late', 3), unit('01', 'on-time'), unit('04', 'on-time'), unit('99', 'overdue')],
      (u) => u.timeliness,
      ['on-time', 'late', 'overdue', 'not-yet-due'] as const,
      (code) => names[code] ?? code,
    );
    expect(groups.map((g) => [g.state, g.units.map((u) => u.name)])).toEqual([
      ['on-time', ['Cao Bằng', 'Hà Nội']],
      ['late', ['Nghệ An']],
      ['overdue', ['99']],
      ['not-yet-due', []],
    ]);
    expect(groups[1]!.units[0]!.daysLate).toBe(3);
  });

  it('sorts by the bare name while showing the full one', () => {
    const full: Record<string, string> = {
      '01': 'Thành phố Hà Nội',
      '04': 'Tỉnh Cao Bằng',
      '40': 'Tỉnh Nghệ An',
    };
    const [onTime] = unitsByState(
      [unit('40', 'on-time'), unit('01', 'on-time'), unit('04', 'on-time')],
      (u) => u.timeliness,
      ['on-time'] as const,
      (code) => full[code]!,
      (code) => names[code]!,
    );
    expect(onTime!.units.map((u) => u.name)).toEqual(['Tỉnh Cao Bằng', 'Thành phố Hà Nội', 'Tỉnh Nghệ An']);
  });
});

describe('a report’s cells beside the platform’s figures', () => {
  const form = {
    sections: [
      {
        key: 'projects',
        title: { vi: 'I. Đề án', en: 'I. Projects' },
        indicators: [{ kind: 'entered' as const, key: 'projectsApproved', label: { vi: 'a', en: 'a' } }],
      },
      {
        key: 'results',
        title: { vi: 'III. Kết quả', en: 'III. Results' },
        indicators: [
          { kind: 'entered' as const, key: 'trainees', label: { vi: 'b', en: 'b' } },
          { kind: 'entered' as const, key: 'boothsSupported', label: { vi: 'c', en: 'c' } },
        ],
      },
    ],
    cells: [
      cell('projectsApproved/content-1', 'projectsApproved'),
      cell('trainees', 'trainees'),
      cell('boothsSupported', 'boothsSupported'),
    ],
  };
  function cell(key: string, indicatorKey: string) {
    return {
      key,
      indicatorKey,
      member: null,
      label: { vi: `Ô ${key}`, en: `Cell ${key}` },
      measure: 'count' as const,
      platformSource: null,
      required: true,
    };
  }

  it('groups cells by section and flags a difference only where the platform knows the figure', () => {
    const sections = sectionRows(
      form,
      {
        entered: { 'projectsApproved/content-1': 4, trainees: 120, boothsSupported: 7 },
        explanations: { boothsSupported: 'Gồm gian hàng tỉnh tự hỗ trợ', trainees: '  ' },
      },
      { 'projectsApproved/content-1': 4, boothsSupported: 5 },
      'vi',
    );
    expect(sections.map((s) => [s.title, s.rows.map((r) => r.key)])).toEqual([
      ['I. Đề án', ['projectsApproved/content-1']],
      ['III. Kết quả', ['trainees', 'boothsSupported']],
    ]);
    const [trainees, booths] = sections[1]!.rows;
    expect([trainees!.platform, trainees!.differs, trainees!.explanation]).toEqual([null, false, null]);
    expect([booths!.platform, booths!.entered, booths!.differs, booths!.explanation]).toEqual([
      5,
      7,
      true,
      'Gồm gian hàng tỉnh tự hỗ trợ',
    ]);
    expect(sections[0]!.rows[0]!.differs).toBe(false);
  });

  it('counts a blank entry against a known platform figure as a difference', () => {
    const [section] = sectionRows(
      form,
      { entered: {}, explanations: {} },
      { 'projectsApproved/content-1': 2 },
      'en',
    );
    expect(section!.rows[0]).toMatchObject({ platform: 2, entered: null, differs: true });
  });

  it('shows the working copy while edited, else the latest version with the figures it was checked against', () => {
    const content = { entered: { trainees: 1 }, explanations: {}, narratives: {}, attachments: [] };
    const base = { working: null, platform: { trainees: 9 } };
    const versions = [
      { number: 1, content: { ...content, entered: { trainees: 1 } }, platform: { trainees: 1 } },
      { number: 2, content: { ...content, entered: { trainees: 2 } }, platform: { trainees: 2 } },
    ];
    const submitted = shownContent({ ...base, versions } as never);
    expect([submitted.version, submitted.content?.entered, submitted.platform]).toEqual([
      2,
      { trainees: 2 },
      { trainees: 2 },
    ]);
    const draft = shownContent({ ...base, working: content, versions } as never);
    expect([draft.version, draft.platform]).toEqual([null, { trainees: 9 }]);
  });
});

describe('labels', () => {
  it('says which level a submitted report awaits', () => {
    expect(reportStatusText('submitted', 'agency', 'vi')).toBe('Đã gửi, chờ Cục duyệt');
    expect(reportStatusText('submitted', 'province', 'en')).toBe('Submitted, awaiting the province');
    expect(reportStatusText('approved', null, 'vi')).toBe('Đã duyệt');
  });

  it('hides the unread badge at zero and caps it at 99+', () => {
    expect([badgeText(0), badgeText(3), badgeText(120)]).toEqual([null, '3', '99+']);
  });
});

describe('the completeness panel of a form with many reporters per unit', () => {
  const counts = (units: number, onTime = 0) => {
    const share = (count: number) => ({ count, of: units, percent: null });
    return {
      units,
      submitted: share(onTime),
      onTime: share(onTime),
      late: share(0),
      overdue: share(units - onTime),
      notYetDue: share(0),
      approved: share(0),
      returned: share(0),
      awaitingReview: share(onTime),
      awaitingProvince: share(onTime),
      awaitingAgency: share(0),
      reopened: share(0),
      onTimeOfSubmitted: share(onTime),
    };
  };
  const view = {
    provinces: [
      { provinceCode: '40', regionCode: 'north' as const, counts: counts(2, 1) },
      { provinceCode: '01', regionCode: 'north' as const, counts: counts(1) },
      { provinceCode: '04', regionCode: 'north' as const, counts: counts(0) },
      { provinceCode: '79', regionCode: 'south' as const, counts: counts(3) },
    ],
  };
  const names: Record<string, string> = {
    '01': 'Thành phố Hà Nội',
    '40': 'Tỉnh Nghệ An',
    '04': 'Tỉnh Cao Bằng',
  };
  const bare: Record<string, string> = { '01': 'Hà Nội', '40': 'Nghệ An', '04': 'Cao Bằng' };

  it('lists a region’s units that owe reports, by bare Vietnamese name, with their counts', () => {
    const rows = provinceRows(
      view,
      'north',
      (code) => names[code] ?? code,
      (code) => bare[code] ?? code,
    );
    expect(rows.map((r) => [r.code, r.name, r.counts.units, r.counts.onTime.count])).toEqual([
      ['01', 'Thành phố Hà Nội', 1, 0],
      ['40', 'Tỉnh Nghệ An', 2, 1],
    ]);
    expect(provinceRows(view, 'central', (code) => code)).toEqual([]);
  });

  it('names what is counted: units, projects or facilities', () => {
    expect(reportersNoun('provincial-department', 'vi')).toBe('đơn vị');
    expect(reportersNoun('implementing-unit', 'vi')).toBe('đề án');
    expect(reportersNoun('certificate-holder', 'en')).toBe('facilities');
  });
});
