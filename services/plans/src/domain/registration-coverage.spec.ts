import { registrationCoverage, type SentReport } from './registration-coverage';

const report = (provinceCode: string, sentOn: string, late: boolean, projects = 1): SentReport => ({
  id: `${provinceCode}-${sentOn}`,
  provinceCode,
  reportNumber: `1/BC-${provinceCode}`,
  sentOn,
  late,
  projects,
});

describe('registration coverage of a plan', () => {
  const expected = [
    { code: '01', nameVi: 'Hà Nội' },
    { code: '04', nameVi: 'Hải Phòng' },
    { code: '40', nameVi: 'Nghệ An' },
  ];
  const countsFor = (code: string) => (code === '30' ? '04' : code);

  it('names each unit that has not sent a report, and judges the others by their best report', () => {
    const rows = registrationCoverage(
      expected,
      [
        report('01', '2025-06-10', false, 3),
        report('40', '2025-06-25', true),
        report('40', '2025-07-02', true),
      ],
      countsFor,
    );
    expect(rows.map((r) => [r.provinceCode, r.status, r.projects, r.reports.length])).toEqual([
      ['01', 'on-time', 3, 1],
      ['04', 'missing', 0, 0],
      ['40', 'late', 2, 2],
    ]);
  });

  it('counts a report sent under a merged-away code for the unit that took it over', () => {
    const rows = registrationCoverage(expected, [report('30', '2025-06-18', false, 2)], countsFor);
    expect(rows.find((r) => r.provinceCode === '04')).toMatchObject({ status: 'on-time', projects: 2 });
  });
});
