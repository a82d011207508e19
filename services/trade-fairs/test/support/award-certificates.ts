import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  awardCertificateIssuedV1,
  awardCertificateWithdrawnV1,
  decodeEvent,
  TOPICS,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { EventContext, handleOnce } from '@kc/messaging';
import { runWithContext } from '@kc/observability';
import type { BootedService } from '@kc/service-testing';
import { AwardCertificateEventsHandler } from '../../src/interface/events/award-certificate-events.handler';

export const CERTIFICATE_TOPIC = TOPICS.awardCertificateEvents.name;

type Issued = PayloadOf<typeof awardCertificateIssuedV1>;
type Withdrawn = PayloadOf<typeof awardCertificateWithdrawnV1>;
export type CertificateEvent = EventEnvelope<Issued> | EventEnvelope<Withdrawn>;

/** An envelope as the awards service's outbox writes it (keyed by the certificate). */
function envelope<P>(
  definition: { type: string; version: number },
  certificateId: string,
  provinceCode: string | null,
  payload: P,
): EventEnvelope<P> {
  return {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    producer: 'awards',
    aggregateId: certificateId,
    provinceCode,
    actor: { kind: 'user', id: 'cuc.canbo', role: 'central-officer' },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  } as EventEnvelope<P>;
}

/**
 * A national certificate issued to `holderTaxCode` (a facility of Hà Nội) on 20/11/2025, valid to 31/12/2027,
 * numbered QG-2025-<last four digits of the tax code>; override what the test is about.
 */
export function certificateIssued(
  holderTaxCode: string,
  overrides: Partial<Issued> = {},
): EventEnvelope<Issued> {
  const payload: Issued = {
    certificateId: randomUUID(),
    number: `QG-2025-${holderTaxCode.slice(-4)}`,
    roundId: randomUUID(),
    roundYear: 2025,
    level: 'national',
    productGroup: 'handicraft',
    productName: 'Tranh sơn mài Hạ Thái',
    holderName: `Cơ sở sơn mài ${holderTaxCode}`,
    holderTaxCode,
    provinceCode: '01',
    issuedOn: '2025-11-20',
    validUntil: '2027-12-31',
    ...overrides,
  };
  return envelope(awardCertificateIssuedV1, payload.certificateId, payload.provinceCode, payload);
}

/** The withdrawal of an issued certificate, from `withdrawnOn`. */
export function certificateWithdrawn(
  issued: EventEnvelope<Issued>,
  withdrawnOn: string,
): EventEnvelope<Withdrawn> {
  return envelope(awardCertificateWithdrawnV1, issued.payload.certificateId, issued.provinceCode, {
    certificateId: issued.payload.certificateId,
    number: issued.payload.number,
    withdrawnOn,
    reason: 'Sản phẩm không còn đáp ứng tiêu chuẩn đã được công nhận',
  });
}

/**
 * Delivers certificate events the way the Kafka consumer does, minus the broker: each envelope is encoded and
 * decoded against the catalog, then the service's own @OnEvent handler runs in the inbox transaction. For
 * givens; the broker's path is exercised by award-certificates.int-spec.ts.
 */
export async function deliverCertificateEvents(
  service: BootedService,
  ...events: CertificateEvent[]
): Promise<void> {
  const handler = service.app.get(AwardCertificateEventsHandler);
  const dataSource = service.app.get(DataSource);
  for (const event of events) {
    const decoded = decodeEvent(Buffer.from(JSON.stringify(event)), CERTIFICATE_TOPIC);
    if (!decoded.ok) throw new Error(`invalid ${event.type}: ${decoded.detail}`);
    const delivered = decoded.envelope;
    const delivery = { topic: CERTIFICATE_TOPIC, partition: 0, offset: '0' };
    const context = {
      correlationId: delivered.correlationId,
      causationId: delivered.id,
      actor: delivered.actor,
    };
    await runWithContext(context, () =>
      handleOnce(dataSource, 'trade-fairs', delivered, (manager) => {
        const ctx = new EventContext([delivered, manager, delivery]);
        return delivered.type === awardCertificateIssuedV1.type
          ? handler.onIssued(delivered as EventEnvelope<Issued>, ctx)
          : handler.onWithdrawn(delivered as EventEnvelope<Withdrawn>, ctx);
      }),
    );
  }
}
