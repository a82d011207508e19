import { conferenceFigures } from '@kc/contracts';
import { conferenceReport } from './conference-report';
import type { ContentGroup, ProjectGroup, YearFacts } from './year-facts';

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

/** `count` projects of one status, each with the same money. */
function projects(
  provinceCode: string,
  asOf: string,
  status: ProjectGroup['status'],
  count: number,
  each: { allocated?: number; paid?: number; counterpart?: number } = {},
): ProjectGroup {
  return {
    provinceCode,
    asOf,
    status,
    count,
    requestedSupportVnd: count * 500_000_000,
    appraisedSupportVnd: count * 480_000_000,
    allocatedVnd: count * (each.allocated ?? 0),
    contractedVnd: count * (each.allocated ?? 0),
    advancedVnd: 0,
    paidVnd: count * (each.paid ?? 0),
    settledVnd: status === 'settled' ? count * (each.paid ?? 0) : 0,
    counterpartVnd: count * (each.counterpart ?? 0),
  };
}
const inContent = (activityContent: number, group: ProjectGroup): ContentGroup => ({
  ...group,
  activityContent,
});

const facts: YearFacts = {
  ...none,
  plans: [
    { level: 'national', provinceCode: null, asOf: null, count: 1, budgetVnd: 120_000_000_000 },
    { level: 'provincial', provinceCode: '36', asOf: '2018-01-01', count: 1, budgetVnd: 3_000_000_000 },
    { level: 'provincial', provinceCode: '79', asOf: '2018-01-01', count: 1, budgetVnd: 9_000_000_000 },
  ],
  projects: [
    projects('36', '2018-01-01', 'registered', 2),
    projects('36', '2018-01-01', 'settled', 1, { allocated: 700_000_000, paid: 690_000_000 }),
  ],
  clusterRegistry: [
    {
      provinceCode: '37',
      asOf: '2025-09-15',
      status: 'operating',
      count: 4,
      totalCentiHa: 25_000,
      leasableCentiHa: 18_000,
      leasedCentiHa: 12_000,
      withPlantInUse: 2,
      projects: 60,
      firms: 50,
      workers: 9_000,
    },
  ],
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
      provincialPlans: 1,
      provincialPlanBudgetVnd: 3_000_000_000,
      projects: 3,
      projectsInPlan: 1,
      projectsCompleted: 1,
      completionPercent: 100,
      allocatedVnd: 700_000_000,
      clustersRegistered: 4,
    });
    expect(report.totals).toMatchObject({
      provincialPlans: 2,
      provincialPlanBudgetVnd: 12_000_000_000,
      nationalPlans: 1,
      nationalPlanBudgetVnd: 120_000_000_000,
      plansAllLevels: 3,
      planBudgetAllLevelsVnd: 132_000_000_000,
      provincialAwardRounds: 0,
      regionalAwardRounds: 2,
      nationalAwardRounds: 1,
      awardRoundsAllLevels: 3,
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
      provincialPlans: 1,
      nationalPlans: null,
      nationalPlanBudgetVnd: null,
      plansAllLevels: 1,
      planBudgetAllLevelsVnd: 3_000_000_000,
      nationalAwardRounds: null,
      regionalAwardRounds: 1,
      awardRoundsAllLevels: 1,
    });
  });

  it('keeps totals equal to the rows plus what no row could hold', () => {
    const report = conferenceReport(facts, { region: 'north', year: 2018, grouping: 'historical', now: NOW });
    expect(report.unitsAsOf).toBe('2018-01-01');
    expect(report.units.find((u) => u.code === '36')).toMatchObject({
      nameVi: 'Nam Định',
      provincialPlans: 1,
      clustersRegistered: 0,
    });
    expect(report.unattributed.clustersRegistered).toBe(4);
    expect(report.totals.clustersRegistered).toBe(4);
  });

  it('gives every figure one name that says what it counts, with both labels and its definition', () => {
    const report = conferenceReport(facts, { region: null, year: 2018, grouping: 'current', now: NOW });
    const keys = conferenceFigures.map((figure) => figure.key);
    expect(new Set(keys).size).toBe(keys.length);
    const unitKeys = conferenceFigures.filter((figure) => figure.in === 'units').map((figure) => figure.key);
    expect(Object.keys(report.unattributed).sort()).toEqual([...unitKeys].sort());
    expect(Object.keys(report.totals).sort()).toEqual([...keys].sort());
    const { code: _code, nameVi: _nameVi, regionCode: _regionCode, ...row } = report.units[0];
    expect(Object.keys(row).sort()).toEqual([...unitKeys].sort());
    expect(report.glossary).toEqual(conferenceFigures);
    for (const figure of report.glossary) {
      expect([figure.key, figure.labelVi, figure.labelEn, figure.definitionVi, figure.definitionEn]).toEqual([
        figure.key,
        expect.stringMatching(/\S/),
        expect.stringMatching(/\S/),
        expect.stringMatching(/\S/),
        expect.stringMatching(/\S/),
      ]);
    }
  });

  it('agrees with itself: the plans and award rounds of all levels are the parts that make them', () => {
    for (const region of [null, 'north', 'south'] as const) {
      const { totals, units, unattributed } = conferenceReport(facts, {
        region,
        year: 2018,
        grouping: 'current',
        now: NOW,
      });
      expect(totals.plansAllLevels).toBe(totals.provincialPlans + (totals.nationalPlans ?? 0));
      expect(totals.planBudgetAllLevelsVnd).toBe(
        totals.provincialPlanBudgetVnd + (totals.nationalPlanBudgetVnd ?? 0),
      );
      expect(totals.awardRoundsAllLevels).toBe(
        totals.provincialAwardRounds + totals.regionalAwardRounds + (totals.nationalAwardRounds ?? 0),
      );
      const rows = units.reduce((sum, unit) => sum + unit.provincialPlans, unattributed.provincialPlans);
      expect(totals.provincialPlans).toBe(rows);
    }
    const national = conferenceReport(facts, { region: null, year: 2018, grouping: 'current', now: NOW });
    expect([national.totals.nationalPlans, national.totals.plansAllLevels]).toEqual([1, 3]);
  });

  describe('project figures', () => {
    // The 2018 national plan: 262 projects over the 63 units of the time, 261 completed, one still going.
    const year2018: YearFacts = {
      ...none,
      plans: [{ level: 'national', provinceCode: null, asOf: null, count: 1, budgetVnd: 120_000_000_000 }],
      projects: [
        projects('36', '2018-01-01', 'settled', 100, {
          allocated: 460_000_000,
          paid: 455_000_000,
          counterpart: 1,
        }),
        projects('01', '2018-01-01', 'settled', 158, { allocated: 460_000_000, paid: 455_000_000 }),
        projects('01', '2018-01-01', 'liquidated', 2, { allocated: 460_000_000, paid: 455_000_000 }),
        projects('79', '2018-01-01', 'accepted', 1, { allocated: 460_000_000, paid: 300_000_000 }),
        projects('79', '2018-01-01', 'extended', 1, { allocated: 200_000_000, paid: 100_000_000 }),
        projects('79', '2018-01-01', 'stopped', 1),
      ],
    };

    it('gives the plan, the projects and the completion of the year in the totals', () => {
      const report = conferenceReport(year2018, { region: null, year: 2018, grouping: 'current', now: NOW });
      expect(report.totals).toMatchObject({
        nationalPlans: 1,
        nationalPlanBudgetVnd: 120_000_000_000,
        plansAllLevels: 1,
        projects: 263,
        projectsInPlan: 262,
        projectsCompleted: 261,
        completionPercent: 99.6,
        allocatedVnd: 261 * 460_000_000 + 200_000_000,
        counterpartVnd: 100,
      });
      expect(report.totals.projectsByStatus).toMatchObject({
        settled: 258,
        liquidated: 2,
        accepted: 1,
        extended: 1,
        stopped: 1,
        'in-plan': 0,
      });
    });

    it("rolls 2018's units up to today's and recomputes the rate per row, never sums it", () => {
      const report = conferenceReport(year2018, { region: null, year: 2018, grouping: 'current', now: NOW });
      // Nam Định (36) is in today's Ninh Bình (37).
      expect(report.units.find((u) => u.code === '37')).toMatchObject({
        projects: 100,
        completionPercent: 100,
      });
      expect(report.units.find((u) => u.code === '79')).toMatchObject({
        projectsInPlan: 2,
        projectsCompleted: 1,
        completionPercent: 50,
      });
      expect(report.units.find((u) => u.code === '40')).toMatchObject({
        projects: 0,
        completionPercent: null,
      });
      const historical = conferenceReport(year2018, {
        region: 'north',
        year: 2018,
        grouping: 'historical',
        now: NOW,
      });
      expect(historical.units.find((u) => u.code === '36')).toMatchObject({
        nameVi: 'Nam Định',
        projects: 100,
      });
    });

    it('gives every activity content of the scope, a project counted under each of its contents', () => {
      const withContents: YearFacts = {
        ...none,
        contents: [
          inContent(1, projects('40', '2026-01-01', 'in-progress', 2, { allocated: 100_000_000 })),
          inContent(3, projects('40', '2026-01-01', 'in-progress', 2, { allocated: 100_000_000 })),
          inContent(3, projects('79', '2026-01-01', 'accepted', 1, { allocated: 300_000_000 })),
        ],
      };
      const national = conferenceReport(withContents, {
        region: null,
        year: 2026,
        grouping: 'current',
        now: NOW,
      });
      expect(national.byContent).toHaveLength(9);
      expect(national.byContent[2]).toMatchObject({
        activityContent: 3,
        nameVi: 'Mô hình trình diễn kỹ thuật, chuyển giao công nghệ, ứng dụng máy móc tiên tiến',
        projects: 3,
        projectsInPlan: 3,
        projectsCompleted: 1,
        completionPercent: 33.3,
        allocatedVnd: 500_000_000,
      });
      expect(national.byContent[0]).toMatchObject({ activityContent: 1, projects: 2, completionPercent: 0 });
      expect(national.byContent[8]).toMatchObject({ projects: 0, completionPercent: null });
      const south = conferenceReport(withContents, {
        region: 'south',
        year: 2026,
        grouping: 'current',
        now: NOW,
      });
      expect(south.byContent[2]).toMatchObject({ projects: 1, allocatedVnd: 300_000_000 });
      expect(south.byContent[0].projects).toBe(0);
    });
  });
});
