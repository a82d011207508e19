import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  awardRoundOpenedV1,
  clusterRegisteredV1,
  EventEnvelope,
  fairCreatedV1,
  PayloadOf,
  planCreatedV1,
  projectApprovedV1,
  projectRegisteredV1,
} from '@kc/contracts';
import { PermanentHandlerError } from '@kc/messaging';
import { readingDate, readingDateForYear, vietnamDate } from '../domain/province-dates';
import {
  AwardRoundProjection,
  ClusterProjection,
  FairProjection,
  PlanProjection,
  ProjectProjection,
} from '../infrastructure/persistence/projection.entities';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/** A code that names no unit on any plausible date cannot be reported; retrying will not change that. */
function required(date: string | undefined, code: string, when: string): string {
  if (date === undefined)
    throw new PermanentHandlerError(`province code ${code} named no provincial unit ${when}`);
  return date;
}

/**
 * Keeps the read models. Every write is an upsert (or an update) by aggregate id, so a handler is idempotent
 * on its own, on top of the inbox that already drops redelivered events. All writes go through the manager
 * of the inbox transaction.
 */
@Injectable()
export class ProjectionsService {
  async planCreated(
    manager: EntityManager,
    { payload: p, occurredAt }: Event<typeof planCreatedV1>,
  ): Promise<void> {
    const provinceAsOf =
      p.provinceCode === null
        ? null
        : required(readingDateForYear(p.provinceCode, p.year), p.provinceCode, `in ${p.year}`);
    await manager.upsert(
      PlanProjection,
      {
        planId: p.planId,
        name: p.name,
        year: p.year,
        level: p.level,
        provinceCode: p.provinceCode,
        provinceAsOf,
        budgetVnd: p.budgetVnd,
        createdAt: new Date(occurredAt),
      },
      ['planId'],
    );
  }

  /** Leaves status and approval alone, so a late replay cannot undo an approval. */
  async projectRegistered(
    manager: EntityManager,
    { payload: p, occurredAt }: Event<typeof projectRegisteredV1>,
  ) {
    await manager.upsert(
      ProjectProjection,
      {
        projectId: p.projectId,
        code: p.code,
        planId: p.planId,
        planYear: p.planYear,
        provinceCode: p.provinceCode,
        provinceAsOf: required(
          readingDateForYear(p.provinceCode, p.planYear),
          p.provinceCode,
          `in ${p.planYear}`,
        ),
        activityContents: p.activityContents,
        requestedSupportVnd: p.requestedSupportVnd,
        registeredAt: new Date(occurredAt),
      },
      ['projectId'],
    );
  }

  /**
   * Both project events travel on projects.project.events keyed by project id, so Kafka delivers a project's
   * registration before its approval (one partition, in order). A missing row therefore means the registration
   * was parked in the dead-letter topic: park the approval too, and a redrive replays both in order.
   */
  async projectApproved(manager: EntityManager, { payload: p, occurredAt }: Event<typeof projectApprovedV1>) {
    const result = await manager.update(
      ProjectProjection,
      { projectId: p.projectId },
      { status: 'approved', approvedSupportVnd: p.approvedSupportVnd, approvedAt: new Date(occurredAt) },
    );
    if (result.affected === 0) {
      throw new PermanentHandlerError(
        `project ${p.projectId} was approved but its registration was never projected`,
      );
    }
  }

  /** Clusters are registered under the code in force on the day of registration (in Vietnam). */
  async clusterRegistered(
    manager: EntityManager,
    { payload: p, occurredAt }: Event<typeof clusterRegisteredV1>,
  ) {
    const day = vietnamDate(new Date(occurredAt));
    await manager.upsert(
      ClusterProjection,
      {
        clusterId: p.clusterId,
        code: p.code,
        name: p.name,
        provinceCode: p.provinceCode,
        provinceAsOf: required(readingDate(p.provinceCode, [day]), p.provinceCode, `on ${day}`),
        status: p.status,
        totalAreaCentiHa: p.totalAreaCentiHa,
        registeredAt: new Date(occurredAt),
      },
      ['clusterId'],
    );
  }

  /** A fair's host code is read on its opening day, else by its year like other yearly facts. */
  async fairCreated(manager: EntityManager, { payload: p, occurredAt }: Event<typeof fairCreatedV1>) {
    const asOf = readingDate(p.provinceCode, [p.startDate, `${p.year}-01-01`, `${p.year}-12-31`]);
    await manager.upsert(
      FairProjection,
      {
        fairId: p.fairId,
        name: p.name,
        year: p.year,
        scale: p.scale,
        regionCode: p.regionCode,
        provinceCode: p.provinceCode,
        provinceAsOf: required(asOf, p.provinceCode, `on ${p.startDate} or in ${p.year}`),
        startDate: p.startDate,
        endDate: p.endDate,
        boothCount: p.boothCount,
        createdAt: new Date(occurredAt),
      },
      ['fairId'],
    );
  }

  async awardRoundOpened(
    manager: EntityManager,
    { payload: p, occurredAt }: Event<typeof awardRoundOpenedV1>,
  ) {
    if (p.level === 'provincial' && p.provinceCode === null) {
      throw new PermanentHandlerError(`provincial award round ${p.roundId} names no province`);
    }
    if (p.level === 'regional' && p.regionCode === null) {
      throw new PermanentHandlerError(`regional award round ${p.roundId} names no region`);
    }
    const provinceAsOf =
      p.provinceCode === null
        ? null
        : required(readingDateForYear(p.provinceCode, p.year), p.provinceCode, `in ${p.year}`);
    await manager.upsert(
      AwardRoundProjection,
      {
        roundId: p.roundId,
        name: p.name,
        year: p.year,
        level: p.level,
        provinceCode: p.provinceCode,
        provinceAsOf,
        regionCode: p.regionCode,
        openedAt: new Date(occurredAt),
      },
      ['roundId'],
    );
  }
}
