import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  assignmentDecidedV1,
  decodeEvent,
  planCreatedV1,
  registrationSubmittedV1,
  type EventDefinition,
  type PayloadOf,
} from '@kc/contracts';
import { EventContext, handleOnce } from '@kc/messaging';
import { runWithContext } from '@kc/observability';
import type { BootedService } from '@kc/service-testing';
import { PlanEventsHandler } from '../../src/interface/events/plan-events.handler';

/** The plans events projects consumes. */
export type PlanEvent = typeof planCreatedV1 | typeof registrationSubmittedV1 | typeof assignmentDecidedV1;

/**
 * Delivers a plans event the way the Kafka consumer does, minus the broker: the envelope is encoded and
 * decoded against the catalog, then the service's own @OnEvent handler runs inside the inbox
 * transaction (`handleOnce`, consumer group `projects`) with the event's context. Delivering the same
 * envelope twice shows the exactly-once effect.
 */
export async function deliverPlanEvent<D extends PlanEvent>(
  service: BootedService,
  definition: D,
  payload: PayloadOf<D>,
  id: string = randomUUID(),
): Promise<'handled' | 'duplicate'> {
  const raw = {
    id,
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    producer: 'plans',
    aggregateId: (payload as { planId: string }).planId,
    provinceCode: null,
    actor: { kind: 'user', id: 'cuc.canbo', role: 'central-officer' },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
  const decoded = decodeEvent(Buffer.from(JSON.stringify(raw)));
  if (!decoded.ok) throw new Error(`invalid ${definition.type}: ${decoded.detail}`);
  const envelope = decoded.envelope;
  const handler = service.app.get(PlanEventsHandler);
  const dataSource = service.app.get(DataSource);
  const delivery = { topic: (definition as EventDefinition).topic, partition: 0, offset: '0' };
  const context = { correlationId: envelope.correlationId, causationId: envelope.id, actor: envelope.actor };
  return runWithContext(context, () =>
    handleOnce(dataSource, 'projects', envelope, (manager) => {
      const ctx = new EventContext([envelope, manager, delivery]);
      switch (envelope.type) {
        case planCreatedV1.type:
          return handler.onPlanCreated(envelope as never, ctx);
        case registrationSubmittedV1.type:
          return handler.onRegistrationSubmitted(envelope as never, ctx);
        default:
          return handler.onAssignmentDecided(envelope as never, ctx);
      }
    }),
  );
}

/** A plan as plans announces it. */
export const planCreated = (
  year: number,
  level: 'national' | 'provincial',
  provinceCode: string | null = null,
): PayloadOf<typeof planCreatedV1> => ({
  planId: randomUUID(),
  name:
    level === 'national'
      ? `Kế hoạch khuyến công quốc gia năm ${year}`
      : `Kế hoạch khuyến công địa phương tỉnh ${provinceCode} năm ${year}`,
  year,
  level,
  provinceCode,
  budgetVnd: 150_000_000_000,
});

/** A valid draft body; override what the test is about. */
export const draftBody = (planId: string, overrides: Record<string, unknown> = {}) => ({
  planId,
  title: 'Xây dựng mô hình trình diễn kỹ thuật chế biến nước mắm truyền thống',
  kind: 'ordinary',
  activityContents: [3],
  implementingUnit: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp Nghệ An',
  partners: ['Viện Nghiên cứu Hải sản'],
  provinceCode: '40',
  commune: 'Xã Diễn Kim',
  startDate: '2026-04-01',
  endDate: '2026-11-30',
  kcqgVnd: 850_000_000,
  kcdpVnd: 150_000_000,
  counterpartVnd: 2_000_000_000,
  otherVnd: 0,
  procurementMode: 'selection',
  advanceCategory: 'model-machinery',
  beneficiaries: [
    { taxCode: '2900123456', name: 'Công ty TNHH Nước mắm Diễn Châu', legalForm: 'enterprise' },
  ],
  ...overrides,
});

export const appraisal = (result: 'passed' | 'failed' = 'passed', extra: Record<string, unknown> = {}) => ({
  reviewer: 'Hội đồng thẩm định',
  criteria: [{ name: 'Phù hợp nội dung khuyến công', passed: result === 'passed' }],
  result,
  appraisedOn: '2026-03-10',
  ...extra,
});

/** Plans' registration report listing `projectIds` (sent on time), as its event carries it. */
export const registrationSubmitted = (report: {
  planId: string;
  planYear: number;
  projectIds: string[];
  provinceCode?: string;
  reportNumber?: string;
}): PayloadOf<typeof registrationSubmittedV1> => ({
  registrationId: randomUUID(),
  provinceCode: '40',
  reportNumber: '123/SCT-QLCN',
  submittedAt: `${report.planYear - 1}-06-18T09:00:00.000+07:00`,
  deadline: `${report.planYear - 1}-06-20`,
  late: false,
  ...report,
});

/** A plan-assignment decision of plans (initial unless told), as its event carries it. */
export const assignmentDecided = (decision: {
  planId: string;
  planYear: number;
  number?: string;
  signedOn?: string;
  kind?: 'initial' | 'adjustment';
  allocations: {
    projectId: string;
    amountVnd: number;
    previousVnd?: number;
    fundingSource?: 'KCQG' | 'KCDP';
    provinceCode?: string;
  }[];
}): PayloadOf<typeof assignmentDecidedV1> => ({
  decisionId: randomUUID(),
  number: '3500/QĐ-BCT',
  signedOn: `${decision.planYear - 1}-12-20`,
  kind: 'initial',
  ...decision,
  allocations: decision.allocations.map((a) => ({
    provinceCode: '40',
    fundingSource: 'KCQG',
    previousVnd: 0,
    ...a,
  })),
});
