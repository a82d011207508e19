import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { unitCounted } from '../../../domain/roll-up';
import { IN_PLAN, COMPLETED } from '../../../domain/project-stages';
import {
  cellsOf,
  periodWindow,
  type FormVersion,
  type Period,
  type Values,
} from '../../../domain/periodic-reports';

const quoted = (set: ReadonlySet<string>) => [...set].map((s) => `'${s}'`).join(', ');

/** A figure recorded under a province code read on a date, for one cell. */
interface Recorded {
  provinceCode: string;
  asOf: string;
  cell: string;
  value: string | number;
}

/**
 * The platform's own figures for one unit and period, read from reporting's projections by each cell's
 * `platformSource`: the plan year of the period, up to its last day where the projection keeps dates (booths
 * certified, certificates issued); projects and money are their current state (the projections keep no dated
 * history yet — design gap). A project classified by several contents counts under its first-listed content, so
 * the content cells add up to the unit's total. Figures recorded under an old code are rolled up to the unit in
 * force on the period's last day. A cell whose source the platform does not project stays absent (blank).
 */
@Injectable()
export class PlatformFiguresQueries {
  constructor(private readonly dataSource: DataSource) {}

  async figuresOf(
    version: FormVersion,
    period: Period,
    unitCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Values> {
    const { to } = periodWindow(period);
    const year = period.year;
    const sources = new Set(cellsOf(version).flatMap((c) => (c.platformSource ? [c.platformSource] : [])));
    const recorded: Recorded[] = [];
    const read = async (source: string, query: string, params: unknown[]) => {
      if (!sources.has(source)) return;
      recorded.push(...((await manager.query(query, params)) as Recorded[]));
    };
    const PROJECTS = `WITH p AS (
        SELECT p.*, coalesce(a.allocated_vnd, 0) - p.released_vnd AS allocated_vnd, p.activity_contents[1] AS content
          FROM project_projection p
          LEFT JOIN (SELECT project_id, sum(amount_vnd - previous_vnd) AS allocated_vnd
                       FROM allocation_projection WHERE plan_year = $1 GROUP BY project_id) a USING (project_id)
         WHERE p.plan_year = $1 AND p.status IN (${quoted(IN_PLAN)}))`;
    const AT = `province_code AS "provinceCode", to_char(province_as_of, 'YYYY-MM-DD') AS "asOf"`;
    await read(
      'projects.inPlan',
      `${PROJECTS} SELECT ${AT}, 'projectsApproved/content-' || content AS cell, count(*) AS value
         FROM p GROUP BY 1, 2, 3`,
      [year],
    );
    await read(
      'projects.completed',
      `${PROJECTS} SELECT ${AT}, 'projectsCompleted/content-' || content AS cell, count(*) AS value
         FROM p WHERE status IN (${quoted(COMPLETED)}) GROUP BY 1, 2, 3`,
      [year],
    );
    for (const [level, fund, prefix] of [
      ['national', 'KCQG', 'kcqg'],
      ['provincial', 'KCDP', 'kcdp'],
    ] as const) {
      for (const [measure, column, key] of [
        ['allocated', 'allocated_vnd', 'Allocated'],
        ['paid', 'paid_vnd', 'Disbursed'],
        ['settled', 'coalesce(settled_vnd, 0)', 'Settled'],
      ] as const) {
        await read(
          `money.${level}.${measure}`,
          `${PROJECTS} SELECT ${AT}, '${prefix}${key}Vnd/content-' || content AS cell, sum(${column}) AS value
             FROM p WHERE funding_source = '${fund}' GROUP BY 1, 2, 3`,
          [year],
        );
      }
    }
    await read(
      'money.counterpart',
      `${PROJECTS} SELECT ${AT}, 'counterpartVnd' AS cell, sum(counterpart_vnd) AS value FROM p GROUP BY 1, 2`,
      [year],
    );
    await read(
      'projects.clustersSupported',
      `${PROJECTS} SELECT ${AT}, 'clustersSupported' AS cell, count(*) AS value
         FROM p WHERE advance_category = 'cluster-infrastructure' GROUP BY 1, 2`,
      [year],
    );
    await read(
      'fairs.boothsSupported',
      `SELECT ${AT}, 'boothsSupported' AS cell, sum(booth_count) AS value
         FROM booth_projection
        WHERE fair_year = $1 AND certified_at IS NOT NULL AND cancelled_at IS NULL
          AND (certified_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= $2::date
        GROUP BY 1, 2`,
      [year, to],
    );
    await read(
      'awards.certificates',
      `SELECT province_code AS "provinceCode", to_char(issued_on, 'YYYY-MM-DD') AS "asOf",
              'productsCertified/' || level AS cell, count(*) AS value
         FROM award_certificate_projection
        WHERE issued_on BETWEEN make_date($1, 1, 1) AND $2::date
          AND (withdrawn_on IS NULL OR withdrawn_on > $2::date)
        GROUP BY 1, 2, 3`,
      [year, to],
    );

    const cells = new Set(cellsOf(version).map((c) => c.key));
    const values: Record<string, number> = {};
    for (const row of recorded) {
      if (!cells.has(row.cell)) continue;
      if (unitCounted(row.provinceCode, row.asOf, to).code !== unitCode) continue;
      values[row.cell] = (values[row.cell] ?? 0) + Number(row.value);
    }
    // A source the platform projects knows its zeros: an empty cell of such a source is 0, not blank.
    for (const cell of cellsOf(version)) {
      if (cell.platformSource && PROJECTED.has(cell.platformSource) && !(cell.key in values))
        values[cell.key] = 0;
    }
    return values;
  }
}

/** The sources read above; any other source (models, machinery: one advance category covers both) stays blank. */
const PROJECTED = new Set([
  'projects.inPlan',
  'projects.completed',
  'money.national.allocated',
  'money.national.paid',
  'money.national.settled',
  'money.provincial.allocated',
  'money.provincial.paid',
  'money.provincial.settled',
  'money.counterpart',
  'projects.clustersSupported',
  'fairs.boothsSupported',
  'awards.certificates',
]);
