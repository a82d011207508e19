import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConferenceProjectStatus } from '@kc/contracts';

/** A project the watchlist rules may flag, with its monthly reports. */
export interface WatchlistCandidate {
  projectId: string;
  code: string;
  title: string;
  planId: string;
  planYear: number;
  planLevel: 'national' | 'provincial';
  provinceCode: string;
  provinceAsOf: string;
  status: ConferenceProjectStatus;
  startDate: string;
  endDate: string;
  contractedOn: string | null;
  advanceCategory: string;
  firstAdvanceOn: string | null;
  lastProgressMonth: string | null;
  lastProgressPercent: number | null;
  reports: { month: string; receivedAt: string; late: boolean }[];
}

/** Only these statuses can raise a flag: in the plan and not yet settled. */
const WATCHED = ['in-plan', 'contracted', 'in-progress', 'extended', 'accepted', 'liquidated'];
const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

@Injectable()
export class WatchlistQueries {
  constructor(private readonly dataSource: DataSource) {}

  async candidates(year: number | undefined): Promise<WatchlistCandidate[]> {
    const projects: Omit<WatchlistCandidate, 'reports'>[] = await this.dataSource.query(
      `SELECT project_id AS "projectId", code, title, plan_id AS "planId", plan_year AS "planYear",
              plan_level AS "planLevel", province_code AS "provinceCode",
              ${DATE('province_as_of')} AS "provinceAsOf", status,
              ${DATE('start_date')} AS "startDate", ${DATE('end_date')} AS "endDate",
              ${DATE('contracted_on')} AS "contractedOn", advance_category AS "advanceCategory",
              ${DATE('first_advance_on')} AS "firstAdvanceOn",
              last_progress_month AS "lastProgressMonth", last_progress_percent AS "lastProgressPercent"
         FROM project_projection
        WHERE status = ANY($1) AND ($2::int IS NULL OR plan_year = $2)`,
      [WATCHED, year ?? null],
    );
    if (projects.length === 0) return [];
    const reports: { projectId: string; month: string; receivedAt: Date; late: boolean }[] =
      await this.dataSource.query(
        `SELECT project_id AS "projectId", month, received_at AS "receivedAt", late
           FROM progress_report_projection WHERE project_id = ANY($1::uuid[])`,
        [projects.map((p) => p.projectId)],
      );
    const byProject = new Map<string, WatchlistCandidate['reports']>();
    for (const r of reports) {
      const list = byProject.get(r.projectId) ?? [];
      list.push({ month: r.month, receivedAt: r.receivedAt.toISOString(), late: r.late });
      byProject.set(r.projectId, list);
    }
    return projects.map((p) => ({ ...p, reports: byProject.get(p.projectId) ?? [] }));
  }
}
