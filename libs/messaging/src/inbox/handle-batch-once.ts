import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@kc/contracts';
import type { InboxOutcome } from './handle-once';

/**
 * handleOnce for several events in ONE transaction: one statement inserts all their inbox rows, then `work`
 * runs, in order, for each event whose row is new. An event already in the inbox, or earlier in `items`, is a
 * duplicate and its work does not run. Any failure rolls everything back: no inbox row, no write.
 */
export async function handleBatchOnce<T extends { envelope: EventEnvelope }>(
  dataSource: DataSource,
  consumerGroup: string,
  items: readonly T[],
  work: (item: T, manager: EntityManager) => Promise<unknown>,
): Promise<InboxOutcome[]> {
  return dataSource.transaction(async (manager) => {
    const rows: { message_id: string }[] = await manager.query(
      `INSERT INTO inbox (consumer_group, message_id, type)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[])
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [consumerGroup, items.map((i) => i.envelope.id), items.map((i) => i.envelope.type)],
    );
    // Postgres returns an id given twice in one statement once, and in lower case (an envelope may carry
    // upper case): taking it from the set makes its second occurrence a duplicate.
    const inserted = new Set(rows.map((r) => r.message_id));
    const outcomes: InboxOutcome[] = [];
    for (const item of items) {
      if (!inserted.delete(item.envelope.id.toLowerCase())) {
        outcomes.push('duplicate');
        continue;
      }
      await work(item, manager);
      outcomes.push('handled');
    }
    return outcomes;
  });
}
