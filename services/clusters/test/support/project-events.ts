import { randomUUID } from 'node:crypto';
import {
  disbursementRecordedV1,
  projectAdjustedV1,
  projectAppraisedV1,
  projectContractedV1,
  projectRegisteredV2,
  projectSettledV1,
  projectStatusChangedV1,
  projectStoppedV1,
  TOPICS,
  type EventEnvelope,
  type PayloadOf,
} from '@kc/contracts';
import { bootService, consumeFromEnd, useServiceContext, type BootedService } from '@kc/service-testing';
import { serviceEnvSchema } from '@kc/config';
import { testKafka } from '@kc/testing';
import { ClustersModule } from '../../src/app.module';

export const PROJECT_TOPIC = TOPICS.projectEvents.name;

export type ProjectEvent = EventEnvelope<unknown>;

/** An envelope as the projects service's outbox writes it (keyed by the project), at `occurredAt`. */
function envelope<P extends { projectId: string; provinceCode: string }>(
  definition: { type: string; version: number },
  payload: P,
  occurredAt: string,
): EventEnvelope<P> {
  return {
    id: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt,
    producer: 'projects',
    aggregateId: payload.projectId,
    provinceCode: payload.provinceCode,
    actor: { kind: 'user', id: 'cuc.canbo', role: 'central-officer' },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  } as EventEnvelope<P>;
}

/** One project's events, each at the instant given: registered (content 7 in Nghệ An unless told) and after. */
export function projectEvents(registeredFacts: Partial<PayloadOf<typeof projectRegisteredV2>> = {}) {
  const projectId = registeredFacts.projectId ?? randomUUID();
  const base = {
    projectId,
    planId: registeredFacts.planId ?? randomUUID(),
    planYear: registeredFacts.planYear ?? 2026,
    provinceCode: registeredFacts.provinceCode ?? '40',
  };
  return {
    projectId,
    registered: (at: string): EventEnvelope<PayloadOf<typeof projectRegisteredV2>> =>
      envelope(
        projectRegisteredV2,
        {
          ...base,
          code: `DA-${projectId.slice(0, 8)}`,
          planLevel: 'national',
          fundingSource: 'KCQG',
          title: 'Hỗ trợ xây dựng hệ thống xử lý nước thải tập trung cụm công nghiệp',
          kind: 'ordinary',
          activityContents: [7],
          implementingUnit: 'Trung tâm Khuyến công Nghệ An',
          commune: null,
          startDate: '2026-03-01',
          endDate: '2026-11-30',
          kcqgVnd: 1_500_000_000,
          kcdpVnd: 0,
          counterpartVnd: 2_000_000_000,
          otherVnd: 0,
          requestedSupportVnd: 1_500_000_000,
          normCode: null,
          normUnits: null,
          procurementMode: 'selection',
          advanceCategory: 'cluster-infrastructure',
          beneficiaryTaxCodes: [],
          ...registeredFacts,
          ...base,
        },
        at,
      ),
    status: (at: string, from: string | null, to: string, action: string) =>
      envelope(
        projectStatusChangedV1,
        { ...base, from, to, action, at } as PayloadOf<typeof projectStatusChangedV1>,
        at,
      ),
    appraised: (at: string, appraisedSupportVnd: number) =>
      envelope(
        projectAppraisedV1,
        {
          ...base,
          appraisalId: randomUUID(),
          level: 'ministry',
          result: 'passed',
          appraisedSupportVnd,
          reviewer: 'Cục Công Thương địa phương',
          appraisedOn: at.slice(0, 10),
        },
        at,
      ),
    contracted: (at: string, allocatedVnd: number) =>
      envelope(
        projectContractedV1,
        {
          ...base,
          mode: 'contract',
          number: '12/2026/HĐ-KC',
          signedOn: at.slice(0, 10),
          contractValueVnd: allocatedVnd,
          allocatedVnd,
          parties: ['Trung tâm Khuyến công Nghệ An'],
        },
        at,
      ),
    disbursed: (at: string, amountVnd: number, totals: { advancedVnd: number; paidVnd: number }) =>
      envelope(
        disbursementRecordedV1,
        {
          ...base,
          disbursementId: randomUUID(),
          kind: 'payment',
          amountVnd,
          on: at.slice(0, 10),
          reference: null,
          ...totals,
        },
        at,
      ),
    settled: (at: string, settledVnd: number) =>
      envelope(projectSettledV1, { ...base, settledVnd, settledOn: at.slice(0, 10), late: false }, at),
    stopped: (at: string, allocatedVnd: number, paidVnd: number) =>
      envelope(
        projectStoppedV1,
        {
          ...base,
          fundingSource: 'KCQG',
          decisionNumber: '88/QĐ-BCT',
          stoppedOn: at.slice(0, 10),
          reason: 'Cơ sở không bố trí được vốn đối ứng',
          allocatedVnd,
          paidVnd,
          unspentVnd: allocatedVnd - paidVnd,
        },
        at,
      ),
    contentsChanged: (at: string, before: number[], after: number[]) =>
      envelope(
        projectAdjustedV1,
        {
          ...base,
          adjustmentId: randomUUID(),
          kind: 'content-change',
          level: 'minister',
          decisionNumber: '77/QĐ-BCT',
          decidedOn: at.slice(0, 10),
          reason: 'Điều chỉnh nội dung',
          before: { activityContents: before },
          after: { activityContents: after },
        },
        at,
      ),
  };
}

export interface ClustersConsuming extends BootedService {
  consumerGroup: string;
  publish(...events: ProjectEvent[]): Promise<void>;
}

/** The clusters service fed from the test broker's projects topic by its real consumer (from the topic's end). */
async function bootConsuming(database: string): Promise<ClustersConsuming> {
  const service = await bootService(
    { service: 'clusters', envSchema: serviceEnvSchema, module: (config) => ClustersModule.forRoot(config) },
    database,
  );
  const consumerGroup = await consumeFromEnd(service, [PROJECT_TOPIC]);
  const producer = testKafka('clusters-itest').producer();
  await producer.connect();
  return {
    ...service,
    consumerGroup,
    async publish(...events) {
      // One send per event, in the order given: the test decides the order the consumer sees.
      for (const e of events)
        await producer.send({
          topic: PROJECT_TOPIC,
          acks: -1,
          messages: [{ key: e.aggregateId, value: JSON.stringify(e) }],
        });
    },
    async close() {
      await producer.disconnect();
      await service.close();
    },
  };
}

export const useConsumingClustersContext = (database: string) =>
  useServiceContext(() => bootConsuming(database));
