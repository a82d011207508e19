import { describe, expect, it } from '@jest/globals';
import type { ConferenceReportedIndicators } from '@kc/contracts';
import {
  beforeTheForms,
  missingUnits,
  reportedColumns,
  reportedRows,
  reportedShare,
  sourceSummary,
  unitsUnderCorrection,
} from './reported-indicators';

const indicators: ConferenceReportedIndicators['indicators'] = [
  {
    key: 'kcqgDisbursedVnd',
    labelVi: 'Kinh phí KCQG đã giải ngân',
    labelEn: 'KCQG disbursed',
    kind: 'entered',
    measure: 'vnd',
    members: [{ key: 'content-3', labelVi: 'nội dung 3', labelEn: 'content 3' }],
  },
  {
    key: 'trainees',
    labelVi: 'Lượt người được đào tạo, truyền nghề',
    labelEn: 'Trainees',
    kind: 'entered',
    measure: 'count',
    members: [],
  },
  {
    key: 'completionRate',
    labelVi: 'Tỷ lệ hoàn thành (%)',
    labelEn: 'Completion rate (%)',
    kind: 'ratio',
    measure: 'basis-points',
    members: [],
  },
];

const figures = (disbursed: number, trainees: number, rate: number | null) => ({
  totals: { kcqgDisbursedVnd: disbursed, trainees },
  members: { kcqgDisbursedVnd: { 'content-3': disbursed } },
  ratios: { completionRate: rate },
});

const report = (period: string, cutOff: string, underCorrection = false) => ({
  formId: 'sct-khuyen-cong-quy',
  period,
  cutOff,
  approvedVersion: 1,
  underCorrection,
});

const section: ConferenceReportedIndicators = {
  departmentFormsFrom: '2025-07-01',
  reportingUnitsAsOf: '2026-12-31',
  unitsAsOf: '2027-02-01',
  indicators,
  reportingUnits: [
    { code: '01', nameVi: 'Hà Nội', regionCode: 'north', countedIn: '01', report: null },
    {
      code: '40',
      nameVi: 'Nghệ An',
      regionCode: 'north',
      countedIn: '40',
      report: report('2026-Y', '2026-12-31', true),
    },
    {
      code: '48',
      nameVi: 'Đà Nẵng',
      regionCode: 'central',
      countedIn: '48',
      report: report('2026-Q2', '2026-06-30'),
    },
    {
      code: '79',
      nameVi: 'Hồ Chí Minh',
      regionCode: 'south',
      countedIn: '79',
      report: report('2026-Q3', '2026-09-30'),
    },
  ],
  units: [],
  regions: [
    {
      code: 'north',
      nameVi: 'Bắc',
      nameEn: 'Northern',
      expected: 18,
      reported: 1,
      figures: figures(800_000_000, 120, 7_500),
    },
    {
      code: 'central',
      nameVi: 'Trung – Tây Nguyên',
      nameEn: 'Central & Highlands',
      expected: 8,
      reported: 1,
      figures: figures(0, 10, null),
    },
    { code: 'south', nameVi: 'Nam', nameEn: 'Southern', expected: 8, reported: 0, figures: null },
  ],
  total: { expected: 34, reported: 3, figures: figures(2_050_000_005, 175, 5_714) },
};

describe('the panel of the indicators the departments reported', () => {
  it('shows the nation, then each region, with how many units reported, Vietnamese first', () => {
    const columns = reportedColumns(section, 'vi');
    expect(columns.map((c) => c.title)).toEqual([
      'Toàn quốc',
      'Miền Bắc',
      'Miền Trung – Tây Nguyên',
      'Miền Nam',
    ]);
    expect(reportedShare(columns[0], 'vi')).toBe('3/34 đơn vị đã báo cáo');
    expect(reportedShare(columns[3], 'en')).toBe('0 of 8 units reported');
    expect(reportedColumns(section, 'en')[0].title).toBe('National');
  });

  it('writes each total in full the Vietnamese way, ratios from basis points, a dash where none reported', () => {
    const rows = reportedRows(section, reportedColumns(section, 'vi'), 'vi');
    expect(rows.map((r) => r.label)).toEqual([
      'Kinh phí KCQG đã giải ngân',
      'Lượt người được đào tạo, truyền nghề',
      'Tỷ lệ hoàn thành',
    ]);
    expect(rows[0].cells).toEqual(['2.050.000.005 đ', '800.000.000 đ', '0 đ', '—']);
    expect(rows[1].cells).toEqual(['175', '120', '10', '—']);
    expect(rows[2].cells).toEqual(['57,1 %', '75,0 %', '—', '—']);
  });

  it('shows only its region on a regional page', () => {
    const regional = { ...section, regions: [section.regions[1]], total: section.regions[1] };
    const columns = reportedColumns(regional, 'vi');
    expect(columns.map((c) => [c.title, c.reported, c.expected])).toEqual([
      ['Miền Trung – Tây Nguyên', 1, 8],
    ]);
  });

  it('names the units without an approved report, those being corrected, and where the figures come from', () => {
    expect(missingUnits(section)).toEqual(['Hà Nội']);
    expect(unitsUnderCorrection(section)).toEqual(['Nghệ An']);
    expect(sourceSummary(section, 'vi')).toBe(
      '1 đơn vị theo báo cáo năm; 2 đơn vị theo báo cáo 6 tháng hoặc quý, lũy kế từ đầu năm đến 30/06/2026–30/09/2026',
    );
    expect(sourceSummary(section, 'en')).toBe(
      '1 unit by the annual report; 2 units by a six-monthly or quarterly report, year to date up to 30/06/2026–30/09/2026',
    );
    expect(sourceSummary({ ...section, reportingUnits: [section.reportingUnits[0]] }, 'vi')).toBeNull();
  });

  it('says when a year ended before the department forms began, rather than listing every unit as missing', () => {
    expect(beforeTheForms(section)).toBe(false);
    const year2018 = {
      ...section,
      reportingUnitsAsOf: '2018-12-31',
      total: { expected: 63, reported: 0, figures: null },
    };
    expect(beforeTheForms(year2018)).toBe(true);
  });
});
