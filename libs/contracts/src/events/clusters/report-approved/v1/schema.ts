import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, provinceCode, year } from '../../../../primitives';

const centiHa = z.number().int().min(0);
const count = z.number().int().min(0);

/**
 * A cluster's periodic report (Circular 14/2024, the developer's form) was approved, or approved again after a
 * recorded reopening: its figures are what the conference counts for that cluster and period. A later approval
 * of the same report (higher `version`) replaces the earlier figures.
 */
export const clusterReportApprovedV1 = defineEvent({
  type: 'clusters.report.approved',
  version: 1,
  topic: 'clusters.report.events',
  summary: "A cluster's six-monthly or annual report was approved: its figures count for that period.",
  payload: z.strictObject({
    reportId: z.uuid(),
    clusterId: z.uuid(),
    clusterCode: z.string().min(1).max(50),
    /** The provincial unit the cluster belonged to at the period's cut-off. */
    provinceCode,
    period: z.strictObject({ kind: z.enum(['six-monthly', 'annual']), year }),
    /** The submitted version whose figures were approved. */
    version: z.number().int().min(1),
    approvedOn: isoDate,
    submittedLate: z.boolean(),
    figures: z.strictObject({
      areas: z.strictObject({
        totalCentiHa: centiHa,
        industrialCentiHa: centiHa,
        leasableCentiHa: centiHa,
        leasedCentiHa: centiHa,
      }),
      infrastructureInvestment: z.strictObject({ registeredVnd: count, realisedVnd: count }),
      tenants: z.strictObject({ projects: count, operatingProjects: count, firms: count, workers: count }),
      /** Null: the cluster has no central wastewater plant, not even planned. */
      wastewaterPlant: z
        .strictObject({
          status: z.enum(['planned', 'under-construction', 'in-use']),
          capacityM3PerDay: count,
        })
        .nullable(),
    }),
  }),
});
