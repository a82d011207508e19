import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { safeAdd } from '../../../domain/exact-sum';
import {
  MEASURE_OF,
  MOVEMENT_KINDS,
  moneyCell,
  type Fund,
  type MovementKind,
} from '../../../domain/money-ledger';
import { unitCounted } from '../../../domain/roll-up';
import {
  cellsOf,
  periodWindow,
  type FormVersion,
  type Period,
  type ReportSubject,
  type Values,
} from '../../../domain/periodic-reports';

/** A figure recorded under a province code read on a date, for one cell. */
interface Recorded {
  provinceCode: string;
  asOf: string;
  cell: string;
  value: string | number;
}

/**
 * The platform's own figures for one unit and period, read from reporting's projections by each cell's
 * `platformSource`: the plan year of the period, up to its last day (`to`, a Vietnamese calendar day).
 *
 * - Money (allocated, disbursed, settled, per fund): the sum of the money ledger's movements of the plan year
 *   dated up to `to` (a plan decision's signing day, a disbursement's day, a settlement's, a stop's release).
 * - Projects in the plan on `to`: a decision signed by then allocated them support and they were not stopped by
 *   then (or are stopped on a day not known). Counterpart funds, a pledge no event moves, and the clusters
 *   supported are those of these projects.
 * - Completed: of those, the ones accepted by then (the day of their first step into a completed status).
 * - Booths certified and certificates issued (not withdrawn) by `to`.
 *
 * A project classified by several contents counts, with its money, under its first-listed content, so the
 * content cells add up to the unit's total. Figures recorded under an old code are rolled up to the unit in
 * force on `to`. A cell whose source the platform does not project stays absent (blank).
 */
@Injectable()
export class PlatformFiguresQueries {
  constructor(private readonly dataSource: DataSource) {}

  async figuresOf(
    version: FormVersion,
    period: Period,
    subject: ReportSubject,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Values> {
    const unitCode = subject.provinceCode;
    const { to } = periodWindow(period);
    const year = period.year;
    const sources = new Set(cellsOf(version).flatMap((c) => (c.platformSource ? [c.platformSource] : [])));
    const recorded: Recorded[] = [];
    const read = async (source: string, query: string, params: unknown[]) => {
      if (!sources.has(source)) return;
      recorded.push(...((await manager.query(query, params)) as Recorded[]));
    };
    // In the plan on the last day: allocated by a decision signed by then, not stopped by then.
    const PROJECTS = `WITH p AS (
        SELECT p.*, p.activity_contents[1] AS content
          FROM project_projection p
         WHERE p.plan_year = $1
           AND EXISTS (SELECT 1 FROM allocation_projection a
                        WHERE a.project_id = p.project_id AND a.amount_vnd > 0 AND a.signed_on <= $2::date)
           AND (p.stopped_on > $2::date OR (p.stopped_on IS NULL AND p.status <> 'stopped')))`;
    const AT = `province_code AS "provinceCode", to_char(province_as_of, 'YYYY-MM-DD') AS "asOf"`;
    await read(
      'projects.inPlan',
      `${PROJECTS} SELECT ${AT}, 'projectsApproved/content-' || content AS cell, count(*) AS value
         FROM p GROUP BY 1, 2, 3`,
      [year, to],
    );
    await read(
      'projects.completed',
      `${PROJECTS} SELECT ${AT}, 'projectsCompleted/content-' || content AS cell, count(*) AS value
         FROM p WHERE completed_on <= $2::date GROUP BY 1, 2, 3`,
      [year, to],
    );
    await this.readMoney(manager, sources, year, to, recorded);
    await read(
      'money.counterpart',
      `${PROJECTS} SELECT ${AT}, 'counterpartVnd' AS cell, sum(counterpart_vnd) AS value FROM p GROUP BY 1, 2`,
      [year, to],
    );
    await read(
      'projects.clustersSupported',
      `${PROJECTS} SELECT ${AT}, 'clustersSupported' AS cell, count(*) AS value
         FROM p WHERE advance_category = 'cluster-infrastructure' GROUP BY 1, 2`,
      [year, to],
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
      // A sum beyond a safe integer comes back rounded to one that is not safe: safeAdd refuses it.
      values[row.cell] = safeAdd(row.cell, values[row.cell] ?? 0, Number(row.value));
    }
    await this.readProjectMoney(manager, version, subject, to, values);
    // A source the platform projects knows its zeros: an empty cell of such a source is 0, not blank.
    for (const cell of cellsOf(version)) {
      if (cell.platformSource && PROJECTED.has(cell.platformSource) && !(cell.key in values))
        values[cell.key] = 0;
    }
    return values;
  }

  /**
   * An implementing unit's report is about one project (its reporter id): what the ledger shows disbursed on it
   * up to `to` (advances and payments, refunds deducted), whatever the plan year.
   */
  private async readProjectMoney(
    manager: EntityManager,
    version: FormVersion,
    subject: ReportSubject,
    to: string,
    values: Record<string, number>,
  ): Promise<void> {
    const cells = cellsOf(version).filter((c) => c.platformSource === 'money.project.paid');
    if (cells.length === 0) return;
    const paidKinds = MOVEMENT_KINDS.filter((kind) => MEASURE_OF[kind] === 'paid');
    const [row] = (await manager.query(
      `SELECT coalesce(sum(amount_vnd), 0) AS paid FROM money_movement
        WHERE project_id = $1::uuid AND kind = ANY($2) AND moved_on <= $3::date`,
      [subject.reporterId, paidKinds, to],
    )) as { paid: string }[];
    for (const cell of cells) values[cell.key] = safeAdd(cell.key, 0, Number(row.paid));
  }

  /**
   * The ledger's movements of the plan year up to `to`, by code, fund, kind and the project's first-listed
   * content (the project's row, as its counts use it: a decision may come before the registration).
   */
  private async readMoney(
    manager: EntityManager,
    sources: ReadonlySet<string>,
    year: number,
    to: string,
    recorded: Recorded[],
  ): Promise<void> {
    if (![...sources].some((s) => s.startsWith('money.') && s !== 'money.counterpart')) return;
    const rows: (Omit<Recorded, 'cell'> & { fund: Fund; kind: MovementKind; content: number })[] =
      await manager.query(
        `SELECT m.province_code AS "provinceCode", to_char(m.province_as_of, 'YYYY-MM-DD') AS "asOf",
                m.fund, m.kind, p.activity_contents[1] AS content, sum(m.amount_vnd) AS value
           FROM money_movement m JOIN project_projection p USING (project_id)
          WHERE m.plan_year = $1 AND m.moved_on <= $2::date
          GROUP BY 1, 2, 3, 4, 5`,
        [year, to],
      );
    for (const { fund, kind, content, ...row } of rows) {
      const { source, cell } = moneyCell(fund, kind, content);
      if (sources.has(source)) recorded.push({ ...row, cell });
    }
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
