import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';

/**
 * The clusters service's copy of the projects service's projects (`cluster_support_project`) and their links to
 * clusters (`cluster_support_link`). Every write is an upsert guarded by the instant of the event that set the
 * facts it touches (`*_as_of`): the same event twice, or an older one after a newer one, leaves the row as it is.
 */

/** An event's facts: the project it is about, its province (for a row made before the registration), its instant. */
export interface EventStamp {
  projectId: string;
  provinceCode: string;
  at: Date;
}

/** Makes the row of a project not yet registered here, so facts that arrive before the registration are kept. */
async function ensureRow(manager: EntityManager, s: EventStamp): Promise<void> {
  await sql(
    manager,
    `INSERT INTO cluster_support_project (project_id, province_code) VALUES ($1, $2)
     ON CONFLICT (project_id) DO NOTHING`,
    [s.projectId, s.provinceCode],
  );
}

export interface RegisteredFacts {
  code: string;
  title: string;
  planId: string;
  planYear: number;
  fundingSource: 'KCQG' | 'KCDP';
  activityContents: number[];
  kcqgVnd: number;
  kcdpVnd: number;
  requestedSupportVnd: number;
}

/** The registration's identity and budget; its contents only if no later content change set them already. */
export async function recordRegistered(manager: EntityManager, s: EventStamp, f: RegisteredFacts) {
  await ensureRow(manager, s);
  await sql(
    manager,
    `UPDATE cluster_support_project SET
       registered_at = $2, code = $3, title = $4, province_code = $5, plan_id = $6, plan_year = $7,
       funding_source = $8, kcqg_vnd = $9, kcdp_vnd = $10, requested_support_vnd = $11,
       activity_contents = CASE WHEN contents_as_of IS NULL OR contents_as_of <= $2 THEN $12::int[]
                                ELSE activity_contents END,
       contents_as_of = CASE WHEN contents_as_of IS NULL OR contents_as_of <= $2 THEN $2 ELSE contents_as_of END,
       status = CASE WHEN status IS NULL THEN 'registered' ELSE status END,
       status_as_of = CASE WHEN status IS NULL THEN $2 ELSE status_as_of END,
       updated_at = now()
     WHERE project_id = $1`,
    [
      s.projectId,
      s.at,
      f.code,
      f.title,
      s.provinceCode,
      f.planId,
      f.planYear,
      f.fundingSource,
      f.kcqgVnd,
      f.kcdpVnd,
      f.requestedSupportVnd,
      [...f.activityContents].sort((a, b) => a - b),
    ],
  );
}

/** A content change: the newer of it and the registration wins. */
export async function recordContents(manager: EntityManager, s: EventStamp, contents: number[]) {
  await ensureRow(manager, s);
  await sql(
    manager,
    `UPDATE cluster_support_project SET activity_contents = $3, contents_as_of = $2, updated_at = now()
     WHERE project_id = $1 AND (contents_as_of IS NULL OR contents_as_of <= $2)`,
    [s.projectId, s.at, [...contents].sort((a, b) => a - b)],
  );
}

export async function recordStatus(manager: EntityManager, s: EventStamp, status: string) {
  await ensureRow(manager, s);
  await sql(
    manager,
    `UPDATE cluster_support_project SET status = $3, status_as_of = $2, updated_at = now()
     WHERE project_id = $1 AND (status_as_of IS NULL OR status_as_of <= $2)`,
    [s.projectId, s.at, status],
  );
}

export async function recordAppraisedSupport(manager: EntityManager, s: EventStamp, amountVnd: number) {
  await ensureRow(manager, s);
  await sql(
    manager,
    `UPDATE cluster_support_project SET appraised_support_vnd = $2, updated_at = now() WHERE project_id = $1`,
    [s.projectId, amountVnd],
  );
}

export async function recordAllocated(manager: EntityManager, s: EventStamp, allocatedVnd: number) {
  await ensureRow(manager, s);
  await sql(
    manager,
    `UPDATE cluster_support_project SET allocated_vnd = $3, allocated_as_of = $2, updated_at = now()
     WHERE project_id = $1 AND (allocated_as_of IS NULL OR allocated_as_of <= $2)`,
    [s.projectId, s.at, allocatedVnd],
  );
}

/** The running totals a disbursement (or a stop) states: they replace, never add to, what the row holds. */
export async function recordMoney(
  manager: EntityManager,
  s: EventStamp,
  totals: { advancedVnd: number; paidVnd: number },
) {
  await ensureRow(manager, s);
  await sql(
    manager,
    `UPDATE cluster_support_project SET advanced_vnd = $3, paid_vnd = $4, money_as_of = $2, updated_at = now()
     WHERE project_id = $1 AND (money_as_of IS NULL OR money_as_of <= $2)`,
    [s.projectId, s.at, totals.advancedVnd, totals.paidVnd],
  );
}

export async function recordSettled(
  manager: EntityManager,
  s: EventStamp,
  settled: { settledVnd: number; settledOn: string },
) {
  await ensureRow(manager, s);
  await sql(
    manager,
    `UPDATE cluster_support_project SET settled_vnd = $2, settled_on = $3, updated_at = now() WHERE project_id = $1`,
    [s.projectId, settled.settledVnd, settled.settledOn],
  );
}

export async function recordStopped(
  manager: EntityManager,
  s: EventStamp,
  stop: { stoppedOn: string; releasedVnd: number },
) {
  await ensureRow(manager, s);
  await sql(
    manager,
    `UPDATE cluster_support_project SET stopped_on = $2, released_vnd = $3, updated_at = now() WHERE project_id = $1`,
    [s.projectId, stop.stoppedOn, stop.releasedVnd],
  );
}

/** A project as the clusters service knows it; `registered` false while only later facts have arrived. */
export interface SupportProjectRow {
  projectId: string;
  registered: boolean;
  code: string | null;
  title: string | null;
  provinceCode: string | null;
  planYear: number | null;
  fundingSource: 'KCQG' | 'KCDP' | null;
  activityContents: number[] | null;
  status: string | null;
  kcqgVnd: number | null;
  kcdpVnd: number | null;
  requestedSupportVnd: number | null;
  appraisedSupportVnd: number | null;
  allocatedVnd: number | null;
  advancedVnd: number;
  paidVnd: number;
  settledVnd: number | null;
  settledOn: string | null;
  stoppedOn: string | null;
  releasedVnd: number | null;
}

export interface LinkedProjectRow extends SupportProjectRow {
  clusterId: string;
  linkedBy: string;
  linkedAt: Date;
}

const PROJECT_COLUMNS = `p.project_id AS "projectId", p.registered_at IS NOT NULL AS registered, p.code, p.title,
  p.province_code AS "provinceCode", p.plan_year AS "planYear", p.funding_source AS "fundingSource",
  p.activity_contents AS "activityContents", p.status,
  p.kcqg_vnd AS "kcqgVnd", p.kcdp_vnd AS "kcdpVnd", p.requested_support_vnd AS "requestedSupportVnd",
  p.appraised_support_vnd AS "appraisedSupportVnd", p.allocated_vnd AS "allocatedVnd",
  p.advanced_vnd AS "advancedVnd", p.paid_vnd AS "paidVnd", p.settled_vnd AS "settledVnd",
  p.settled_on::text AS "settledOn", p.stopped_on::text AS "stoppedOn", p.released_vnd AS "releasedVnd"`;

const MONEY = [
  'kcqgVnd',
  'kcdpVnd',
  'requestedSupportVnd',
  'appraisedSupportVnd',
  'allocatedVnd',
  'advancedVnd',
  'paidVnd',
  'settledVnd',
  'releasedVnd',
] as const;

/** bigint columns arrive as text: back to integers (each is a VND amount, far below 2^53). */
function withNumbers<T extends SupportProjectRow>(row: T): T {
  for (const key of MONEY) {
    const value = row[key] as unknown;
    (row as Record<string, unknown>)[key] = value === null ? null : Number(value);
  }
  return row;
}

export async function supportProject(
  manager: EntityManager,
  projectId: string,
  lock = false,
): Promise<SupportProjectRow | null> {
  const [row] = await sql<SupportProjectRow>(
    manager,
    `SELECT ${PROJECT_COLUMNS} FROM cluster_support_project p WHERE p.project_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [projectId],
  );
  return row ? withNumbers(row) : null;
}

/** The cluster a project is linked to, if any. */
export async function linkOf(
  manager: EntityManager,
  projectId: string,
): Promise<{ clusterId: string; clusterCode: string; provinceCode: string } | null> {
  const [row] = await sql<{ clusterId: string; clusterCode: string; provinceCode: string }>(
    manager,
    `SELECT l.cluster_id AS "clusterId", c.code AS "clusterCode", c.province_code AS "provinceCode"
       FROM cluster_support_link l JOIN industrial_cluster c ON c.id = l.cluster_id WHERE l.project_id = $1`,
    [projectId],
  );
  return row ?? null;
}

export async function insertLink(
  manager: EntityManager,
  link: { projectId: string; clusterId: string; linkedBy: string; linkedAt: Date },
): Promise<void> {
  await sql(
    manager,
    `INSERT INTO cluster_support_link (project_id, cluster_id, linked_by, linked_at) VALUES ($1, $2, $3, $4)`,
    [link.projectId, link.clusterId, link.linkedBy, link.linkedAt],
  );
}

export async function deleteLink(manager: EntityManager, clusterId: string, projectId: string) {
  const rows = await sql<{ projectId: string }>(
    manager,
    `DELETE FROM cluster_support_link WHERE cluster_id = $1 AND project_id = $2 RETURNING project_id AS "projectId"`,
    [clusterId, projectId],
  );
  return rows.length > 0;
}

/** A cluster's linked projects, oldest plan year first, then by code. */
export async function linkedProjects(manager: EntityManager, clusterId: string): Promise<LinkedProjectRow[]> {
  const rows = await sql<LinkedProjectRow>(
    manager,
    `SELECT ${PROJECT_COLUMNS}, l.cluster_id AS "clusterId", l.linked_by AS "linkedBy", l.linked_at AS "linkedAt"
       FROM cluster_support_link l JOIN cluster_support_project p ON p.project_id = l.project_id
      WHERE l.cluster_id = $1
      ORDER BY p.plan_year, p.code, p.project_id`,
    [clusterId],
  );
  return rows.map(withNumbers);
}
