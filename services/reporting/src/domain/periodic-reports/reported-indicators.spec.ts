import {
  countedReports,
  departmentFormsFrom,
  reportedIndicatorDefinitions,
  reportedIndicators,
  type ApprovedReport,
} from './reported-indicators';

const TODAY = '2026-12-07';

/** An approved department report; quarterly unless the period says otherwise. */
function approved(
  provinceCode: string,
  period: string,
  values: ApprovedReport['values'],
  more: Partial<ApprovedReport> = {},
): ApprovedReport {
  const kind = period.slice(5, 6);
  const formId =
    kind === 'Y' ? 'sct-khuyen-cong-nam' : kind === 'H' ? 'sct-khuyen-cong-6-thang' : 'sct-khuyen-cong-quy';
  return {
    formId,
    formVersion: 1,
    period,
    provinceCode,
    approvedVersion: 1,
    values,
    underCorrection: false,
    ...more,
  };
}

const national = (year: number, grouping: 'current' | 'historical' = 'current') => ({
  year,
  grouping,
  region: null,
  today: TODAY,
});

describe("the year's report of a unit", () => {
  it('is the annual report when approved, else the latest six-monthly or quarterly one (year-to-date)', () => {
    const reports = [
      approved('40', '2026-Q3', { trainees: 300 }),
      approved('40', '2026-Y', { trainees: 500 }),
      approved('40', '2026-Q4', { trainees: 480 }),
      approved('42', '2026-Q1', { trainees: 10 }),
      approved('42', '2026-H1', { trainees: 40 }),
      approved('42', '2026-Q2', { trainees: 35 }),
      approved('42', '2026-Q3', { trainees: 70 }),
      approved('44', '2026-Q2', { trainees: 20 }),
      approved('44', '2026-H1', { trainees: 25 }),
      approved('46', '2025-Y', { trainees: 999 }),
    ];
    const counted = countedReports(reports, 2026);
    expect(Object.fromEntries([...counted].map(([code, r]) => [code, [r.period, r.cutOff]]))).toEqual({
      '40': ['2026-Y', '2026-12-31'],
      '42': ['2026-Q3', '2026-09-30'],
      // At one cut-off (30 June) the six-monthly report counts, not the quarterly.
      '44': ['2026-H1', '2026-06-30'],
    });
  });

  it("ignores other forms' reports and refuses two approved reports of one form and period", () => {
    const monthly = { ...approved('40', '2026-M03', { trainees: 5 }), formId: 'don-vi-thuc-hien-thang' };
    expect(countedReports([monthly], 2026).size).toBe(0);
    expect(() =>
      countedReports([approved('40', '2026-Q1', {}), approved('40', '2026-Q1', {})], 2026),
    ).toThrow(/two approved reports/);
  });
});

describe('reported indicators of the conference views', () => {
  it('lists every indicator of the department forms once, ratios in basis points', () => {
    const keys = reportedIndicatorDefinitions.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        'projectsApproved',
        'completionRate',
        'kcqgDisbursedVnd',
        'trainees',
        'brands',
      ]),
    );
    const disbursed = reportedIndicatorDefinitions.find((d) => d.key === 'kcqgDisbursedVnd')!;
    expect([disbursed.measure, disbursed.members.map((m) => m.key)]).toEqual([
      'vnd',
      [
        'content-1',
        'content-2',
        'content-3',
        'content-4',
        'content-5',
        'content-6',
        'content-7',
        'content-8',
        'content-9',
      ],
    ]);
    expect(reportedIndicatorDefinitions.find((d) => d.key === 'completionRate')).toMatchObject({
      kind: 'ratio',
      measure: 'basis-points',
      labelVi: 'Tỷ lệ hoàn thành (%)',
    });
    expect(departmentFormsFrom).toBe('2025-07-01');
  });

  it('sums the approved figures exactly per unit, region and nation, per content where entered so', () => {
    const big = 4_503_599_627_370_000; // sums of such figures stay exact or fail, never round
    const result = reportedIndicators(
      [
        approved('40', '2026-Y', {
          trainees: 120,
          'kcqgDisbursedVnd/content-3': 800_000_000,
          'kcqgDisbursedVnd/content-4': 200_000_000,
        }),
        approved('42', '2026-Q3', { trainees: 30, 'kcqgDisbursedVnd/content-3': big }),
        approved('79', '2026-H2', { trainees: 7, 'kcqgDisbursedVnd/content-1': 1 }),
      ],
      national(2026),
    );
    const unit = (code: string) => result.units.find((u) => u.code === code)!;
    expect(unit('40').figures).toMatchObject({
      totals: { trainees: 120, kcqgDisbursedVnd: 1_000_000_000 },
      members: { kcqgDisbursedVnd: { 'content-3': 800_000_000, 'content-4': 200_000_000 } },
    });
    const north = result.regions.find((r) => r.code === 'north')!;
    expect(north.figures!.totals).toEqual({ trainees: 150, kcqgDisbursedVnd: big + 1_000_000_000 });
    expect(north.figures!.members.kcqgDisbursedVnd).toEqual({
      'content-3': big + 800_000_000,
      'content-4': 200_000_000,
    });
    expect(result.total.figures!.totals).toEqual({ trainees: 157, kcqgDisbursedVnd: big + 1_000_000_001 });
    expect([result.total.reported, result.total.expected]).toEqual([3, 34]);
    expect(result.regions.map((r) => r.expected)).toEqual([18, 8, 8]);
    expect(result.regions.reduce((n, r) => n + r.reported, 0)).toBe(result.total.reported);
    expect(() =>
      reportedIndicators(
        [
          approved('40', '2026-Y', { trainees: Number.MAX_SAFE_INTEGER }),
          approved('42', '2026-Y', { trainees: 1 }),
        ],
        national(2026),
      ),
    ).toThrow(RangeError);
  });

  it('recomputes the completion rate from the summed totals, never averaging the units’ rates', () => {
    const result = reportedIndicators(
      [
        approved('40', '2026-Y', { 'projectsApproved/content-1': 1, 'projectsCompleted/content-1': 1 }),
        approved('42', '2026-Y', {
          'projectsApproved/content-1': 2,
          'projectsApproved/content-3': 1,
          'projectsCompleted/content-3': 1,
        }),
        approved('44', '2026-Y', { 'projectsApproved/content-1': 0, 'projectsCompleted/content-1': 0 }),
      ],
      national(2026),
    );
    const rate = (code: string) => result.units.find((u) => u.code === code)!.figures!.ratios.completionRate;
    expect([rate('40'), rate('42'), rate('44')]).toEqual([10_000, 3_333, null]);
    // 2 of 4 = 50 %, where the average of 100 % and 33.3 % would say 66.7 %.
    expect(result.total.figures!.ratios.completionRate).toBe(5_000);
  });

  it('lists the units without an approved report as missing, with no figures rather than zeros', () => {
    const result = reportedIndicators([approved('40', '2026-Q3', { trainees: 3 })], {
      ...national(2026),
      region: 'north',
    });
    expect(result.units).toHaveLength(18);
    expect(result.regions.map((r) => r.code)).toEqual(['north']);
    const hanoi = result.units.find((u) => u.code === '01')!;
    expect(hanoi).toMatchObject({ reportedBy: [], missing: ['01'], figures: null });
    expect(result.reportingUnits.filter((u) => u.report === null)).toHaveLength(17);
    expect(result.reportingUnits.find((u) => u.code === '40')!.report).toEqual({
      formId: 'sct-khuyen-cong-quy',
      period: '2026-Q3',
      cutOff: '2026-09-30',
      approvedVersion: 1,
      underCorrection: false,
    });
    expect([result.total.reported, result.total.expected]).toEqual([1, 18]);
    expect(reportedIndicators([], national(2026)).total).toEqual({
      expected: 34,
      reported: 0,
      figures: null,
    });
  });

  it('keeps counting a reopened report’s approved version, marked as being corrected', () => {
    const result = reportedIndicators(
      [approved('40', '2026-Y', { trainees: 9 }, { approvedVersion: 2, underCorrection: true })],
      national(2026),
    );
    expect(result.total.figures!.totals.trainees).toBe(9);
    expect(result.reportingUnits.find((u) => u.code === '40')!.report).toMatchObject({
      approvedVersion: 2,
      underCorrection: true,
    });
  });

  describe('a year of the 63 units', () => {
    // The forms begin on 01/07/2025; these stand for 2024 reports recorded under a form for that time.
    const reports = [
      approved('35', '2024-Y', { trainees: 10, 'kcqgDisbursedVnd/content-3': 100 }), // Hà Nam
      approved('37', '2024-Y', { trainees: 30, 'kcqgDisbursedVnd/content-3': 300 }), // Ninh Bình (old)
      approved('60', '2024-Q4', { trainees: 5 }), // Bình Thuận, southern in 2024
      approved('15', '2024-Y', { trainees: 2 }), // Yên Bái in 2024; 15 is Lào Cai today
    ];

    it('shows them as they were: 63 reporting units, Bình Thuận in the South', () => {
      const result = reportedIndicators(reports, national(2024, 'historical'));
      expect([result.reportingUnitsAsOf, result.unitsAsOf]).toEqual(['2024-12-31', '2024-12-31']);
      expect(result.units).toHaveLength(63);
      expect(result.units.find((u) => u.code === '36')).toMatchObject({
        nameVi: 'Nam Định',
        missing: ['36'],
      });
      expect(result.units.find((u) => u.code === '15')).toMatchObject({
        nameVi: 'Yên Bái',
        reportedBy: ['15'],
      });
      const south = result.regions.find((r) => r.code === 'south')!;
      expect([south.reported, south.figures!.totals.trainees]).toEqual([1, 5]);
      expect([result.total.reported, result.total.expected]).toEqual([4, 63]);
    });

    it("restates them to today's 34: old units summed into the unit that holds them, the missing named", () => {
      const result = reportedIndicators(reports, national(2024));
      expect([result.reportingUnitsAsOf, result.unitsAsOf]).toEqual(['2024-12-31', TODAY]);
      expect(result.units).toHaveLength(34);
      expect(result.units.find((u) => u.code === '37')).toMatchObject({
        nameVi: 'Ninh Bình',
        reportedBy: ['35', '37'],
        missing: ['36'],
        figures: { totals: { trainees: 40, kcqgDisbursedVnd: 400 } },
      });
      // Yên Bái's 15 of 2024 goes into today's 15 (Lào Cai), which also holds old 10 Lào Cai.
      expect(result.units.find((u) => u.code === '15')).toMatchObject({
        nameVi: 'Lào Cai',
        reportedBy: ['15'],
        missing: ['10'],
      });
      expect(result.reportingUnits.find((u) => u.code === '60')).toMatchObject({
        nameVi: 'Bình Thuận',
        regionCode: 'south',
        countedIn: '68',
      });
      // Today's Lâm Đồng is central: Bình Thuận's figures move with it; the nation's do not change.
      const central = result.regions.find((r) => r.code === 'central')!;
      expect(central.figures!.totals.trainees).toBe(5);
      expect(result.regions.find((r) => r.code === 'south')!.figures).toBeNull();
      expect(result.total).toEqual(reportedIndicators(reports, national(2024, 'historical')).total);
      const centralOnly = reportedIndicators(reports, { ...national(2024), region: 'central' });
      expect(centralOnly.reportingUnits.map((u) => u.code)).toContain('60');
      expect(centralOnly.total.figures!.totals.trainees).toBe(5);
    });
  });

  it('refuses bad data rather than dropping it from a total', () => {
    expect(() => reportedIndicators([approved('40', '2026-Y', { nope: 1 })], national(2026))).toThrow(
      /not a cell/,
    );
    expect(() => reportedIndicators([approved('40', '2026-Y', { trainees: -1 })], national(2026))).toThrow(
      /whole number/,
    );
    // 36 Nam Định reporting for 2026: no such unit owes the reports of 2026.
    expect(() => reportedIndicators([approved('36', '2026-Y', { trainees: 1 })], national(2026))).toThrow(
      /not filed by a unit/,
    );
  });

  it('reads the units of a running year on today, and of an old year within the reference data', () => {
    expect(reportedIndicators([], { ...national(2027), today: TODAY }).reportingUnitsAsOf).toBe(TODAY);
    expect(reportedIndicators([], national(2005, 'historical')).reportingUnitsAsOf).toBe('2008-08-01');
  });
});
