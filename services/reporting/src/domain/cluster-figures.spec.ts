import {
  clusterRates,
  clusterRegistryFigures,
  clusterReportFigures,
  sharePercent,
  type ClusterRegistryFigures,
} from './cluster-figures';
import { addFigures, zeroFigures } from './figures';

const group = (status: ClusterRegistryFigures['status'], more: Partial<ClusterRegistryFigures> = {}) => ({
  status,
  count: 1,
  totalCentiHa: 0,
  leasableCentiHa: 0,
  leasedCentiHa: 0,
  withPlantInUse: 0,
  projects: 0,
  firms: 0,
  workers: 0,
  ...more,
});

describe('cluster registry figures', () => {
  it('counts a cluster once, as planned or established, and an operating one also as operating', () => {
    const sum = [
      group('planned', { count: 2 }),
      group('established'),
      group('detailed-plan'),
      group('infrastructure'),
      group('operating', { count: 3 }),
    ].reduce((into, g) => addFigures(into, clusterRegistryFigures(g)), zeroFigures());
    expect(sum).toMatchObject({
      clustersRegistered: 8,
      clustersPlanned: 2,
      clustersEstablished: 6,
      clustersOperating: 3,
    });
  });

  it('leaves removed clusters out of every figure', () => {
    const removed = group('removed', { count: 5, totalCentiHa: 5_000, workers: 40, withPlantInUse: 1 });
    expect(clusterRegistryFigures(removed)).toEqual({});
  });

  it('counts a plant in use only at an operating cluster, so coverage is a share of the operating ones', () => {
    const sum = addFigures(
      addFigures(zeroFigures(), clusterRegistryFigures(group('operating', { count: 4, withPlantInUse: 3 }))),
      clusterRegistryFigures(group('infrastructure', { count: 2, withPlantInUse: 2 })),
    );
    expect(sum.clustersWithWastewaterPlant).toBe(3);
    expect(clusterRates(sum).wastewaterCoveragePercent).toBe(75);
  });

  it('sums areas in hundredths of a hectare exactly', () => {
    // 0.1 + 0.2 ha in binary fractions would not be 0.3; in hundredths it is 10 + 20 = 30.
    const sum = [
      group('operating', { totalCentiHa: 10 }),
      group('operating', { totalCentiHa: 20 }),
      group('planned', { totalCentiHa: 2_899_720 }),
    ].reduce((into, g) => addFigures(into, clusterRegistryFigures(g)), zeroFigures());
    expect(sum.clusterTotalAreaCentiHa).toBe(2_899_750);
  });
});

describe('cluster occupancy', () => {
  it('divides the summed leased land by the summed leasable land, never averaging the rates', () => {
    // 90 of 100 ha and 10 of 900 ha: the mean of the rates would be 45.6 %; the land says 10 %.
    const sum = [
      group('operating', { leasableCentiHa: 10_000, leasedCentiHa: 9_000 }),
      group('operating', { leasableCentiHa: 90_000, leasedCentiHa: 1_000 }),
    ].reduce((into, g) => addFigures(into, clusterRegistryFigures(g)), zeroFigures());
    expect(clusterRates(sum).clusterOccupancyPercent).toBe(10);
  });

  it('has no rate without leasable land or operating clusters', () => {
    expect(clusterRates(zeroFigures())).toEqual({
      clusterOccupancyPercent: null,
      wastewaterCoveragePercent: null,
      reportedOccupancyPercent: null,
      reportedWastewaterCoveragePercent: null,
    });
  });

  it('rounds a share to one decimal', () => {
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(3_910, 4_600)).toBe(85);
  });
});

describe('approved report figures', () => {
  it("adds the reports' figures as they are, telling annual reports and late ones apart", () => {
    const report = {
      count: 2,
      late: 1,
      totalCentiHa: 12_500,
      leasableCentiHa: 9_200,
      leasedCentiHa: 7_820,
      withPlantInUse: 1,
      projects: 84,
      firms: 78,
      workers: 12_240,
    };
    const sum = addFigures(
      addFigures(zeroFigures(), clusterReportFigures({ ...report, periodKind: 'annual' })),
      clusterReportFigures({ ...report, count: 1, late: 0, periodKind: 'six-monthly' }),
    );
    expect(sum).toMatchObject({
      clusterReports: 3,
      clusterReportsAnnual: 2,
      clusterReportsLate: 1,
      reportedTotalAreaCentiHa: 25_000,
      reportedLeasableAreaCentiHa: 18_400,
      reportedLeasedAreaCentiHa: 15_640,
      reportedClustersWithWastewaterPlant: 2,
      reportedProjects: 168,
      reportedFirms: 156,
      reportedWorkers: 24_480,
    });
    expect(clusterRates(sum)).toMatchObject({
      reportedOccupancyPercent: 85,
      reportedWastewaterCoveragePercent: 66.7,
    });
  });
});
