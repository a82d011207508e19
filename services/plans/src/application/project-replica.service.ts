import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  formatVnd,
  type PayloadOf,
  type projectAppraisedV1,
  type projectRegisteredV2,
  type projectStatusChangedV1,
  type projectStoppedV1,
} from '@kc/contracts';
import { OutboxWriter } from '@kc/messaging';
import { sql } from '@kc/persistence';

/**
 * Keeps `project_ref`, plans' copy of the projects it decides about, from the projects events; each method runs
 * in the event's inbox transaction. Events about projects this replica never saw registered change nothing.
 */
@Injectable()
export class ProjectReplicaService {
  constructor(private readonly outbox: OutboxWriter) {}

  async registered(manager: EntityManager, p: PayloadOf<typeof projectRegisteredV2>): Promise<void> {
    await sql(
      manager,
      `INSERT INTO project_ref (project_id, code, plan_id, plan_year, province_code, funding_source, status,
                                total_cost_vnd, requested_support_vnd, norm_code, norm_units, start_date)
       VALUES ($1, $2, $3, $4, $5, $6, 'registered', $7, $8, $9, $10, $11)
       ON CONFLICT (project_id) DO UPDATE SET
         code = excluded.code, plan_id = excluded.plan_id, plan_year = excluded.plan_year,
         province_code = excluded.province_code, funding_source = excluded.funding_source,
         total_cost_vnd = excluded.total_cost_vnd, requested_support_vnd = excluded.requested_support_vnd,
         norm_code = excluded.norm_code, norm_units = excluded.norm_units, start_date = excluded.start_date,
         updated_at = now()`,
      [
        p.projectId,
        p.code,
        p.planId,
        p.planYear,
        p.provinceCode,
        p.fundingSource,
        p.kcqgVnd + p.kcdpVnd + p.counterpartVnd + p.otherVnd,
        p.requestedSupportVnd,
        p.normCode,
        p.normUnits,
        p.startDate,
      ],
    );
    await this.audit(manager, p.projectId, p.provinceCode, `Ghi nhận đề án ${p.code} đăng ký vào kế hoạch`);
  }

  async statusChanged(manager: EntityManager, p: PayloadOf<typeof projectStatusChangedV1>): Promise<void> {
    const rows = await sql<{ code: string }>(
      manager,
      `UPDATE project_ref SET status = $2, updated_at = now() WHERE project_id = $1 RETURNING code`,
      [p.projectId, p.to],
    );
    if (rows.length === 0) return;
    await this.audit(
      manager,
      p.projectId,
      p.provinceCode,
      `Đề án ${rows[0].code}: ${p.from ?? '—'} → ${p.to}`,
    );
  }

  /** Only a passed ministry-level appraisal fixes the support a decision may allocate. */
  async appraised(manager: EntityManager, p: PayloadOf<typeof projectAppraisedV1>): Promise<void> {
    if (p.level !== 'ministry' || p.result !== 'passed' || p.appraisedSupportVnd === null) return;
    const rows = await sql<{ code: string }>(
      manager,
      `UPDATE project_ref SET appraised_support_vnd = $2, updated_at = now() WHERE project_id = $1 RETURNING code`,
      [p.projectId, p.appraisedSupportVnd],
    );
    if (rows.length === 0) return;
    await this.audit(
      manager,
      p.projectId,
      p.provinceCode,
      `Đề án ${rows[0].code} được thẩm định cấp Bộ: hỗ trợ ${formatVnd(p.appraisedSupportVnd)} VND`,
    );
  }

  /** A stopped project gives its unspent allocation back to its plan's ceiling of that source. */
  async stopped(manager: EntityManager, p: PayloadOf<typeof projectStoppedV1>): Promise<void> {
    const [project] = await sql<{ code: string }>(
      manager,
      `SELECT code FROM project_ref WHERE project_id = $1 FOR UPDATE`,
      [p.projectId],
    );
    if (!project) return;
    const [released] = await sql<{ released: string }>(
      manager,
      `WITH old AS (
         SELECT amount_vnd FROM project_allocation WHERE project_id = $1 AND funding_source = $2 FOR UPDATE)
       UPDATE project_allocation a SET amount_vnd = a.amount_vnd - least($3::bigint, old.amount_vnd)
         FROM old WHERE a.project_id = $1 AND a.funding_source = $2
       RETURNING least($3::bigint, old.amount_vnd) AS released`,
      [p.projectId, p.fundingSource, p.unspentVnd],
    );
    const amount = Number(released?.released ?? 0);
    if (amount > 0) {
      await sql(
        manager,
        `UPDATE plan_ceiling SET allocated_vnd = allocated_vnd - $3 WHERE plan_id = $1 AND funding_source = $2`,
        [p.planId, p.fundingSource, amount],
      );
    }
    await this.audit(
      manager,
      p.projectId,
      p.provinceCode,
      `Đề án ${project.code} dừng thực hiện (quyết định ${p.decisionNumber}): hoàn ${formatVnd(amount)} VND ` +
        `về trần ${p.fundingSource === 'KCQG' ? 'KCQG' : 'KCĐP'} của kế hoạch`,
    );
  }

  private audit(manager: EntityManager, projectId: string, provinceCode: string, summary: string) {
    return this.outbox.audit(manager, {
      action: 'project-ref.update',
      resourceType: 'project-ref',
      resourceId: projectId,
      provinceCode,
      summary,
    });
  }
}
