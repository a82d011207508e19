import { clusterStatusLabels } from '@kc/contracts';
import type { ClusterStatus } from './industrial-cluster';

/**
 * The registry's statuses keep their published codes (contracts, database, events): `planned` is "on the
 * province's approved list", `infrastructure` is "infrastructure investment". A removed cluster (its
 * establishment decision annulled, or taken off the list) is the one status the registry did not have yet.
 * Expansion and adjustment are steps, not statuses: the cluster keeps its stage and the history records them.
 */
export type LifecycleStatus = ClusterStatus | 'removed';

/** Vietnamese labels; `removed` belongs in the contracts' map once a view can show it. */
export const lifecycleStatusLabels: Record<LifecycleStatus, string> = {
  ...clusterStatusLabels,
  removed: 'Đã bãi bỏ',
};

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
