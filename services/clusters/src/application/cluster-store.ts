import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { maySee } from '@kc/auth';
import { clusterRecordedV1, type ClusterDetailView, type Principal } from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter, outboxEntry } from '@kc/messaging';
import type { ClusterRecord } from '../domain/cluster-record';
import {
  ClusterEntity,
  ClusterStepEntity,
  ClusterTenantEntity,
} from '../infrastructure/persistence/cluster.entity';
import { clusterDetailView, recordedPayload, recordOf, writeRecord } from './cluster-mapping';
import { clusterSupport } from './support/cluster-support-view';

export const clusterNotFound = (id: string) =>
  new NotFoundError(
    { vi: `Không có cụm công nghiệp ${id}`, en: `Cluster ${id} does not exist` },
    'cluster.not-found',
  );

/** A cluster loaded for a change: its row locked until the transaction ends. */
export interface LockedCluster {
  manager: EntityManager;
  entity: ClusterEntity;
  steps: ClusterStepEntity[];
  tenants: ClusterTenantEntity[];
  record: ClusterRecord;
}

/** What a change made of the record, and the audit line that says so. */
export interface ChangeOutcome {
  record: ClusterRecord;
  action: string;
  summary: string;
}

/**
 * Reads and changes clusters. Every change runs under a lock on the cluster's row (SELECT … FOR UPDATE), so
 * concurrent changes queue instead of overwriting one another; the revision goes up by one, and the new
 * snapshot goes to the outbox with it in the same transaction.
 */
@Injectable()
export class ClusterStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Another province's cluster answers exactly like a missing one, so ids reveal nothing. */
  async detail(principal: Principal, id: string, manager?: EntityManager): Promise<ClusterDetailView> {
    const m = manager ?? this.dataSource.manager;
    const entity = await m.getRepository(ClusterEntity).findOneBy({ id });
    if (!entity || !maySee(principal, entity.provinceCode)) throw clusterNotFound(id);
    const [steps, tenants] = await this.partsOf(m, id);
    return { ...clusterDetailView(entity, steps, tenants), support: await clusterSupport(m, id) };
  }

  private partsOf(m: EntityManager, id: string) {
    return Promise.all([
      m.getRepository(ClusterStepEntity).find({ where: { clusterId: id }, order: { seq: 'ASC' } }),
      m
        .getRepository(ClusterTenantEntity)
        .find({ where: { clusterId: id }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
  }

  /**
   * Runs `apply` on the locked cluster and stores what it returns: the row's figures, the history's new steps,
   * revision + 1, the snapshot event and the audit record. `expectedRevision`, when given, must be the
   * cluster's revision (409 otherwise: someone changed it since the caller read it).
   */
  async change(
    principal: Principal,
    id: string,
    expectedRevision: number | undefined,
    apply: (cluster: LockedCluster) => Promise<ChangeOutcome> | ChangeOutcome,
  ): Promise<ClusterDetailView> {
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager
        .getRepository(ClusterEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entity || !maySee(principal, entity.provinceCode)) throw clusterNotFound(id);
      if (expectedRevision !== undefined && expectedRevision !== entity.revision) {
        throw new ConflictError(
          {
            vi: `Cụm công nghiệp ${entity.code} đã thay đổi (phiên bản ${entity.revision}, không phải ${expectedRevision}); tải lại rồi thực hiện lại`,
            en: `Cluster ${entity.code} has changed (revision ${entity.revision}, not ${expectedRevision}); reload and try again`,
          },
          'cluster.revision-mismatch',
          'expectedRevision',
        );
      }
      const [steps, tenants] = await this.partsOf(manager, id);
      const outcome = await apply({
        manager,
        entity,
        steps,
        tenants,
        record: recordOf(entity, steps, tenants),
      });
      const newSteps = outcome.record.history.slice(steps.length).map((entry, i) =>
        manager.getRepository(ClusterStepEntity).create({
          id: randomUUID(),
          clusterId: id,
          seq: steps.length + i + 1,
          step: entry.step,
          fromStatus: entry.from,
          toStatus: entry.to,
          decisionNumber: entry.decision.number,
          decisionDate: entry.decision.date,
          decisionAuthority: entry.decision.authority,
          decisionIssuedBy: entry.decision.issuedBy,
          ruleSetId: entry.ruleSetId,
          totalAreaCentiHa: entry.totalCentiHa,
          note: entry.note,
          recordedBy: principal.name,
        }),
      );
      writeRecord(entity, outcome.record);
      entity.revision += 1;
      entity.updatedAt = new Date();
      await manager.getRepository(ClusterEntity).save(entity);
      if (newSteps.length > 0) await manager.getRepository(ClusterStepEntity).insert(newSteps);
      await this.published(manager, entity, outcome);
      return this.detail(principal, id, manager);
    });
  }

  /** The snapshot event and the audit record of a change, in the change's transaction. */
  async published(manager: EntityManager, entity: ClusterEntity, outcome: ChangeOutcome): Promise<void> {
    await this.outbox.appendAll(manager, [
      outboxEntry(clusterRecordedV1, {
        aggregateId: entity.id,
        provinceCode: entity.provinceCode,
        payload: recordedPayload(entity.id, entity.revision, outcome.record),
      }),
      this.outbox.auditEvent({
        action: outcome.action,
        resourceType: 'cluster',
        resourceId: entity.id,
        provinceCode: entity.provinceCode,
        summary: outcome.summary,
      }),
    ]);
  }
}
