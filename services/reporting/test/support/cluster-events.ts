import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@kc/contracts';
import { envelope } from './reporting-events';

export const CLUSTERS = 'clusters.cluster.events';
export const CLUSTER_REPORTS = 'clusters.report.events';

type Status = 'planned' | 'established' | 'detailed-plan' | 'infrastructure' | 'operating' | 'removed';
type PlantStatus = 'planned' | 'under-construction' | 'in-use';

/** The figures a snapshot or a report gives of a cluster (areas in hundredths of a hectare). */
export interface ClusterFiguresGiven {
  totalCentiHa: number;
  leasableCentiHa: number;
  leasedCentiHa: number;
  plant: PlantStatus | null;
  projects: number;
  firms: number;
  workers: number;
}

export const figures = (more: Partial<ClusterFiguresGiven> = {}): ClusterFiguresGiven => ({
  totalCentiHa: 5_000,
  leasableCentiHa: 3_600,
  leasedCentiHa: 1_800,
  plant: null,
  projects: 10,
  firms: 9,
  workers: 500,
  ...more,
});

const plantOf = (plant: PlantStatus | null) =>
  plant === null ? null : { status: plant, capacityM3PerDay: 800 };

/** A cluster of the registry in `provinceCode` (today's unit): its registration and its snapshots. */
export function clusterEvents(provinceCode: string, n: number) {
  const clusterId = randomUUID();
  const code = `CCN-${provinceCode}-${String(n).padStart(3, '0')}`;
  const name = `Cụm công nghiệp thử nghiệm ${n}`;
  return {
    clusterId,
    registered: (status: Exclude<Status, 'removed'>, totalAreaCentiHa: number): EventEnvelope =>
      envelope('clusters.cluster.registered', 1, clusterId, provinceCode, {
        clusterId,
        code,
        name,
        provinceCode,
        status,
        totalAreaCentiHa,
      }),
    recorded: (revision: number, status: Status, given: ClusterFiguresGiven): EventEnvelope =>
      envelope('clusters.cluster.recorded', 1, clusterId, provinceCode, {
        clusterId,
        revision,
        code,
        name,
        provinceCode,
        commune: null,
        status,
        sizeCategory: 'standard',
        establishedOn: status === 'planned' ? null : '2019-05-14',
        areas: {
          totalCentiHa: given.totalCentiHa,
          industrialCentiHa: given.leasableCentiHa,
          leasableCentiHa: given.leasableCentiHa,
          leasedCentiHa: given.leasedCentiHa,
        },
        investment: { registeredVnd: 120_000_000_000, realisedVnd: 80_000_000_000 },
        wastewaterPlant: plantOf(given.plant),
        tenants: {
          projects: given.projects,
          operatingProjects: given.projects,
          firms: given.firms,
          workers: given.workers,
        },
      }),
  };
}

/** A report of a cluster recorded under `provinceCode` at the period's cut-off, approved at `version`. */
export interface ReportGiven {
  clusterId: string;
  provinceCode: string;
  kind: 'six-monthly' | 'annual';
  year: number;
  version: number;
  late?: boolean;
  figures: ClusterFiguresGiven;
}

export function reportApproved(given: ReportGiven, reportId: string = randomUUID()): EventEnvelope {
  const f = given.figures;
  return envelope('clusters.report.approved', 1, reportId, given.provinceCode, {
    reportId,
    clusterId: given.clusterId,
    clusterCode: `CCN-${given.provinceCode}-BC`,
    provinceCode: given.provinceCode,
    period: { kind: given.kind, year: given.year },
    version: given.version,
    approvedOn: given.kind === 'six-monthly' ? `${given.year}-07-02` : `${given.year + 1}-01-10`,
    submittedLate: given.late ?? false,
    figures: {
      areas: {
        totalCentiHa: f.totalCentiHa,
        industrialCentiHa: f.leasableCentiHa,
        leasableCentiHa: f.leasableCentiHa,
        leasedCentiHa: f.leasedCentiHa,
      },
      infrastructureInvestment: { registeredVnd: 120_000_000_000, realisedVnd: 80_000_000_000 },
      tenants: { projects: f.projects, operatingProjects: f.projects, firms: f.firms, workers: f.workers },
      wastewaterPlant: plantOf(f.plant),
    },
  });
}

/** What a set of reports' figures sum to, as the conference view names the sums. */
export function reportedSums(reports: ReportGiven[]) {
  const sum = (pick: (f: ClusterFiguresGiven) => number) =>
    reports.reduce((total, r) => total + pick(r.figures), 0);
  return {
    clusterReports: reports.length,
    clusterReportsAnnual: reports.filter((r) => r.kind === 'annual').length,
    clusterReportsLate: reports.filter((r) => r.late).length,
    reportedTotalAreaCentiHa: sum((f) => f.totalCentiHa),
    reportedLeasableAreaCentiHa: sum((f) => f.leasableCentiHa),
    reportedLeasedAreaCentiHa: sum((f) => f.leasedCentiHa),
    reportedClustersWithWastewaterPlant: reports.filter((r) => r.figures.plant === 'in-use').length,
    reportedProjects: sum((f) => f.projects),
    reportedFirms: sum((f) => f.firms),
    reportedWorkers: sum((f) => f.workers),
  };
}
