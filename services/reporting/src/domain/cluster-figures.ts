import type { FigureDelta, Figures } from './figures';
import type { ClusterReportPeriodKind, ClusterStatus } from './cluster-projection-rules';

/** The registry's clusters of one status recorded under one code and reading date, with their sums. */
export interface ClusterRegistryFigures {
  status: ClusterStatus;
  count: number;
  totalCentiHa: number;
  leasableCentiHa: number;
  leasedCentiHa: number;
  /** Of them, those whose central wastewater plant is in use. */
  withPlantInUse: number;
  projects: number;
  firms: number;
  workers: number;
}

/**
 * What a group of the registry's clusters adds: a removed cluster adds nothing; every other counts once, as
 * planned (on the provincial list only) or established (any step from the establishing decision on), and
 * operating ones again as operating. A plant counts only at an operating cluster, so coverage stays a share of
 * the operating clusters.
 */
export function clusterRegistryFigures(group: ClusterRegistryFigures): FigureDelta {
  if (group.status === 'removed') return {};
  const { count } = group;
  const operating = group.status === 'operating';
  return {
    clustersRegistered: count,
    clustersPlanned: group.status === 'planned' ? count : 0,
    clustersEstablished: group.status === 'planned' ? 0 : count,
    clustersOperating: operating ? count : 0,
    clusterTotalAreaCentiHa: group.totalCentiHa,
    clusterLeasableAreaCentiHa: group.leasableCentiHa,
    clusterLeasedAreaCentiHa: group.leasedCentiHa,
    clustersWithWastewaterPlant: operating ? group.withPlantInUse : 0,
    clusterProjects: group.projects,
    clusterFirms: group.firms,
    clusterWorkers: group.workers,
  };
}

/** The approved reports of one period kind recorded under one code and reading date, with their sums. */
export interface ClusterReportFigures {
  periodKind: ClusterReportPeriodKind;
  count: number;
  late: number;
  totalCentiHa: number;
  leasableCentiHa: number;
  leasedCentiHa: number;
  withPlantInUse: number;
  projects: number;
  firms: number;
  workers: number;
}

/** What a group of approved reports adds: their figures summed as they are, one report per cluster. */
export function clusterReportFigures(group: ClusterReportFigures): FigureDelta {
  return {
    clusterReports: group.count,
    clusterReportsAnnual: group.periodKind === 'annual' ? group.count : 0,
    clusterReportsLate: group.late,
    reportedTotalAreaCentiHa: group.totalCentiHa,
    reportedLeasableAreaCentiHa: group.leasableCentiHa,
    reportedLeasedAreaCentiHa: group.leasedCentiHa,
    reportedClustersWithWastewaterPlant: group.withPlantInUse,
    reportedProjects: group.projects,
    reportedFirms: group.firms,
    reportedWorkers: group.workers,
  };
}

/** `part` ÷ `whole` in percent with one decimal; null when there is no whole. Never a mean of rates. */
export function sharePercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/** The cluster rates of summed figures (a rate is never summed, always recomputed from its sums). */
export function clusterRates(figures: Figures) {
  return {
    clusterOccupancyPercent: sharePercent(
      figures.clusterLeasedAreaCentiHa,
      figures.clusterLeasableAreaCentiHa,
    ),
    wastewaterCoveragePercent: sharePercent(figures.clustersWithWastewaterPlant, figures.clustersOperating),
    reportedOccupancyPercent: sharePercent(
      figures.reportedLeasedAreaCentiHa,
      figures.reportedLeasableAreaCentiHa,
    ),
    reportedWastewaterCoveragePercent: sharePercent(
      figures.reportedClustersWithWastewaterPlant,
      figures.clusterReports,
    ),
  };
}
