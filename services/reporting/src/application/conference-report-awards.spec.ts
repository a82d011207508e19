import { conferenceReport } from './conference-report';
import type { AwardCountGroup, YearFacts } from './year-facts';

const NOW = new Date('2026-03-02T03:00:00Z');
const none: YearFacts = {
  plans: [],
  projects: [],
  contents: [],
  clusterRegistry: [],
  clusterPeriod: 'annual-else-six-monthly',
  clusterReports: [],
  fairs: [],
  awardRounds: [],
  booths: [],
  awardEntries: [],
  awardPasses: [],
  certificatesIssued: [],
  certificatesValid: [],
  artisanTitles: [],
  approvedReports: [],
};
const issued = (
  provinceCode: string,
  asOf: string,
  level: AwardCountGroup['level'],
  productGroup: string,
  count: number,
): AwardCountGroup => ({ provinceCode, asOf, level, productGroup, count });
const zeroLevels = { commune: 0, provincial: 0, regional: 0, national: 0 };

// 2018, on the 63 units: Nam Định (36) and Hà Nam (35) are in today's Ninh Bình (37), Hải Dương (30) in
// today's Hải Phòng (31); Nghệ An (40) and Hồ Chí Minh City (79) kept their codes.
const year2018: YearFacts = {
  ...none,
  certificatesIssued: [
    issued('36', '2018-06-20', 'regional', 'handicraft', 3),
    issued('35', '2018-06-20', 'regional', 'agro-food', 2),
    issued('40', '2018-03-01', 'provincial', 'handicraft', 1),
    issued('40', '2018-11-15', 'national', 'handicraft', 1),
    issued('79', '2018-09-10', 'regional', 'machinery', 4),
  ],
  // One of Hà Nam's two was withdrawn during the year; Hải Dương's two were issued in 2016, still valid.
  certificatesValid: [
    { provinceCode: '36', asOf: '2018-06-20', count: 3 },
    { provinceCode: '35', asOf: '2018-06-20', count: 1 },
    { provinceCode: '30', asOf: '2016-11-02', count: 2 },
    { provinceCode: '40', asOf: '2018-11-15', count: 1 },
    { provinceCode: '79', asOf: '2018-09-10', count: 4 },
  ],
};

describe('conference report: award certificates', () => {
  it("counts certificates of every level in the holder's unit, restated to today's units", () => {
    const report = conferenceReport(year2018, { region: null, year: 2018, grouping: 'current', now: NOW });
    const unit = (code: string) => report.units.find((u) => u.code === code)!.awardCertificates;
    expect(unit('37')).toEqual({
      issued: { byLevel: { ...zeroLevels, regional: 5 }, byGroup: { 'agro-food': 2, handicraft: 3 } },
      validAtYearEnd: 4,
    });
    expect(unit('31')).toEqual({ issued: { byLevel: zeroLevels, byGroup: {} }, validAtYearEnd: 2 });
    expect(unit('40').issued).toEqual({
      byLevel: { ...zeroLevels, provincial: 1, national: 1 },
      byGroup: { handicraft: 2 },
    });
    expect(report.totals.awardCertificates).toEqual({
      issued: {
        byLevel: { commune: 0, provincial: 1, regional: 9, national: 1 },
        byGroup: { 'agro-food': 2, handicraft: 5, machinery: 4 },
      },
      validAtYearEnd: 11,
    });
  });

  it('keeps each certificate in its recorded unit when grouping as it was', () => {
    const report = conferenceReport(year2018, {
      region: null,
      year: 2018,
      grouping: 'historical',
      now: NOW,
    });
    expect(report.units).toHaveLength(63);
    const unit = (code: string) => report.units.find((u) => u.code === code)!;
    expect(unit('36')).toMatchObject({
      nameVi: 'Nam Định',
      awardCertificates: {
        issued: { byLevel: { ...zeroLevels, regional: 3 }, byGroup: { handicraft: 3 } },
        validAtYearEnd: 3,
      },
    });
    expect(unit('35')).toMatchObject({
      nameVi: 'Hà Nam',
      awardCertificates: { issued: { byGroup: { 'agro-food': 2 } }, validAtYearEnd: 1 },
    });
    expect(unit('30')).toMatchObject({ nameVi: 'Hải Dương', awardCertificates: { validAtYearEnd: 2 } });
    expect(unit('37').awardCertificates.validAtYearEnd).toBe(0);
    expect(report.unattributed.awardCertificates.validAtYearEnd).toBe(0);
    expect(report.totals.awardCertificates.validAtYearEnd).toBe(11);
  });

  it("keeps a regional report to its region's holders, whatever the level of the certificate", () => {
    const north = conferenceReport(year2018, { region: 'north', year: 2018, grouping: 'current', now: NOW });
    expect(north.totals.awardCertificates).toEqual({
      issued: {
        byLevel: { commune: 0, provincial: 1, regional: 5, national: 1 },
        byGroup: { 'agro-food': 2, handicraft: 5 },
      },
      validAtYearEnd: 7,
    });
    const south = conferenceReport(year2018, {
      region: 'south',
      year: 2018,
      grouping: 'historical',
      now: NOW,
    });
    expect(south.totals.awardCertificates.issued.byGroup).toEqual({ machinery: 4 });
  });

  it('sets apart, as it was on 1 January, what a unit created later in the year recorded', () => {
    // 2025: Nam Định (36) until 30 June; from 1 July the new Ninh Bình (37) that took it in.
    const year2025: YearFacts = {
      ...none,
      certificatesIssued: [
        issued('36', '2025-03-01', 'provincial', 'other', 1),
        issued('37', '2025-09-10', 'provincial', 'other', 2),
      ],
      certificatesValid: [{ provinceCode: '37', asOf: '2025-09-10', count: 2 }],
    };
    const historical = conferenceReport(year2025, {
      region: 'north',
      year: 2025,
      grouping: 'historical',
      now: NOW,
    });
    expect(historical.units.find((u) => u.code === '36')!.awardCertificates.issued.byLevel.provincial).toBe(
      1,
    );
    expect(historical.units.find((u) => u.code === '37')!.awardCertificates.issued.byLevel.provincial).toBe(
      0,
    );
    expect(historical.unattributed.awardCertificates).toEqual({
      issued: { byLevel: { ...zeroLevels, provincial: 2 }, byGroup: { other: 2 } },
      validAtYearEnd: 2,
    });
    expect(historical.totals.awardCertificates.issued.byLevel.provincial).toBe(3);
    const current = conferenceReport(year2025, {
      region: 'north',
      year: 2025,
      grouping: 'current',
      now: NOW,
    });
    expect(current.units.find((u) => u.code === '37')!.awardCertificates).toEqual({
      issued: { byLevel: { ...zeroLevels, provincial: 3 }, byGroup: { other: 3 } },
      validAtYearEnd: 2,
    });
    expect(current.unattributed.awardCertificates.issued.byLevel.provincial).toBe(0);
  });
});
