import type { ClusterReportFigures } from './cluster-report-figures';
import { safeSum } from './cluster-record';
import { ratio, type Ratio } from './exact-ratio';
import type { CentiHectares } from './hectares';
import { approvedFigures, type PeriodicReport } from './periodic-report';
import type { ReportPeriod } from './report-periods';

export interface ProvinceRollUp {
  provinceCode: string;
  period: ReportPeriod;
  /** Clusters whose approved figures are summed, by code. */
  counted: string[];
  /** Clusters reported for the period but with nothing approved yet: not in the sums. */
  awaitingApproval: string[];
  areas: {
    totalCentiHa: CentiHectares;
    industrialCentiHa: CentiHectares;
    leasableCentiHa: CentiHectares;
    leasedCentiHa: CentiHectares;
  };
  /** All leased land over all leasable land (not a mean of the clusters' rates); null when none is leasable. */
  occupancy: Ratio | null;
  infrastructureInvestment: { registeredVnd: number; realisedVnd: number };
  /** Summed per cluster: a firm with projects in two clusters counts in each, as the forms report it. */
  tenants: { projects: number; operatingProjects: number; firms: number; workers: number };
  wastewater: { clustersWithPlant: number; clustersWithPlantInUse: number; capacityInUseM3PerDay: number };
}

/**
 * Sums the approved figures of a province's cluster reports for one period, exactly. Every report must be a
 * cluster report of that province and period, one per cluster; anything else is the caller's mistake.
 */
export function rollUpProvince(
  provinceCode: string,
  period: ReportPeriod,
  reports: readonly PeriodicReport<ClusterReportFigures>[],
): ProvinceRollUp {
  const seen = new Set<string>();
  const counted: { code: string; figures: ClusterReportFigures }[] = [];
  const awaitingApproval: string[] = [];
  for (const report of reports) {
    const { subject } = report;
    if (subject.kind !== 'cluster' || subject.provinceCode !== provinceCode) {
      throw new RangeError(
        `a report of ${JSON.stringify(subject)} is not a cluster report of province ${provinceCode}`,
      );
    }
    if (report.period.kind !== period.kind || report.period.year !== period.year) {
      throw new RangeError(`the report of ${subject.clusterCode} is for another period`);
    }
    if (seen.has(subject.clusterCode)) throw new RangeError(`${subject.clusterCode} is reported twice`);
    seen.add(subject.clusterCode);
    const figures = approvedFigures(report);
    if (figures) counted.push({ code: subject.clusterCode, figures });
    else awaitingApproval.push(subject.clusterCode);
  }
  const sum = (pick: (f: ClusterReportFigures) => number) => safeSum(counted.map((c) => pick(c.figures)));
  const leasable = sum((f) => f.areas.leasableCentiHa);
  const leased = sum((f) => f.areas.leasedCentiHa);
  const plantsInUse = counted.filter((c) => c.figures.wastewaterPlant?.status === 'in-use');
  return {
    provinceCode,
    period,
    counted: counted.map((c) => c.code).sort(),
    awaitingApproval: awaitingApproval.sort(),
    areas: {
      totalCentiHa: sum((f) => f.areas.totalCentiHa),
      industrialCentiHa: sum((f) => f.areas.industrialCentiHa),
      leasableCentiHa: leasable,
      leasedCentiHa: leased,
    },
    occupancy: leasable === 0 ? null : ratio(leased, leasable),
    infrastructureInvestment: {
      registeredVnd: sum((f) => f.infrastructureInvestment.registeredVnd),
      realisedVnd: sum((f) => f.infrastructureInvestment.realisedVnd),
    },
    tenants: {
      projects: sum((f) => f.tenants.projects),
      operatingProjects: sum((f) => f.tenants.operatingProjects),
      firms: sum((f) => f.tenants.firms),
      workers: sum((f) => f.tenants.workers),
    },
    wastewater: {
      clustersWithPlant: counted.filter((c) => c.figures.wastewaterPlant !== null).length,
      clustersWithPlantInUse: plantsInUse.length,
      capacityInUseM3PerDay: safeSum(
        plantsInUse.map((c) => c.figures.wastewaterPlant?.capacityM3PerDay ?? 0),
      ),
    },
  };
}
