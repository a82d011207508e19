import { clusterStatusLabels, type ClusterStatus } from '@kc/contracts';

/**
 * The registry's statuses keep their published codes (contracts, database, events): `planned` is "on the
 * province's approved list", `infrastructure` is "infrastructure investment", `removed` a cluster whose
 * establishment decision was annulled or that was taken off the list. Expansion and adjustment are steps, not
 * statuses: the cluster keeps its stage and the history records them.
 */
export type LifecycleStatus = ClusterStatus;

export const lifecycleStatusLabels: Record<LifecycleStatus, string> = clusterStatusLabels;

const englishLabels: Record<LifecycleStatus, string> = {
  planned: 'on the provincial list',
  established: 'established',
  'detailed-plan': 'detailed plan approved',
  infrastructure: 'infrastructure investment',
  operating: 'operating',
  removed: 'removed',
};

export const statusInBothLanguages = (status: LifecycleStatus) => ({
  vi: lifecycleStatusLabels[status],
  en: englishLabels[status],
});
