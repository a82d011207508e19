import type { EntityManager } from 'typeorm';

/** What reports, petitions and inspections need of a registry cluster: read from its table, never written. */
export interface ClusterFacts {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
  status: string;
  /** The infrastructure developer's tax code: a business user with this tax code reports for the cluster. */
  developerTaxCode: string | null;
}

const COLUMNS = `id, code, name, province_code AS "provinceCode", status,
  developer_tax_code AS "developerTaxCode"`;

export async function clusterFacts(manager: EntityManager, id: string): Promise<ClusterFacts | null> {
  const [row] = await manager.query(`SELECT ${COLUMNS} FROM industrial_cluster WHERE id = $1`, [id]);
  return (row as ClusterFacts | undefined) ?? null;
}

export async function clustersByCode(
  manager: EntityManager,
  provinceCodes: readonly string[],
  codes: readonly string[],
): Promise<ClusterFacts[]> {
  return manager.query(
    `SELECT ${COLUMNS} FROM industrial_cluster WHERE province_code = ANY($1) AND code = ANY($2)`,
    [provinceCodes, codes],
  );
}

/**
 * Clusters expected to report for a period: established by its cut-off (a cluster only on the provincial list
 * has no developer yet, and one established later had nothing to report for it), and not removed.
 */
export async function reportingClusters(
  manager: EntityManager,
  provinceCodes: readonly string[] | undefined,
  cutOff: string,
): Promise<ClusterFacts[]> {
  return manager.query(
    `SELECT ${COLUMNS} FROM industrial_cluster c
      WHERE status NOT IN ('planned', 'removed') AND ($1::text[] IS NULL OR province_code = ANY($1))
        AND EXISTS (SELECT 1 FROM cluster_lifecycle_step s
                     WHERE s.cluster_id = c.id AND s.step = 'establish' AND s.decision_date <= $2::date)
      ORDER BY province_code, code`,
    [provinceCodes ?? null, cutOff],
  );
}
