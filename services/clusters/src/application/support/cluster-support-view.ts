import type { EntityManager } from 'typeorm';
import type { ClusterSupportView } from '@kc/contracts';
import { linkedProjects } from '../../infrastructure/persistence/support/support-projects';
import { supportView } from './support-rules';

/** A cluster's support received (linked projects and totals), read in the caller's transaction if any. */
export async function clusterSupport(manager: EntityManager, clusterId: string): Promise<ClusterSupportView> {
  return supportView(await linkedProjects(manager, clusterId));
}
