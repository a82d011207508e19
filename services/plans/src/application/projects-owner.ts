import type { ProjectView } from '@kc/contracts';
import type { OwnerClient } from '@kc/http';
import type { ProjectRef } from '../domain/project-ref';

/** The projects service, owner of the facts `project_ref` copies (an OwnerClient; see @kc/http). */
export const PROJECTS_OWNER = Symbol('PROJECTS_OWNER');
/** How long a refusal on a lagging copy waits for it (REPLICA_WAIT_MS). */
export const REPLICA_WAIT_MS = Symbol('REPLICA_WAIT_MS');

const toRef = (p: ProjectView): ProjectRef => ({
  projectId: p.id,
  code: p.code,
  planId: p.planId,
  provinceCode: p.provinceCode,
  fundingSource: p.fundingSource,
  status: p.status,
  totalCostVnd: p.totalCostVnd,
  requestedSupportVnd: p.requestedSupportVnd,
  appraisedSupportVnd: p.appraisedSupportVnd,
  normCode: p.normCode,
  normUnits: p.normUnits,
  startDate: p.startDate,
});

/** These projects as the projects service has them now (a project it does not show the caller is left out). */
export async function projectsAtOwner(
  owner: OwnerClient,
  ids: readonly string[],
): Promise<Map<string, ProjectRef>> {
  const views = await Promise.all(
    [...new Set(ids)].map((id) => owner.get<ProjectView>(`/api/v1/projects/${encodeURIComponent(id)}`)),
  );
  return new Map(views.filter((v): v is ProjectView => v !== undefined).map((v) => [v.id, toRef(v)]));
}
