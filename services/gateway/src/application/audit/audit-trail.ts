import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  SYSTEM_ACTOR,
  type Actor,
  type AuditQuery,
  type AuditRecordView,
  type auditRecordAppendedV1,
  type EventEnvelope,
  type Page,
  type PayloadOf,
} from '@kc/contracts';
import { currentContext } from '@kc/observability';
import { sql } from '@kc/persistence';
import { unitsCoveredBy } from '@kc/reference-data';
import { AuditRecordEntity } from '../../infrastructure/persistence/audit-record.entity';

export interface GatewayAuditEntry {
  action: string;
  resourceType: string;
  resourceId: string;
  provinceCode: string | null;
  summary: string;
}

function toView(r: AuditRecordEntity): AuditRecordView {
  const recorded = {
    kind: r.actorKind,
    id: r.actorId,
    role: r.actorRole,
    provinceCode: r.actorProvince,
    via: r.actorVia,
  };
  // A service reacting to an event acted on its own: the person behind the event only set it off.
  const bookkeeping = r.causedByEvent !== null;
  return {
    id: r.id,
    eventId: r.eventId,
    occurredAt: r.occurredAt.toISOString(),
    producer: r.producer,
    kind: bookkeeping ? 'bookkeeping' : 'action',
    actor: bookkeeping
      ? { kind: 'system', id: r.producer, role: null, provinceCode: null, via: null }
      : recorded,
    triggeredBy: bookkeeping ? recorded : null,
    action: r.action,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    provinceCode: r.provinceCode,
    summary: r.summary,
    ip: r.ip,
    userAgent: r.userAgent,
    correlationId: r.correlationId,
    causedByEvent: r.causedByEvent,
  };
}

/**
 * The audit trail kept by the gateway: the services' audit events and the gateway's own changes (logins,
 * password changes, logouts, API clients), written only by INSERT — the table refuses anything else.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly dataSource: DataSource) {}

  /** One of the gateway's own changes, in the caller's transaction; who and from where come from the request. */
  async record(manager: EntityManager, entry: GatewayAuditEntry, actor?: Actor): Promise<void> {
    const context = currentContext();
    const id = randomUUID();
    const who = actor ?? context?.actor ?? SYSTEM_ACTOR;
    await this.insert(manager, {
      id,
      eventId: id,
      occurredAt: new Date(),
      producer: 'gateway',
      actorKind: who.kind,
      actorId: who.id,
      actorRole: who.role ?? null,
      actorProvince: who.provinceCode ?? null,
      actorVia: who.via ?? null,
      ...entry,
      summary: entry.summary.slice(0, 1000),
      ip: context?.origin?.ip ?? null,
      userAgent: context?.origin?.userAgent?.slice(0, 500) ?? null,
      correlationId: context?.correlationId ?? randomUUID(),
      causedByEvent: null,
    });
  }

  /** A service's audit event (in the inbox transaction of the consumer: applied exactly once). */
  async append(
    manager: EntityManager,
    envelope: EventEnvelope<PayloadOf<typeof auditRecordAppendedV1>>,
  ): Promise<void> {
    const { payload, actor } = envelope;
    await this.insert(manager, {
      id: randomUUID(),
      eventId: envelope.id,
      occurredAt: new Date(envelope.occurredAt),
      producer: envelope.producer,
      actorKind: actor.kind,
      actorId: actor.id,
      actorRole: actor.role ?? null,
      actorProvince: actor.provinceCode ?? null,
      actorVia: actor.via ?? null,
      action: payload.action,
      resourceType: payload.resourceType,
      resourceId: payload.resourceId,
      provinceCode: payload.provinceCode,
      summary: payload.summary,
      ip: payload.ip,
      userAgent: payload.userAgent,
      correlationId: envelope.correlationId,
      causedByEvent: payload.causedByEvent ?? envelope.causationId,
    });
  }

  async query(query: AuditQuery): Promise<Page<AuditRecordView>> {
    const builder = this.dataSource.getRepository(AuditRecordEntity).createQueryBuilder('r');
    if (query.actor) builder.andWhere('r.actorId = :actor', { actor: query.actor });
    if (query.via) builder.andWhere('r.actorVia = :via', { via: query.via });
    if (query.provinceCode) {
      const provinces = unitsCoveredBy(query.provinceCode, query.unitAsOf);
      builder.andWhere('r.provinceCode IN (:...provinces)', { provinces });
    }
    if (query.resourceType) builder.andWhere('r.resourceType = :type', { type: query.resourceType });
    if (query.resourceId) builder.andWhere('r.resourceId = :resource', { resource: query.resourceId });
    if (query.action) builder.andWhere('r.action = :action', { action: query.action });
    if (query.kind !== 'all') builder.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.from) builder.andWhere('r.occurredAt >= :from', { from: query.from });
    if (query.to) builder.andWhere('r.occurredAt < :to', { to: query.to });
    const [rows, total] = await builder
      .orderBy('r.occurredAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: rows.map(toView), page: query.page, limit: query.limit, total };
  }

  /**
   * One statement, written out: the trail takes a row for every change anywhere, and TypeORM's insert builder was
   * the gateway's largest cost after the network under a rush. ON CONFLICT: an event id already recorded (a replay
   * that bypassed the inbox) adds nothing.
   */
  private async insert(manager: EntityManager, row: AuditRecordEntity): Promise<void> {
    await sql(
      manager,
      `INSERT INTO audit_record (id, event_id, occurred_at, producer, actor_kind, actor_id, actor_role,
         actor_province, actor_via, action, resource_type, resource_id, province_code, summary, ip, user_agent,
         correlation_id, caused_by_event)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT DO NOTHING`,
      [
        row.id,
        row.eventId,
        row.occurredAt,
        row.producer,
        row.actorKind,
        row.actorId,
        row.actorRole,
        row.actorProvince,
        row.actorVia,
        row.action,
        row.resourceType,
        row.resourceId,
        row.provinceCode,
        row.summary,
        row.ip,
        row.userAgent,
        row.correlationId,
        row.causedByEvent,
      ],
    );
  }
}
