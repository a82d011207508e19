import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  disbursementRecordedV1,
  EventEnvelope,
  PayloadOf,
  projectAdjustedV1,
  projectAppraisedV1,
  projectContractedV1,
  projectRegisteredV2,
  projectSettledV1,
  projectStatusChangedV1,
  projectStoppedV1,
} from '@kc/contracts';
import { activityContentCode } from '@kc/contracts';
import {
  recordAllocated,
  recordAppraisedSupport,
  recordContents,
  recordMoney,
  recordRegistered,
  recordSettled,
  recordStatus,
  recordStopped,
  type EventStamp,
} from '../../infrastructure/persistence/support/support-projects';

type Event<D> = EventEnvelope<PayloadOf<D>>;

const stamp = (
  event: { occurredAt: string; payload: { projectId: string; provinceCode: string } },
  at?: string,
): EventStamp => ({
  projectId: event.payload.projectId,
  provinceCode: event.payload.provinceCode,
  at: new Date(at ?? event.occurredAt),
});

/**
 * Keeps the clusters service's copy of the projects (`cluster_support_project`) from projects.project.events, in
 * each event's inbox transaction. A project's events normally come in order (keyed by project id), but a redrive
 * from the dead-letter topic can deliver an older one after a newer one, or a fact before the registration: each
 * fact is kept with the instant of its event, a fact before the registration makes the row the registration then
 * completes, and an older fact never overwrites a newer one. Every project is kept (not only content 7): a
 * content change may make one content 7 later, and its money must be here then.
 */
@Injectable()
export class SupportProjectionService {
  async registered(manager: EntityManager, event: Event<typeof projectRegisteredV2>) {
    const p = event.payload;
    await recordRegistered(manager, stamp(event), {
      code: p.code,
      title: p.title,
      planId: p.planId,
      planYear: p.planYear,
      fundingSource: p.fundingSource,
      activityContents: p.activityContents,
      kcqgVnd: p.kcqgVnd,
      kcdpVnd: p.kcdpVnd,
      requestedSupportVnd: p.requestedSupportVnd,
    });
  }

  /** The status moves by its own instant (`at`), so a replayed older transition never takes it back. */
  async statusChanged(manager: EntityManager, event: Event<typeof projectStatusChangedV1>) {
    await recordStatus(manager, stamp(event, event.payload.at), event.payload.to);
  }

  /** Only a passed ministry-level appraisal fixes the support; other appraisals show in the status alone. */
  async appraised(manager: EntityManager, event: Event<typeof projectAppraisedV1>) {
    const p = event.payload;
    if (p.level !== 'ministry' || p.result !== 'passed' || p.appraisedSupportVnd === null) return;
    await recordAppraisedSupport(manager, stamp(event), p.appraisedSupportVnd);
  }

  async contracted(manager: EntityManager, event: Event<typeof projectContractedV1>) {
    await recordAllocated(manager, stamp(event), event.payload.allocatedVnd);
  }

  /** The event carries the running totals, so a movement sets them rather than adding to them. */
  async disbursementRecorded(manager: EntityManager, event: Event<typeof disbursementRecordedV1>) {
    const p = event.payload;
    await recordMoney(manager, stamp(event), { advancedVnd: p.advancedVnd, paidVnd: p.paidVnd });
  }

  async settled(manager: EntityManager, event: Event<typeof projectSettledV1>) {
    const p = event.payload;
    await recordSettled(manager, stamp(event), { settledVnd: p.settledVnd, settledOn: p.settledOn });
  }

  /** A stop states the allocation, what was paid and what goes back to the plan. */
  async stopped(manager: EntityManager, event: Event<typeof projectStoppedV1>) {
    const p = event.payload;
    const s = stamp(event);
    await recordAllocated(manager, s, p.allocatedVnd);
    await recordStopped(manager, s, { stoppedOn: p.stoppedOn, releasedVnd: p.unspentVnd });
  }

  /** Of an adjustment only a content change matters here: it decides whether the project is content 7. */
  async adjusted(manager: EntityManager, event: Event<typeof projectAdjustedV1>) {
    const p = event.payload;
    if (p.kind !== 'content-change') return;
    const contents = activityContentCode.array().min(1).safeParse(p.after['activityContents']);
    if (!contents.success) return;
    await recordContents(manager, stamp(event), contents.data);
  }
}
