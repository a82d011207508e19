import type { clusterRecordedV1, clusterReportApprovedV1, PayloadOf } from '@kc/contracts';

type Recorded = PayloadOf<typeof clusterRecordedV1>;
type Approved = PayloadOf<typeof clusterReportApprovedV1>;

export type ClusterStatus = Recorded['status'];
export type WastewaterPlantStatus = NonNullable<Recorded['wastewaterPlant']>['status'];
export type ClusterReportPeriodKind = Approved['period']['kind'];

/**
 * The revision of a cluster known only from `clusters.cluster.registered`: below every snapshot's (which start at
 * 1), so any snapshot replaces it and a registration never replaces a snapshot.
 */
export const REGISTERED_ONLY = 0;

/**
 * Whether a fact about a cluster replaces the row kept for it. Snapshots may arrive late or twice (a redrive, a
 * replay): only a higher revision than the one kept wins. A registration fills in a cluster not yet known, and
 * refreshes one known only from its registration (a replay carries the same facts).
 */
export function clusterFactReplaces(
  kept: number | undefined,
  incoming: { kind: 'registered' } | { kind: 'recorded'; revision: number },
): boolean {
  if (kept === undefined) return true;
  if (incoming.kind === 'registered') return kept === REGISTERED_ONLY;
  return incoming.revision > kept;
}

/**
 * Whether an approval replaces the figures kept for the same cluster and period: a later approval (a higher
 * submitted version, after a recorded reopening) does; the same approval again, or an older one, does not.
 */
export function reportApprovalReplaces(kept: number | undefined, incomingVersion: number): boolean {
  return kept === undefined || incomingVersion > kept;
}

/**
 * The day a report's figures are cut off (Circular 14/2024): 14 June for the six-monthly report, 14 December for
 * the annual one. The report names the unit the cluster belonged to on that day.
 */
export function reportCutOff(kind: ClusterReportPeriodKind, year: number): string {
  return kind === 'six-monthly' ? `${year}-06-14` : `${year}-12-14`;
}
