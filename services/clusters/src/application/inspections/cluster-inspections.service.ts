import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMayActFor, listProvinceFilter, maySee } from '@kc/auth';
import {
  findingSeverityLabels,
  type CompleteActionRequest,
  type InspectionView,
  type ListInspectionsQuery,
  type Page,
  type Principal,
  type RecordInspectionRequest,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import {
  actionOverdue,
  checkCompletion,
  checkInspection,
  type FindingSeverity,
} from '../../domain/cluster-inspection';
import { clusterFacts } from '../../infrastructure/persistence/reports/cluster-facts';
import { ReportClock } from '../reports/report-clock';

interface InspectionRow {
  id: string;
  cluster_id: string;
  cluster_code: string;
  province_code: string;
  inspected_on: string;
  authority: string;
  summary: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** Inspections of clusters by the department or the agency, with findings and follow-up actions. */
@Injectable()
export class ClusterInspectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: ReportClock,
  ) {}

  private today = () => vietnamDate(this.clock.now());

  async record(principal: Principal, request: RecordInspectionRequest): Promise<InspectionView> {
    return this.dataSource.transaction(async (manager) => {
      const cluster = await clusterFacts(manager, request.clusterId);
      if (!cluster || !maySee(principal, cluster.provinceCode))
        throw new NotFoundError(
          {
            vi: `Không có cụm công nghiệp ${request.clusterId}`,
            en: `Cluster ${request.clusterId} does not exist`,
          },
          'cluster.not-found',
          'clusterId',
        );
      assertMayActFor(principal, cluster.provinceCode);
      const actions = request.actions.map((a) => ({ ...a, finding: a.finding ?? null }));
      checkInspection(request.inspectedOn, request.findings.length, actions, this.today());
      const id = randomUUID();
      await manager.query(
        `INSERT INTO cluster_inspection (id, cluster_id, cluster_code, province_code, inspected_on, authority, summary,
           recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          cluster.id,
          cluster.code,
          cluster.provinceCode,
          request.inspectedOn,
          request.authority,
          request.summary ?? null,
          principal.name,
          this.clock.now(),
        ],
      );
      for (const [i, f] of request.findings.entries()) {
        await manager.query(
          `INSERT INTO cluster_inspection_finding (inspection_id, number, description, severity) VALUES ($1, $2, $3, $4)`,
          [id, i + 1, f.description, f.severity],
        );
      }
      for (const [i, a] of actions.entries()) {
        await manager.query(
          `INSERT INTO cluster_inspection_action (id, inspection_id, position, finding, description, due_on)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [randomUUID(), id, i + 1, a.finding, a.description, a.dueOn],
        );
      }
      await this.outbox.audit(manager, {
        action: 'cluster-inspection.record',
        resourceType: 'cluster-inspection',
        resourceId: id,
        provinceCode: cluster.provinceCode,
        summary: `Kiểm tra cụm công nghiệp ${cluster.code} ngày ${request.inspectedOn.split('-').reverse().join('/')} (${request.authority}): ${request.findings.length} phát hiện, ${actions.length} biện pháp khắc phục`,
      });
      return (await this.views(manager, [id]))[0];
    });
  }

  async list(principal: Principal, query: ListInspectionsQuery): Promise<Page<InspectionView>> {
    const provinces = listProvinceFilter(principal, query.provinceCode);
    const rows: { id: string; total: number }[] = await this.dataSource.query(
      `SELECT id, count(*) OVER ()::int AS total FROM cluster_inspection
        WHERE ($1::text[] IS NULL OR province_code = ANY($1)) AND ($2::uuid IS NULL OR cluster_id = $2)
        ORDER BY inspected_on DESC, id LIMIT $3 OFFSET $4`,
      [provinces ?? null, query.clusterId ?? null, query.limit, (query.page - 1) * query.limit],
    );
    return {
      items: await this.views(
        this.dataSource.manager,
        rows.map((r) => r.id),
      ),
      page: query.page,
      limit: query.limit,
      total: rows[0]?.total ?? 0,
    };
  }

  async get(principal: Principal, id: string): Promise<InspectionView> {
    await this.visible(this.dataSource.manager, principal, id);
    return (await this.views(this.dataSource.manager, [id]))[0];
  }

  async completeAction(
    principal: Principal,
    id: string,
    actionId: string,
    request: CompleteActionRequest,
  ): Promise<InspectionView> {
    return this.dataSource.transaction(async (manager) => {
      const inspection = await this.visible(manager, principal, id, true);
      assertMayActFor(principal, inspection.province_code);
      const [action]: { completed_on: string | null; description: string }[] = await manager.query(
        `SELECT completed_on::text, description FROM cluster_inspection_action
          WHERE id = $1 AND inspection_id = $2 FOR UPDATE`,
        [actionId, id],
      );
      if (!action)
        throw new NotFoundError(
          {
            vi: `Không có biện pháp ${actionId} trong lần kiểm tra này`,
            en: `No action ${actionId} in this inspection`,
          },
          'cluster-inspection.action-not-found',
          'actionId',
        );
      if (action.completed_on)
        throw new ConflictError(
          {
            vi: `Biện pháp đã hoàn thành ngày ${action.completed_on}`,
            en: `The action was completed on ${action.completed_on}`,
          },
          'cluster-inspection.action-completed',
        );
      const today = this.today();
      const completedOn = request.completedOn ?? today;
      checkCompletion(completedOn, inspection.inspected_on, today);
      await manager.query(
        `UPDATE cluster_inspection_action SET completed_on = $2, completed_by = $3, note = $4 WHERE id = $1`,
        [actionId, completedOn, principal.name, request.note],
      );
      await this.outbox.audit(manager, {
        action: 'cluster-inspection.complete-action',
        resourceType: 'cluster-inspection',
        resourceId: id,
        provinceCode: inspection.province_code,
        summary: `Hoàn thành biện pháp "${action.description}" (cụm ${inspection.cluster_code}): ${request.note}`,
      });
      return (await this.views(manager, [id]))[0];
    });
  }

  private async visible(manager: EntityManager, principal: Principal, id: string, lock = false) {
    const [row]: InspectionRow[] = await manager.query(
      `SELECT *, inspected_on::text AS inspected_on FROM cluster_inspection WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row || !maySee(principal, row.province_code))
      throw new NotFoundError(
        { vi: `Không có lần kiểm tra ${id}`, en: `Inspection ${id} does not exist` },
        'cluster-inspection.not-found',
      );
    return row;
  }

  private async views(manager: EntityManager, ids: string[]): Promise<InspectionView[]> {
    if (ids.length === 0) return [];
    const today = this.today();
    const rows: InspectionRow[] = await manager.query(
      `SELECT id, cluster_id, cluster_code, province_code, inspected_on::text, authority, summary, recorded_by,
              recorded_at FROM cluster_inspection WHERE id = ANY($1)`,
      [ids],
    );
    const findings: {
      inspection_id: string;
      number: number;
      description: string;
      severity: FindingSeverity;
    }[] = await manager.query(
      `SELECT * FROM cluster_inspection_finding WHERE inspection_id = ANY($1) ORDER BY number`,
      [ids],
    );
    const actions: {
      id: string;
      inspection_id: string;
      finding: number | null;
      description: string;
      due_on: string;
      completed_on: string | null;
      completed_by: string | null;
      note: string | null;
    }[] = await manager.query(
      `SELECT id, inspection_id, finding, description, due_on::text, completed_on::text, completed_by, note
         FROM cluster_inspection_action WHERE inspection_id = ANY($1) ORDER BY position`,
      [ids],
    );
    return ids.map((id) => {
      const r = rows.find((row) => row.id === id) as InspectionRow;
      const own = actions
        .filter((a) => a.inspection_id === id)
        .map((a) => ({
          id: a.id,
          finding: a.finding,
          description: a.description,
          dueOn: a.due_on,
          completedOn: a.completed_on,
          completedBy: a.completed_by,
          note: a.note,
          completedLate: a.completed_on !== null && a.completed_on > a.due_on,
          overdue: actionOverdue(a.due_on, a.completed_on, today),
        }));
      return {
        id,
        clusterId: r.cluster_id,
        clusterCode: r.cluster_code,
        provinceCode: r.province_code,
        inspectedOn: r.inspected_on,
        authority: r.authority,
        summary: r.summary,
        findings: findings
          .filter((f) => f.inspection_id === id)
          .map((f) => ({
            number: f.number,
            description: f.description,
            severity: f.severity,
            severityLabel: findingSeverityLabels[f.severity],
          })),
        actions: own,
        openActions: own.filter((a) => a.completedOn === null).length,
        overdueActions: own.filter((a) => a.overdue).length,
        recordedBy: r.recorded_by,
        recordedAt: r.recorded_at.toISOString(),
      };
    });
  }
}
