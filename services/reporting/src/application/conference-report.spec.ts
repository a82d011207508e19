import { conferenceReport } from './conference-report';
import type { YearFacts } from './year-facts';

const NOW = new Date('2026-03-02T03:00:00Z');
const none: YearFacts = { plans: [], projects: [], clusters: [], fairs: [], awardRounds: [], booths: [] };

const facts: YearFacts = {
  ...none,
  plans: [
    { level: 'national', provinceCode: null, asOf: null, count: 1, budgetVnd: 120_000_000_000 },
    { level: 'provincial', provinceCode: '36', asOf: '2018-01-01', count: 1, budgetVnd: 3_000_000_000 },
    { level: 'provincial', provinceCode: '79', asOf: '2018-01-01', count: 1, budgetVnd: 9_000_000_000 },
  ],
  projects: [
    {
      provinceCode: '36',
      asOf: '2018-01-01',
      registered: 2,
      approved: 1,
      requestedSupportVnd: 2_400_000_000,
      approvedSupportVnd: 700_000_000,
    },
  ],
  clusters: [{ provinceCode: '37', asOf: '2025-09-15', count: 4 }],
  // Codes read on the fair's opening day: Nam Định (36) and Hà Nam (35) are in today's Ninh Bình (37).
  booths: [
    { provinceCode: '36', asOf: '2018-05-16', allocated: 3, supported: 2, supportVnd: 19_200_000 },
    { provinceCode: '35', asOf: '2018-05-16', allocated: 1, supported: 1, supportVnd: 9_600_000 },
    { provinceCode: '40', asOf: '2018-05-16', allocated: 2, supported: 0, supportVnd: 0 },
    { provinceCode: '79', asOf: '2018-09-20', allocated: 5, supported: 4, supportVnd: 40_000_000 },
  ],
  awardRounds: [
    { level: 'regional', regionCode: 'north', provinceCode: null, asOf: null, count: 1 },
    { level: 'regional', regionCode: 'south', provinceCode: null, asOf: null, count: 1 },
    { level: 'national', regionCode: null, provinceCode: null, asOf: null, count: 1 },
  ],
};

describe('conference report', () => {
  it('counts the national plan in the totals, not in a province row', () => {
    const report = conferenceReport(facts, { region: null, year: 2018, grouping: 'current', now: NOW });
    expect(report.units).toHaveLength(34);
    expect(report.units.find((u) => u.code === '37')).toMatchObject({
      plans: 1,
      planBudgetVnd: 3_000_000_000,
      projects: 3,
      projectsRegistered: 2,
      projectsApproved: 1,
      clustersRegistered: 4,
    });
    expect(report.totals).toMatchObject({
      plans: 2,
      planBudgetVnd: 12_000_000_000,
      nationalPlan: { count: 1, budgetVnd: 120_000_000_000 },
      allPlans: { count: 3, budgetVnd: 132_000_000_000 },
      regionalAwardRounds: 2,
      nationalAwardRounds: 1,
    });
    expect(report).toMatchObject({
      scope: 'national',
      region: null,
      unitsAsOf: '2026-03-02',
      generatedAt: NOW.toISOString(),
    });
  });

  it("counts booths in the facility's unit: allocated ones, and apart the certified ones with their support", () => {
    const report = conferenceReport(facts, { region: null, year: 2018, grouping: 'current', now: NOW });
    expect(report.units.find((u) => u.code === '37')).toMatchObject({
      boothsAllocated: 4,
      boothsSupported: 3,
      boothSupportVnd: 28_800_000,
    });
    expect(report.units.find((u) => u.code === '40')).toMatchObject({
      boothsAllocated: 2,
      boothsSupported: 0,
      boothSupportVnd: 0,
    });
    expect(report.totals).toMatchObject({
      boothsAllocated: 11,
      boothsSupported: 7,
      boothSupportVnd: 68_800_000,
    });
  });

  it("counts a regional report's booths by the facilities of its region", () => {
    const north = conferenceReport(facts, { region: 'north', year: 2018, grouping: 'current', now: NOW });
    expect(north.totals).toMatchObject({
      boothsAllocated: 6,
      boothsSupported: 3,
      boothSupportVnd: 28_800_000,
    });
    const south = conferenceReport(facts, { region: 'south', year: 2018, grouping: 'current', now: NOW });
    expect(south.units.find((u) => u.code === '79')).toMatchObject({
      boothsAllocated: 5,
      boothsSupported: 4,
    });
    expect(south.totals.boothSupportVnd).toBe(40_000_000);
  });

  it('shows booths under the units of the fair year when grouping historically', () => {
    const report = conferenceReport(facts, { region: 'north', year: 2018, grouping: 'historical', now: NOW });
    expect(report.units.find((u) => u.code === '36')).toMatchObject({
      nameVi: 'Nam Định',
      boothsSupported: 2,
    });
    expect(report.units.find((u) => u.code === '35')).toMatchObject({ nameVi: 'Hà Nam', boothsAllocated: 1 });
    expect(report.unattributed.boothsAllocated).toBe(0);
  });

  it('keeps a regional report to its region and leaves out what belongs to the whole country', () => {
    const report = conferenceReport(facts, { region: 'north', year: 2018, grouping: 'current', now: NOW });
    expect(report.units).toHaveLength(18);
    expect(report.region).toEqual({ code: 'north', nameVi: 'Bắc', nameEn: 'Northern' });
    expect(report.totals).toMatchObject({
      plans: 1,
      nationalPlan: null,
      nationalAwardRounds: null,
      regionalAwardRounds: 1,
    });
    expect(report.totals.allPlans).toEqual({ count: 1, budgetVnd: 3_000_000_000 });
  });

  it('keeps totals equal to the rows plus what no row could hold', () => {
    const report = conferenceReport(facts, { region: 'north', year: 2018, grouping: 'historical', now: NOW });
    expect(report.unitsAsOf).toBe('2018-01-01');
    expect(report.units.find((u) => u.code === '36')).toMatchObject({
      nameVi: 'Nam Định',
      plans: 1,
      clustersRegistered: 0,
    });
    expect(report.unattributed.clustersRegistered).toBe(4);
    expect(report.totals.clustersRegistered).toBe(4);
  });
});
