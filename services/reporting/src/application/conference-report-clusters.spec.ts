import { conferenceReport } from './conference-report';
import type { ClusterRegistryGroup, ClusterReportGroup, YearFacts } from './year-facts';

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

const sums = {
  totalCentiHa: 0,
  leasableCentiHa: 0,
  leasedCentiHa: 0,
  withPlantInUse: 0,
  projects: 0,
  firms: 0,
  workers: 0,
};
const registry = (
  provinceCode: string,
  asOf: string,
  status: ClusterRegistryGroup['status'],
  more: Partial<ClusterRegistryGroup> = {},
): ClusterRegistryGroup => ({ provinceCode, asOf, status, count: 1, ...sums, ...more });
const reports = (
  provinceCode: string,
  asOf: string,
  periodKind: ClusterReportGroup['periodKind'],
  more: Partial<ClusterReportGroup> = {},
): ClusterReportGroup => ({ provinceCode, asOf, periodKind, count: 1, late: 0, ...sums, ...more });

// 2024 reports on the 63 units: Nam Định (36) and Hà Nam (35) are in today's Ninh Bình (37); Nghệ An (40)
// kept its code. The registry's clusters were recorded after the reorganisation, under today's codes.
const facts: YearFacts = {
  ...none,
  clusterRegistry: [
    registry('37', '2026-01-10', 'operating', {
      count: 3,
      totalCentiHa: 18_750,
      leasableCentiHa: 13_800,
      leasedCentiHa: 11_730,
      withPlantInUse: 2,
      projects: 126,
      firms: 117,
      workers: 18_360,
    }),
    registry('37', '2026-01-10', 'planned', { count: 2, totalCentiHa: 6_000 }),
    registry('37', '2026-01-10', 'removed', { totalCentiHa: 4_000, workers: 10 }),
    registry('40', '2026-01-12', 'detailed-plan', { totalCentiHa: 3_025, leasableCentiHa: 2_000 }),
  ],
  clusterReports: [
    reports('36', '2024-12-14', 'annual', {
      count: 2,
      late: 1,
      totalCentiHa: 12_500,
      leasableCentiHa: 9_200,
      leasedCentiHa: 7_820,
      withPlantInUse: 1,
      projects: 84,
      firms: 78,
      workers: 12_240,
    }),
    reports('35', '2024-06-14', 'six-monthly', {
      totalCentiHa: 5_050,
      leasableCentiHa: 4_000,
      leasedCentiHa: 1_000,
      projects: 10,
      firms: 9,
      workers: 800,
    }),
    reports('40', '2024-06-14', 'six-monthly', { totalCentiHa: 3_000, leasableCentiHa: 2_500 }),
  ],
};

describe('conference report: industrial clusters', () => {
  it("restates the reports of merged units to today's unit and sums them there", () => {
    const report = conferenceReport(facts, { region: null, year: 2024, grouping: 'current', now: NOW });
    const ninhBinh = report.units.find((u) => u.code === '37')!;
    expect(ninhBinh).toMatchObject({
      nameVi: 'Ninh Bình',
      clusterReports: 3,
      clusterReportsAnnual: 2,
      clusterReportsLate: 1,
      reportedTotalAreaCentiHa: 17_550,
      reportedLeasableAreaCentiHa: 13_200,
      reportedLeasedAreaCentiHa: 8_820,
      // 8,820 of 13,200: the rate of the sums (66.8), not the mean of 85 % and 25 %.
      reportedOccupancyPercent: 66.8,
      reportedClustersWithWastewaterPlant: 1,
      reportedWastewaterCoveragePercent: 33.3,
      reportedProjects: 94,
      reportedFirms: 87,
      reportedWorkers: 13_040,
    });
    expect(report.clusterPeriod).toBe('annual-else-six-monthly');
    expect(report.totals).toMatchObject({
      clusterReports: 4,
      reportedTotalAreaCentiHa: 20_550,
      reportedLeasableAreaCentiHa: 15_700,
      reportedOccupancyPercent: 56.2,
    });
    expect(report.unattributed.clusterReports).toBe(0);
  });

  it("counts the registry's clusters by status in today's units, removed ones left out", () => {
    const report = conferenceReport(facts, { region: null, year: 2024, grouping: 'current', now: NOW });
    expect(report.units.find((u) => u.code === '37')).toMatchObject({
      clustersRegistered: 5,
      clustersPlanned: 2,
      clustersEstablished: 3,
      clustersOperating: 3,
      clusterTotalAreaCentiHa: 24_750,
      clusterLeasableAreaCentiHa: 13_800,
      clusterLeasedAreaCentiHa: 11_730,
      clusterOccupancyPercent: 85,
      clustersWithWastewaterPlant: 2,
      wastewaterCoveragePercent: 66.7,
      clusterProjects: 126,
      clusterFirms: 117,
      clusterWorkers: 18_360,
    });
    expect(report.units.find((u) => u.code === '40')).toMatchObject({
      clustersRegistered: 1,
      clustersEstablished: 1,
      clustersOperating: 0,
      clusterOccupancyPercent: 0,
      wastewaterCoveragePercent: null,
    });
    expect(report.totals).toMatchObject({
      clustersRegistered: 6,
      clusterTotalAreaCentiHa: 27_775,
      clusterLeasableAreaCentiHa: 15_800,
      clusterOccupancyPercent: 74.2,
    });
  });

  it('keeps the reports under the units they named when grouping as it was; the registry of later units is unattributed', () => {
    const report = conferenceReport(facts, { region: 'north', year: 2024, grouping: 'historical', now: NOW });
    expect(report.units).toHaveLength(28);
    const unit = (code: string) => report.units.find((u) => u.code === code)!;
    expect(unit('36')).toMatchObject({
      nameVi: 'Nam Định',
      clusterReports: 2,
      reportedTotalAreaCentiHa: 12_500,
      reportedOccupancyPercent: 85,
    });
    expect(unit('35')).toMatchObject({ nameVi: 'Hà Nam', clusterReports: 1, reportedOccupancyPercent: 25 });
    expect(unit('37')).toMatchObject({ nameVi: 'Ninh Bình', clusterReports: 0, clustersRegistered: 0 });
    // Codes recorded on today's units cannot be read back onto 2024's (today's Ninh Bình cannot be split into
    // the units it came from), so the registry of both units is unattributed there.
    expect(report.unattributed).toMatchObject({
      clustersRegistered: 6,
      clusterTotalAreaCentiHa: 27_775,
      clusterReports: 0,
    });
    expect(report.totals).toMatchObject({ clusterReports: 4, clustersRegistered: 6 });
  });
});
