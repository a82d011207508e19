import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  auditRecordAppendedV1,
  MAX_EVENT_BYTES,
  SYSTEM_ACTOR,
  type EventDefinition,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { currentContext } from '@kc/observability';

export interface NewEvent<D extends EventDefinition> {
  aggregateId: string;
  provinceCode: string | null;
  payload: PayloadOf<D>;
}

/**
 * Records an integration event in the outbox inside the caller's transaction, so the fact is published
 * if and only if the state change commits. The payload is checked against its contract here, at the
 * producer, so an invalid event is a bug found in the writer's tests rather than in every consumer.
 */
export class OutboxWriter {
  constructor(private readonly producer: string) {}

  async append<D extends EventDefinition>(
    manager: EntityManager,
    definition: D,
    event: NewEvent<D>,
  ): Promise<EventEnvelope<PayloadOf<D>>> {
    const [envelope] = await this.appendAll(manager, [{ definition, event }]);
    return envelope as EventEnvelope<PayloadOf<D>>;
  }

  /**
   * Several events of one change in one INSERT, published in the order given (a change that records many facts
   * at once, e.g. a project's migrated history, spends one round trip instead of one per event).
   */
  async appendAll(manager: EntityManager, events: readonly OutboxEntry[]): Promise<EventEnvelope[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the transaction that changes the state');
    }
    if (events.length === 0) return [];
    const context = currentContext();
    const envelopes = events.map(
      ({ definition, event }): EventEnvelope => ({
        id: randomUUID(),
        type: definition.type,
        version: definition.version,
        occurredAt: new Date().toISOString(),
        producer: this.producer,
        aggregateId: event.aggregateId,
        provinceCode: event.provinceCode,
        actor: context?.actor ?? SYSTEM_ACTOR,
        correlationId: context?.correlationId ?? randomUUID(),
        causationId: context?.causationId ?? null,
        payload: definition.payload.parse(event.payload) as EventEnvelope['payload'],
      }),
    );
    const json = envelopes.map((envelope) => JSON.stringify(envelope));
    // Refused here, inside the transaction, rather than parked by every consumer (or, past the broker's limit,
    // stuck at the head of the relay).
    json.forEach((text, i) => {
      const bytes = Buffer.byteLength(text);
      if (bytes > MAX_EVENT_BYTES)
        throw new Error(
          `${envelopes[i].type} event of ${bytes} bytes exceeds the ${MAX_EVENT_BYTES}-byte limit`,
        );
    });
    const values = envelopes.map(
      (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
    );
    await manager.query(
      `INSERT INTO outbox (id, topic, message_key, type, version, envelope) VALUES ${values.join(', ')}`,
      envelopes.flatMap((envelope, i) => [
        envelope.id,
        events[i].definition.topic,
        envelope.aggregateId,
        envelope.type,
        envelope.version,
        json[i],
      ]),
    );
    return envelopes;
  }

  /**
   * Records one audit entry for a state change, in the same transaction as the change, so the trail has
   * exactly one entry per committed change. Who and from where come from the request (or event) context.
   */
  async audit(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.appendAll(manager, [this.auditEvent(entry)]);
  }

  /** An audit entry as an event for `appendAll` (with the change's other events). */
  auditEvent(entry: AuditEntry): OutboxEntry {
    const context = currentContext();
    return {
      definition: auditRecordAppendedV1,
      event: {
        aggregateId: entry.resourceId,
        provinceCode: entry.provinceCode,
        payload: {
          ...entry,
          summary: entry.summary.slice(0, 1000),
          ip: context?.origin?.ip ?? null,
          userAgent: context?.origin?.userAgent?.slice(0, 500) ?? null,
          causedByEvent: context?.principal ? null : (context?.causationId ?? null),
        },
      },
    };
  }
}

/** One event for `appendAll`: its definition and its keys and payload. */
export interface OutboxEntry<D extends EventDefinition = EventDefinition> {
  definition: D;
  event: NewEvent<D>;
}

/** An `appendAll` entry whose payload is type-checked against its definition. */
export const outboxEntry = <D extends EventDefinition>(definition: D, event: NewEvent<D>): OutboxEntry =>
  ({ definition, event }) as unknown as OutboxEntry;

export interface AuditEntry {
  /** `<resource>.<verb>`, e.g. `plan.create`, `project.approve`, `projection.update`. */
  action: string;
  resourceType: string;
  resourceId: string;
  provinceCode: string | null;
  /** A short human summary of the change, in Vietnamese where it describes domain facts. */
  summary: string;
}
