// Types of demo-clusters.mjs (plain JavaScript, run by Node) for the TypeScript that reads it: tests.
import type { DemoPlan, DemoUnit } from './demo-dataset.mjs';

type Period = { kind: 'six-monthly' | 'annual'; year: number };
type Plant = { status: 'planned' | 'under-construction' | 'in-use'; capacityM3PerDay: number } | null;
type Tenants = { projects: number; operatingProjects: number; firms: number; workers: number };

/** One generated cluster as the registry holds it (neutral shape: areas in hundredths of a hectare). */
export interface DemoClusterFacts {
  code: string;
  name: string;
  provinceCode: string;
  commune: string;
  sizeCategory: 'standard' | 'mountain-district' | 'craft-village';
  status: 'planned' | 'established' | 'detailed-plan' | 'infrastructure' | 'operating';
  provincialList: { decisionNumber: string; date: string };
  establishment: { decisionNumber: string; date: string } | null;
  areas: {
    totalCentiHa: number;
    industrialCentiHa?: number | null;
    leasableCentiHa?: number | null;
    leasedCentiHa?: number | null;
  };
  developer?: { kind: 'enterprise' | 'cooperative' | 'state-unit'; name: string; selection: string };
  investment?: { registeredVnd: number; realisedVnd: number };
  wastewaterPlant?: Plant;
  tenants?: Tenants;
}

/** The body of POST /api/v1/clusters (checked against registerClusterRequest in the specs). */
export type DemoClusterRequest = {
  code: string;
  provinceCode: string;
  status: DemoClusterFacts['status'];
  totalAreaHa: number;
  industrialAreaHa?: number;
  leasableAreaHa?: number;
  leasedAreaHa?: number;
  establishment?: { number: string; date: string; authority: string; issuedBy: string };
  developer?: { kind: string; name: string; taxCode: string | null; selection: string };
  infrastructure?: { wastewaterPlant: Plant; [works: string]: unknown };
  [field: string]: unknown;
};

/** One record of POST /api/v1/cluster-reports/history-imports. */
export interface DemoReportRecord {
  clusterCode: string;
  period: Period;
  versions: {
    figures: {
      areas: {
        totalCentiHa: number;
        industrialCentiHa: number;
        leasableCentiHa: number;
        leasedCentiHa: number;
      };
      infrastructureInvestment: { registeredVnd: number; realisedVnd: number };
      tenants: Tenants;
      wastewaterPlant: Plant;
    };
    submittedOn: string;
    submittedBy: string;
    review?:
      | { outcome: 'returned'; on: string; by: string; reason: string }
      | { outcome: 'approved'; on: string; by: string };
  }[];
}

export interface DemoClusters {
  registrations: DemoClusterRequest[];
  /** Tenant projects (bodies of POST /api/v1/clusters/{id}/tenants) of a few operating clusters. */
  tenants: { code: string; tenants: Record<string, unknown>[] }[];
  periods: Period[];
  /** The history import's records, per unit (its department records them). */
  reports: { provinceCode: string; records: DemoReportRecord[] }[];
  petitions: {
    key: 'answered' | 'open';
    provinceCode: string;
    clusterCode: string | null;
    subject: string;
    content: string;
    answer: string | null;
    /** A petition received on paper: its day of receipt (the department records it afterwards). */
    receivedOn?: string;
  }[];
  inspection: {
    clusterCode: string;
    provinceCode: string;
    body: {
      inspectedOn: string;
      authority: string;
      summary: string;
      findings: { description: string; severity: string }[];
      actions: { description: string; dueOn: string; finding: number }[];
    };
    completed: { action: number; completedOn: string; note: string }[];
  } | null;
  /** Content-7 projects of the current year linked to a cluster of their unit as support received. */
  supportLinks: DemoSupportLink[];
}

export interface DemoSupportLink {
  clusterCode: string;
  provinceCode: string;
  projectTitle: string;
  planYear: number;
}

export function supportLinksOf(
  plans: DemoPlan[],
  registrations: DemoClusterRequest[],
  year: number,
): DemoSupportLink[];

export const NORTHERN_CLUSTER_FIGURES: {
  units: number;
  clusters: number;
  totalCentiHa: number;
  established: number;
};
export const NORTHERN_UNITS: readonly { code: string; weight: number; mountain: boolean }[];
export const RETURNED_CLUSTER: string;
export const REVIEW_UNIT: string;
export function buildNorthernClusters(
  existing: { provinceCode: string; status: string; totalCentiHa: number }[],
  options?: { seed?: string },
): DemoClusterFacts[];
export function largestRemainders(total: number, weights: number[]): number[];
export function peoplesCommitteeOf(unit: DemoUnit | undefined): string;
export function demoTaxCode(provinceCode: string, seedText: string): string;
export function registerRequestOf(facts: DemoClusterFacts, unit: DemoUnit | undefined): DemoClusterRequest;
export function tenantRequests(body: DemoClusterRequest, counts: Tenants): Record<string, unknown>[];
export function addDays(iso: string, n: number): string;
export function lastTwoPeriods(today: string): Period[];
export function buildClusterDemo(input: {
  handWritten: DemoClusterRequest[];
  provincesNow: DemoUnit[];
  today: string;
  /** The demo data set's plans: their content-7 projects become support received (none without them). */
  plans?: DemoPlan[];
}): DemoClusters;
