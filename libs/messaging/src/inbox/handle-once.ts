import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@kc/contracts';

export type InboxOutcome = 'handled' | 'duplicate';

/**
 * Runs `work` at most once per (consumer group, event id): the inbox row and the handler's writes commit
 * together, so a redelivered event finds its row and changes nothing, and a failed handler leaves no row.
 */
export async function handleOnce(
  dataSource: DataSource,
  consumerGroup: string,
  envelope: EventEnvelope,
  work: (manager: EntityManager) => Promise<unknown>,
): Promise<InboxOutcome> {
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox (consumer_group, message_id, type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [consumerGroup, envelope.id, envelope.type],
    );
    if (inserted.length === 0) return 'duplicate';
    await work(manager);
    return 'handled';
  });
}
