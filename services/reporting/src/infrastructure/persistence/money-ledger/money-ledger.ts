import type { EntityManager } from 'typeorm';
import { PermanentHandlerError } from '@kc/messaging';
import { vndTransformer } from '@kc/persistence';
import type { IsoDate } from '@kc/reference-data';
import { sameMovement, type Fund, type MoneyMovement, type MovementKind } from '../../../domain/money-ledger';

/** A movement with the day its province code is read on (the project's rule: its plan year). */
export interface LedgerEntry extends MoneyMovement {
  provinceAsOf: IsoDate;
}

interface Row {
  key: string;
  projectId: string;
  kind: MovementKind;
  fund: Fund;
  amountVnd: string;
  on: string;
  planYear: number;
}

/**
 * Appends movements in the caller's (the inbox's) transaction, once per key: the inbox already drops a
 * redelivered event, the key also drops the same movement published again under another event id. A key found
 * with other facts is not the same movement: that is parked (dead-letter topic), never silently dropped.
 */
export async function recordMovements(
  manager: EntityManager,
  entries: readonly LedgerEntry[],
  eventId: string,
): Promise<void> {
  if (entries.length === 0) return;
  const inserted: { movement_key: string }[] = await manager.query(
    `INSERT INTO money_movement (movement_key, project_id, kind, fund, amount_vnd, moved_on, plan_year,
                                 province_code, province_as_of, event_id)
     SELECT m.*, $10::uuid
       FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::bigint[], $6::date[], $7::int[],
                   $8::text[], $9::date[]) AS m
     ON CONFLICT (movement_key) DO NOTHING
     RETURNING movement_key`,
    [
      entries.map((e) => e.key),
      entries.map((e) => e.projectId),
      entries.map((e) => e.kind),
      entries.map((e) => e.fund),
      entries.map((e) => String(e.amountVnd)),
      entries.map((e) => e.on),
      entries.map((e) => e.planYear),
      entries.map((e) => e.provinceCode),
      entries.map((e) => e.provinceAsOf),
      eventId,
    ],
  );
  const added = new Set(inserted.map((r) => r.movement_key));
  const again = entries.filter((e) => !added.has(e.key));
  if (again.length === 0) return;
  const found: Row[] = await manager.query(
    `SELECT movement_key AS key, project_id AS "projectId", kind, fund, amount_vnd::text AS "amountVnd",
            to_char(moved_on, 'YYYY-MM-DD') AS "on", plan_year AS "planYear"
       FROM money_movement WHERE movement_key = ANY($1)`,
    [again.map((e) => e.key)],
  );
  const byKey = new Map(found.map((r) => [r.key, r]));
  for (const entry of again) {
    const row = byKey.get(entry.key);
    const recorded = row && {
      ...row,
      amountVnd: vndTransformer.from(row.amountVnd) as number,
      provinceCode: entry.provinceCode,
    };
    if (!recorded || !sameMovement(recorded, entry))
      throw new PermanentHandlerError(
        `money movement ${entry.key} is recorded as ${JSON.stringify(row)} and given again as ${JSON.stringify(entry)}`,
      );
  }
}
