import { RuleViolationError } from '@kc/errors';
import { checkAreas, checkWastewaterPlant, type CentralWastewaterPlant } from './cluster-record';
import type { CentiHectares } from './hectares';

/**
 * What a developer's periodic report (form 02) states about its cluster at the cut-off: every figure known,
 * areas in hundredths of a hectare, money in integer VND.
 */
export interface ClusterReportFigures {
  areas: {
    totalCentiHa: CentiHectares;
    industrialCentiHa: CentiHectares;
    leasableCentiHa: CentiHectares;
    leasedCentiHa: CentiHectares;
  };
  infrastructureInvestment: { registeredVnd: number; realisedVnd: number };
  tenants: { projects: number; operatingProjects: number; firms: number; workers: number };
  wastewaterPlant: CentralWastewaterPlant | null;
}

const wholeCount = (value: number, field: string) => {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a whole number, 0 or more, got ${value}`);
  }
};

/** Whole, non-negative figures that hang together: nested areas, operating projects and firms within projects. */
export function checkClusterReportFigures(figures: ClusterReportFigures): ClusterReportFigures {
  checkAreas(figures.areas);
  const { registeredVnd, realisedVnd } = figures.infrastructureInvestment;
  wholeCount(registeredVnd, 'infrastructureInvestment.registeredVnd');
  wholeCount(realisedVnd, 'infrastructureInvestment.realisedVnd');
  const { projects, operatingProjects, firms, workers } = figures.tenants;
  for (const [value, field] of [
    [projects, 'tenants.projects'],
    [operatingProjects, 'tenants.operatingProjects'],
    [firms, 'tenants.firms'],
    [workers, 'tenants.workers'],
  ] as const) {
    wholeCount(value, field);
  }
  if (operatingProjects > projects || firms > projects) {
    const field = operatingProjects > projects ? 'tenants.operatingProjects' : 'tenants.firms';
    throw new RuleViolationError(
      {
        vi: `Số dự án đang hoạt động (${operatingProjects}) và số doanh nghiệp (${firms}) không được vượt số dự án trong cụm (${projects})`,
        en: `Operating projects (${operatingProjects}) and firms (${firms}) cannot outnumber the cluster's projects (${projects})`,
      },
      'cluster-report.tenant-counts',
      field,
    );
  }
  checkWastewaterPlant(figures.wastewaterPlant, 'wastewaterPlant.capacityM3PerDay');
  return figures;
}
