import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';

/** Whether any registration of the fair has been certified (its support fixed under the fair's policy). */
export async function hasCertifiedRegistration(manager: EntityManager, fairId: string): Promise<boolean> {
  const certified = await sql(
    manager,
    `SELECT 1 FROM fair_registration WHERE fair_id = $1 AND certified_at IS NOT NULL LIMIT 1`,
    [fairId],
    { inTransaction: true },
  );
  return certified.length > 0;
}

export async function setFairPolicy(
  manager: EntityManager,
  fairId: string,
  policy: { code: string; version: number },
): Promise<void> {
  await sql(
    manager,
    `UPDATE trade_fair SET subsidy_policy_code = $2, subsidy_policy_version = $3 WHERE id = $1`,
    [fairId, policy.code, policy.version],
    { inTransaction: true },
  );
}
