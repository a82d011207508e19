import { z } from 'zod';
import { activityContentCode, isoDate, provinceCode, vnd, year } from '../primitives';
import { fundingSources } from '../events/projects/vocabulary';

/**
 * Support received by an industrial cluster: the projects service's projects of activity content 7 (associations,
 * linkage clusters, CCN planning and infrastructure, relocation and pollution treatment) linked to the cluster,
 * with their money as the projects events give it. Money in integer VND.
 */

/** The activity content whose projects may be linked to a cluster as support received. */
export const CLUSTER_SUPPORT_CONTENT = 7;

/** POST /api/v1/clusters/:id/support-projects */
export const linkSupportProjectRequest = z.strictObject({ projectId: z.uuid() });
export type LinkSupportProjectRequest = z.infer<typeof linkSupportProjectRequest>;

export const clusterSupportProjectParams = z.strictObject({ id: z.uuid(), projectId: z.uuid() });

export const clusterSupportProjectView = z.object({
  projectId: z.uuid(),
  code: z.string(),
  title: z.string(),
  provinceCode,
  planYear: year,
  /** The plan's own source: KCQG (national plan) or KCDP (provincial plan, KCĐP). */
  fundingSource: z.enum(fundingSources),
  activityContents: z.array(activityContentCode),
  status: z.string(),
  statusLabel: z.string(),
  /** The budget split as registered (or as last adjusted). */
  kcqgVnd: vnd,
  kcdpVnd: vnd,
  requestedSupportVnd: vnd,
  /** The support a passed ministry-level appraisal accepted; null before it. */
  appraisedSupportVnd: vnd.nullable(),
  /** The allocation the contract (or the stop decision) states; null before it. */
  allocatedVnd: vnd.nullable(),
  /** Advances outstanding. */
  advancedVnd: vnd,
  /** Disbursed so far (advances included, refunds deducted). */
  paidVnd: vnd,
  settledVnd: vnd.nullable(),
  settledOn: isoDate.nullable(),
  stoppedOn: isoDate.nullable(),
  /** What a stop gave back to the plan (allocated − paid). */
  releasedVnd: vnd.nullable(),
  linkedBy: z.string(),
  linkedAt: z.iso.datetime(),
});
export type ClusterSupportProjectView = z.infer<typeof clusterSupportProjectView>;

export const clusterSupportView = z.object({
  projects: z.array(clusterSupportProjectView),
  /** Exact sums over the linked projects (a null amount counts as 0). */
  totals: z.object({
    projects: z.number().int().min(0),
    kcqgVnd: vnd,
    kcdpVnd: vnd,
    appraisedSupportVnd: vnd,
    allocatedVnd: vnd,
    paidVnd: vnd,
    settledVnd: vnd,
    releasedVnd: vnd,
  }),
});
export type ClusterSupportView = z.infer<typeof clusterSupportView>;
