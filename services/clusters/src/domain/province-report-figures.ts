import type { CentiHectares } from './hectares';
import type { ProvinceRollUp } from './province-rollup';

/**
 * What a department's periodic report (form 04) states about its province's clusters for a period: the
 * roll-up of the developers' approved figures, which the department may correct before it submits.
 */
export interface ProvinceReportFigures {
  clusters: { reported: number; approved: number };
  areas: {
    totalCentiHa: CentiHectares;
    industrialCentiHa: CentiHectares;
    leasableCentiHa: CentiHectares;
    leasedCentiHa: CentiHectares;
  };
  infrastructureInvestment: { registeredVnd: number; realisedVnd: number };
  tenants: { projects: number; operatingProjects: number; firms: number; workers: number };
  wastewater: { clustersWithPlant: number; clustersWithPlantInUse: number; capacityInUseM3PerDay: number };
}

/** The department's starting figures: its clusters' approved reports summed. */
export const provinceFiguresFromRollUp = (rollUp: ProvinceRollUp): ProvinceReportFigures => ({
  clusters: {
    reported: rollUp.counted.length + rollUp.awaitingApproval.length,
    approved: rollUp.counted.length,
  },
  areas: rollUp.areas,
  infrastructureInvestment: rollUp.infrastructureInvestment,
  tenants: rollUp.tenants,
  wastewater: rollUp.wastewater,
});
