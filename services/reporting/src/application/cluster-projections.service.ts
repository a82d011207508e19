import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  clusterRecordedV1,
  clusterRegisteredV1,
  clusterReportApprovedV1,
  EventEnvelope,
  PayloadOf,
} from '@kc/contracts';
import { OutboxWriter, PermanentHandlerError } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import {
  clusterFactReplaces,
  REGISTERED_ONLY,
  reportApprovalReplaces,
  reportCutOff,
} from '../domain/cluster-projection-rules';
import { readingDate } from '../domain/province-dates';
import {
  ClusterProjection,
  ClusterReportProjection,
} from '../infrastructure/persistence/projection.entities';
import { projectionSummaries } from './projection-audit';
import { required } from './projections.service';

type Event<D> = EventEnvelope<PayloadOf<D>>;

/**
 * Keeps the cluster registry (one row per cluster at its highest revision) and the approved periodic reports (one
 * row per cluster and period at its highest approved version). Facts may come twice or late: each handler locks
 * the row it may replace, lets the projection rules decide, and writes (with one audit record) only when the
 * fact replaces what is kept; an older fact changes nothing and records nothing.
 */
@Injectable()
export class ClusterProjectionsService {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * The registry may still announce a registration on its own. It is read under the code in force on the day of
   * registration (in Việt Nam), and never replaces a snapshot already taken in.
   */
  async clusterRegistered(manager: EntityManager, event: Event<typeof clusterRegisteredV1>) {
    const { payload: p, occurredAt } = event;
    const day = vietnamDate(new Date(occurredAt));
    const provinceAsOf = required(readingDate(p.provinceCode, [day]), p.provinceCode, `on ${day}`);
    const kept = await this.keptCluster(manager, p.clusterId);
    if (!clusterFactReplaces(kept?.revision, { kind: 'registered' })) return;
    await manager.upsert(
      ClusterProjection,
      {
        clusterId: p.clusterId,
        revision: REGISTERED_ONLY,
        code: p.code,
        name: p.name,
        provinceCode: p.provinceCode,
        provinceAsOf,
        status: p.status,
        totalAreaCentiHa: p.totalAreaCentiHa,
        registeredAt: new Date(occurredAt),
      },
      ['clusterId'],
    );
    await this.recordUpdate(manager, event, 'cluster-projection', projectionSummaries.clusterRegistered(p));
  }

  /**
   * A whole snapshot of the cluster: it replaces the row when its revision is higher than the one kept. The code
   * is the cluster's unit on the day the revision was recorded (in Việt Nam).
   */
  async clusterRecorded(manager: EntityManager, event: Event<typeof clusterRecordedV1>) {
    const { payload: p, occurredAt } = event;
    const day = vietnamDate(new Date(occurredAt));
    const provinceAsOf = required(readingDate(p.provinceCode, [day]), p.provinceCode, `on ${day}`);
    const kept = await this.keptCluster(manager, p.clusterId);
    if (!clusterFactReplaces(kept?.revision, { kind: 'recorded', revision: p.revision })) return;
    await manager.upsert(
      ClusterProjection,
      {
        clusterId: p.clusterId,
        revision: p.revision,
        code: p.code,
        name: p.name,
        provinceCode: p.provinceCode,
        provinceAsOf,
        commune: p.commune,
        status: p.status,
        establishedOn: p.establishedOn,
        totalAreaCentiHa: p.areas.totalCentiHa,
        leasableAreaCentiHa: p.areas.leasableCentiHa,
        leasedAreaCentiHa: p.areas.leasedCentiHa,
        wastewaterPlantStatus: p.wastewaterPlant?.status ?? null,
        tenantProjects: p.tenants.projects,
        tenantFirms: p.tenants.firms,
        tenantWorkers: p.tenants.workers,
        registeredAt: kept?.registeredAt ?? new Date(occurredAt),
        recordedAt: new Date(occurredAt),
      },
      ['clusterId'],
    );
    await this.recordUpdate(manager, event, 'cluster-projection', projectionSummaries.clusterRecorded(p));
  }

  /**
   * An approved report's figures for its cluster and period, replacing an earlier approval of a lower version.
   * The code is the cluster's unit at the period's cut-off; a report approved before its year began cannot be
   * counted for it, and retrying will not change that.
   */
  async reportApproved(manager: EntityManager, event: Event<typeof clusterReportApprovedV1>) {
    const { payload: p } = event;
    const { kind, year } = p.period;
    if (p.approvedOn < `${year}-01-01`) {
      throw new PermanentHandlerError(
        `report ${p.reportId} of ${year} (${kind}) was approved on ${p.approvedOn}, before its year began`,
      );
    }
    const cutOff = reportCutOff(kind, year);
    const provinceAsOf = required(
      readingDate(p.provinceCode, [cutOff, `${year}-01-01`, `${year}-12-31`]),
      p.provinceCode,
      `on ${cutOff} or in ${year}`,
    );
    const [kept] = await manager.query(
      `SELECT version FROM cluster_report_projection
        WHERE cluster_id = $1 AND period_kind = $2 AND year = $3 FOR UPDATE`,
      [p.clusterId, kind, year],
    );
    if (!reportApprovalReplaces(kept?.version, p.version)) return;
    const { areas, tenants } = p.figures;
    await manager.upsert(
      ClusterReportProjection,
      {
        clusterId: p.clusterId,
        periodKind: kind,
        year,
        reportId: p.reportId,
        version: p.version,
        clusterCode: p.clusterCode,
        provinceCode: p.provinceCode,
        provinceAsOf,
        approvedOn: p.approvedOn,
        submittedLate: p.submittedLate,
        totalAreaCentiHa: areas.totalCentiHa,
        leasableAreaCentiHa: areas.leasableCentiHa,
        leasedAreaCentiHa: areas.leasedCentiHa,
        wastewaterPlantStatus: p.figures.wastewaterPlant?.status ?? null,
        tenantProjects: tenants.projects,
        tenantFirms: tenants.firms,
        tenantWorkers: tenants.workers,
      },
      ['clusterId', 'periodKind', 'year'],
    );
    await this.recordUpdate(
      manager,
      event,
      'cluster-report-projection',
      projectionSummaries.clusterReportApproved(p),
    );
  }

  /** The row kept for a cluster, locked until the inbox transaction ends. */
  private async keptCluster(
    manager: EntityManager,
    clusterId: string,
  ): Promise<{ revision: number; registeredAt: Date } | undefined> {
    const [row] = await manager.query(
      `SELECT revision, registered_at AS "registeredAt" FROM cluster_projection WHERE cluster_id = $1 FOR UPDATE`,
      [clusterId],
    );
    return row;
  }

  /** One audit record per event taken in; the causing event and its actor are taken from the context. */
  private recordUpdate(
    manager: EntityManager,
    event: { aggregateId: string; provinceCode: string | null },
    projection: string,
    summary: string,
  ): Promise<void> {
    return this.outbox.audit(manager, {
      action: 'projection.update',
      resourceType: projection,
      resourceId: event.aggregateId,
      provinceCode: event.provinceCode,
      summary,
    });
  }
}
