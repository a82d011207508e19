import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';
import type {
  Deadline,
  PeriodicReport,
  ReportContent,
  ReportEvent,
  ReportVersion,
  ReviewLevel,
  Values,
} from '../../../domain/periodic-reports';

/** A report as stored: the domain aggregate and its row's identity. */
export interface StoredReport {
  id: string;
  report: PeriodicReport;
  openedAt: string;
  /** Set when the report was recorded from its past by the agency's history import. */
  recorded: { by: string; at: string } | null;
}

interface ReportRow {
  id: string;
  form_id: string;
  form_version: number;
  period: string;
  province_code: string;
  reporter_id: string;
  status: PeriodicReport['status'];
  awaiting: ReviewLevel | null;
  review_chain: ReviewLevel[];
  deadline: Deadline;
  platform: Values;
  working: ReportContent | null;
  approved_version: number | null;
  opened_at: Date;
  recorded_by: string | null;
  recorded_at: Date | null;
}

const REPORT_COLUMNS = `id, form_id, form_version, period, province_code, reporter_id, status, awaiting, review_chain,
  deadline, platform, working, approved_version, opened_at, recorded_by, recorded_at`;

/**
 * Reads and writes the periodic report aggregate: one row, its frozen versions and its recorded steps. Writes
 * only append versions and steps (the tables refuse anything else) and update the row in the transaction.
 */
export const reportStore = {
  async load(manager: EntityManager, id: string, lock: boolean): Promise<StoredReport | null> {
    const [row] = await sql<ReportRow>(
      manager,
      `SELECT ${REPORT_COLUMNS} FROM periodic_report WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
      { inTransaction: lock },
    );
    if (!row) return null;
    return (await this.hydrate(manager, [row]))[0];
  },

  async loadMany(manager: EntityManager, where: string, params: unknown[]): Promise<StoredReport[]> {
    const rows = await sql<ReportRow>(
      manager,
      `SELECT ${REPORT_COLUMNS} FROM periodic_report WHERE ${where} ORDER BY province_code, reporter_id`,
      params,
    );
    return this.hydrate(manager, rows);
  },

  async hydrate(manager: EntityManager, rows: ReportRow[]): Promise<StoredReport[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const versions = await sql<{
      report_id: string;
      number: number;
      content: ReportContent;
      platform: Values;
      submitted_at: Date;
      submitted_by: string;
      submitted_on: string;
      on_time: boolean;
      days_late: number;
    }>(
      manager,
      `SELECT report_id, number, content, platform, submitted_at, submitted_by,
              to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, on_time, days_late
         FROM periodic_report_version WHERE report_id = ANY($1) ORDER BY report_id, number`,
      [ids],
    );
    const events = await sql<{ report_id: string; body: ReportEvent }>(
      manager,
      `SELECT report_id, body FROM periodic_report_event WHERE report_id = ANY($1) ORDER BY report_id, seq`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      openedAt: row.opened_at.toISOString(),
      recorded:
        row.recorded_by && row.recorded_at
          ? { by: row.recorded_by, at: row.recorded_at.toISOString() }
          : null,
      report: {
        formId: row.form_id,
        formVersion: row.form_version,
        period: row.period,
        subject: { provinceCode: row.province_code, reporterId: row.reporter_id },
        reviewChain: row.review_chain,
        deadline: row.deadline,
        status: row.status,
        awaiting: row.awaiting,
        platform: row.platform,
        working: row.working,
        approvedVersion: row.approved_version,
        versions: versions
          .filter((v) => v.report_id === row.id)
          .map(
            (v): ReportVersion => ({
              number: v.number,
              content: v.content,
              platform: v.platform,
              submittedAt: v.submitted_at.toISOString(),
              submittedBy: v.submitted_by,
              lateness: { submittedOn: v.submitted_on, onTime: v.on_time, daysLate: v.days_late },
            }),
          ),
        events: events.filter((e) => e.report_id === row.id).map((e) => e.body),
      },
    }));
  },

  /**
   * Writes a report just opened: its row and its first step (the opening). `recorded`: the agency recorded it
   * from history (the mark is written here and never changes).
   */
  async insert(
    manager: EntityManager,
    id: string,
    report: PeriodicReport,
    at: Date,
    recorded?: { by: string; at: Date },
  ): Promise<void> {
    const [opened] = report.events;
    if (opened?.kind !== 'opened' || report.events.length !== 1)
      throw new Error('insert takes a report just opened');
    await sql(
      manager,
      `INSERT INTO periodic_report (id, form_id, form_version, period, province_code, reporter_id, status, awaiting,
         review_chain, deadline, last_on_time_day, platform, working, approved_version, event_count, opened_at,
         opened_by, updated_at, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $16, $15, $17, $18)`,
      [
        id,
        report.formId,
        report.formVersion,
        report.period,
        report.subject.provinceCode,
        report.subject.reporterId,
        report.status,
        report.awaiting,
        report.reviewChain,
        JSON.stringify(report.deadline),
        report.deadline.lastOnTimeDay,
        JSON.stringify(report.platform),
        JSON.stringify(report.working),
        report.approvedVersion,
        at,
        opened.by,
        recorded?.by ?? null,
        recorded?.at ?? null,
      ],
      { inTransaction: true },
    );
    await sql(
      manager,
      `INSERT INTO periodic_report_event (report_id, seq, kind, at, body) VALUES ($1, 1, 'opened', $2, $3)`,
      [id, opened.at, JSON.stringify(opened)],
      { inTransaction: true },
    );
  },

  /**
   * Appends what `after` adds to `before` (versions, steps) and writes the row. `idempotency` goes with a new
   * version (a submission). The row's triggers check the transition against the step just recorded.
   */
  async save(
    manager: EntityManager,
    id: string,
    before: PeriodicReport | null,
    after: PeriodicReport,
    at: Date,
    idempotency?: { key: string; requestHash: string },
  ): Promise<void> {
    const newVersions = after.versions.slice(before?.versions.length ?? 0);
    for (const v of newVersions) {
      await sql(
        manager,
        `INSERT INTO periodic_report_version (report_id, number, content, platform, submitted_at, submitted_by,
           submitted_on, on_time, days_late, idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          v.number,
          JSON.stringify(v.content),
          JSON.stringify(v.platform),
          v.submittedAt,
          v.submittedBy,
          v.lateness.submittedOn,
          v.lateness.onTime,
          v.lateness.daysLate,
          idempotency?.key ?? null,
          idempotency?.requestHash ?? null,
        ],
        { inTransaction: true },
      );
    }
    const firstNew = before?.events.length ?? 0;
    const newEvents = after.events.slice(firstNew);
    for (const [i, event] of newEvents.entries()) {
      await sql(
        manager,
        `INSERT INTO periodic_report_event (report_id, seq, kind, at, body) VALUES ($1, $2, $3, $4, $5)`,
        [id, firstNew + i + 1, event.kind, event.at, JSON.stringify(event)],
        { inTransaction: true },
      );
    }
    await sql(
      manager,
      `UPDATE periodic_report
          SET status = $2, awaiting = $3, platform = $4, working = $5, approved_version = $6, event_count = $7,
              updated_at = $8
        WHERE id = $1`,
      [
        id,
        after.status,
        after.awaiting,
        JSON.stringify(after.platform),
        after.working === null ? null : JSON.stringify(after.working),
        after.approvedVersion,
        after.events.length,
        at,
      ],
      { inTransaction: true },
    );
  },
};
