import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  auditRecordAppendedV1,
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
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the transaction that changes the state');
    }
    const payload = definition.payload.parse(event.payload) as PayloadOf<D>;
    const context = currentContext();
    const envelope: EventEnvelope<PayloadOf<D>> = {
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
      payload,
    };
    await manager.query(
      `INSERT INTO outbox (id, topic, message_key, type, version, envelope) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        envelope.id,
        definition.topic,
        event.aggregateId,
        envelope.type,
        envelope.version,
        JSON.stringify(envelope),
      ],
    );
    return envelope;
  }

  /**
   * Records one audit entry for a state change, in the same transaction as the change, so the trail has
   * exactly one entry per committed change. Who and from where come from the request (or event) context.
   */
  async audit(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const context = currentContext();
    await this.append(manager, auditRecordAppendedV1, {
      aggregateId: entry.resourceId,
      provinceCode: entry.provinceCode,
      payload: {
        ...entry,
        summary: entry.summary.slice(0, 1000),
        ip: context?.origin?.ip ?? null,
        userAgent: context?.origin?.userAgent?.slice(0, 500) ?? null,
        causedByEvent: context?.principal ? null : (context?.causationId ?? null),
      },
    });
  }
}

export interface AuditEntry {
  /** `<resource>.<verb>`, e.g. `plan.create`, `project.approve`, `projection.update`. */
  action: string;
  resourceType: string;
  resourceId: string;
  provinceCode: string | null;
  /** A short human summary of the change, in Vietnamese where it describes domain facts. */
  summary: string;
}
