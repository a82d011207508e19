import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@kc/reference-data';
import type {
  PeriodicReport,
  ReportEvent,
  ReportStatus,
  ReportVersion,
} from '../../../domain/periodic-report';
import type { ReportPeriodKind, Reporter } from '../../../domain/report-periods';

/** The stored figures of either form (the developer's or the department's). */
export type AnyFigures = object;

export interface StoredReport {
  id: string;
  clusterId: string | null;
  openedBy: string;
  openedAt: Date;
  report: PeriodicReport<AnyFigures>;
  /** When each version was submitted and each event happened (the domain keeps days only). */
  versionTimes: Date[];
  eventTimes: Date[];
  reopenRequests: ReopenRequestRow[];
  /** Entered from paper or a legacy system through the history import: by whom and when; null if filed here. */
  recorded: { by: string; at: Date } | null;
}

export interface ReopenRequestRow {
  id: string;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  status: 'pending' | 'approved';
  approvedBy: string | null;
  approvedAt: Date | null;
}

interface ReportRow {
  id: string;
  subject_kind: 'cluster' | 'province';
  cluster_id: string | null;
  cluster_code: string | null;
  province_code: string;
  reporter: Reporter;
  period_kind: ReportPeriodKind;
  period_year: number;
  status: ReportStatus;
  working: AnyFigures | null;
  approved_version: number | null;
  opened_by: string;
  opened_at: Date;
  recorded_from_history: boolean;
  recorded_by: string | null;
  recorded_at: Date | null;
}

const isoDay = (value: Date | string): IsoDate =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** Reads reports with their versions, history and reopen requests (a few queries for any number of reports). */
export async function loadReports(
  manager: EntityManager,
  where: { ids?: readonly string[]; forUpdate?: boolean } & Partial<{
    provinceCodes: readonly string[];
    periodKind: ReportPeriodKind;
    year: number;
    subjectKind: 'cluster' | 'province';
  }>,
): Promise<StoredReport[]> {
  const rows: ReportRow[] = await manager.query(
    `SELECT * FROM cluster_report
      WHERE ($1::uuid[] IS NULL OR id = ANY($1))
        AND ($2::text[] IS NULL OR province_code = ANY($2))
        AND ($3::text IS NULL OR period_kind = $3)
        AND ($4::int IS NULL OR period_year = $4)
        AND ($5::text IS NULL OR subject_kind = $5)
      ORDER BY province_code, cluster_code NULLS FIRST
      ${where.forUpdate ? 'FOR UPDATE' : ''}`,
    [
      where.ids ?? null,
      where.provinceCodes ?? null,
      where.periodKind ?? null,
      where.year ?? null,
      where.subjectKind ?? null,
    ],
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // submitted_on is the database's own reading of the instant in Asia/Ho_Chi_Minh.
  const versions: {
    report_id: string;
    version: number;
    figures: AnyFigures;
    submitted_by: string;
    submitted_at: Date;
    submitted_on: string;
    late: boolean;
    days_late: number;
  }[] = await manager.query(
    `SELECT report_id, version, figures, submitted_by, submitted_at, submitted_on::text AS submitted_on,
            late, days_late
       FROM cluster_report_version WHERE report_id = ANY($1) ORDER BY report_id, version`,
    [ids],
  );
  const events: {
    report_id: string;
    kind: ReportEvent['kind'];
    version: number;
    on_day: string;
    at: Date;
    by_whom: string;
    reason: string | null;
    requested_by: string | null;
    approved_by: string | null;
  }[] = await manager.query(
    `SELECT report_id, kind, version, on_day::text AS on_day, at, by_whom, reason, requested_by, approved_by
       FROM cluster_report_event WHERE report_id = ANY($1) ORDER BY report_id, seq`,
    [ids],
  );
  const reopen: (ReopenRequestRow & { reportId: string })[] = await manager.query(
    `SELECT id, report_id AS "reportId", reason, requested_by AS "requestedBy", requested_at AS "requestedAt",
            status, approved_by AS "approvedBy", approved_at AS "approvedAt"
       FROM cluster_report_reopen_request WHERE report_id = ANY($1) ORDER BY requested_at, id`,
    [ids],
  );
  return rows.map((row) => {
    const own = versions.filter((v) => v.report_id === row.id);
    const history = events.filter((e) => e.report_id === row.id);
    const reportVersions: ReportVersion<AnyFigures>[] = own.map((v) => ({
      version: v.version,
      figures: v.figures,
      submittedOn: v.submitted_on,
      submittedBy: v.submitted_by,
      late: v.late,
      daysLate: v.days_late,
    }));
    const reportEvents: ReportEvent[] = history.map((e): ReportEvent => {
      const on = isoDay(e.on_day);
      switch (e.kind) {
        case 'returned':
          return { kind: 'returned', version: e.version, on, by: e.by_whom, reason: e.reason ?? '' };
        case 'reopened':
          return {
            kind: 'reopened',
            version: e.version,
            on,
            requestedBy: e.requested_by ?? '',
            approvedBy: e.approved_by ?? '',
            reason: e.reason ?? '',
          };
        default:
          return { kind: e.kind, version: e.version, on, by: e.by_whom };
      }
    });
    return {
      id: row.id,
      clusterId: row.cluster_id,
      openedBy: row.opened_by,
      openedAt: row.opened_at,
      report: {
        subject:
          row.subject_kind === 'cluster'
            ? { kind: 'cluster', clusterCode: row.cluster_code ?? '', provinceCode: row.province_code }
            : { kind: 'province', provinceCode: row.province_code },
        reporter: row.reporter,
        period: { kind: row.period_kind, year: row.period_year },
        status: row.status,
        working: row.working,
        versions: reportVersions,
        approvedVersion: row.approved_version,
        events: reportEvents,
      },
      versionTimes: own.map((v) => v.submitted_at),
      eventTimes: history.map((e) => e.at),
      reopenRequests: reopen
        .filter((r) => r.reportId === row.id)
        .map(({ reportId: _, ...request }) => request),
      recorded: row.recorded_from_history ? { by: row.recorded_by ?? '', at: row.recorded_at as Date } : null,
    };
  });
}

export async function insertReport(
  manager: EntityManager,
  id: string,
  clusterId: string | null,
  report: PeriodicReport<AnyFigures>,
  by: string,
  at: Date,
): Promise<void> {
  const { subject, period } = report;
  await manager.query(
    `INSERT INTO cluster_report (id, subject_kind, cluster_id, cluster_code, province_code, reporter, period_kind,
                                 period_year, status, working, approved_version, opened_by, opened_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $12, $12)`,
    [
      id,
      subject.kind,
      clusterId,
      subject.kind === 'cluster' ? subject.clusterCode : null,
      subject.provinceCode,
      report.reporter,
      period.kind,
      period.year,
      report.status,
      JSON.stringify(report.working),
      by,
      at,
    ],
  );
}

/**
 * Writes what a step added: new versions and history first (so the guard sees a reopening recorded before
 * the report leaves "approved"), then the report's state.
 */
export async function saveStep(
  manager: EntityManager,
  id: string,
  before: PeriodicReport<AnyFigures>,
  after: PeriodicReport<AnyFigures>,
  at: Date,
  reopenRequestId: string | null = null,
): Promise<void> {
  for (const v of after.versions.slice(before.versions.length)) {
    await manager.query(
      `INSERT INTO cluster_report_version (report_id, version, figures, submitted_by, submitted_at, late, days_late)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, v.version, JSON.stringify(v.figures), v.submittedBy, at, v.late, v.daysLate],
    );
  }
  let seq = before.events.length;
  for (const e of after.events.slice(before.events.length)) {
    seq++;
    const by = e.kind === 'reopened' ? e.approvedBy : e.by;
    await manager.query(
      `INSERT INTO cluster_report_event (report_id, seq, kind, version, on_day, at, by_whom, reason, requested_by,
                                         approved_by, reopen_request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        seq,
        e.kind,
        e.version,
        e.on,
        at,
        by,
        e.kind === 'returned' || e.kind === 'reopened' ? e.reason : null,
        e.kind === 'reopened' ? e.requestedBy : null,
        e.kind === 'reopened' ? e.approvedBy : null,
        e.kind === 'reopened' ? reopenRequestId : null,
      ],
    );
  }
  await manager.query(
    `UPDATE cluster_report SET status = $2, working = $3, approved_version = $4, updated_at = $5 WHERE id = $1`,
    [
      id,
      after.status,
      after.working === null ? null : JSON.stringify(after.working),
      after.approvedVersion,
      at,
    ],
  );
}

/** The instant a recorded day stands for: its start in Việt Nam, the only part of it the record knows. */
export const startOfVietnamDay = (day: IsoDate): Date => new Date(`${day}T00:00:00+07:00`);

/**
 * Writes a report recorded from its history whole, as it stands after its last recorded step: the report marked
 * with who entered it and when, then its versions and events each at the start of its own recorded day (so
 * the database derives the same Vietnamese day the record states). Versions go in before the events that name
 * them; the approved version's key is checked at commit.
 */
export async function insertRecordedReport(
  manager: EntityManager,
  id: string,
  clusterId: string,
  report: PeriodicReport<AnyFigures>,
  recorded: { by: string; at: Date },
): Promise<void> {
  const { subject, period } = report;
  if (subject.kind !== 'cluster') throw new Error('only a cluster report is recorded from history');
  const first = report.versions[0];
  await manager.query(
    `INSERT INTO cluster_report (id, subject_kind, cluster_id, cluster_code, province_code, reporter, period_kind,
                                 period_year, status, working, approved_version, opened_by, opened_at, updated_at,
                                 recorded_from_history, recorded_by, recorded_at)
     VALUES ($1, 'cluster', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, true, $14, $13)`,
    [
      id,
      clusterId,
      subject.clusterCode,
      subject.provinceCode,
      report.reporter,
      period.kind,
      period.year,
      report.status,
      report.working === null ? null : JSON.stringify(report.working),
      report.approvedVersion,
      first.submittedBy,
      startOfVietnamDay(first.submittedOn),
      recorded.at,
      recorded.by,
    ],
  );
  for (const v of report.versions) {
    await manager.query(
      `INSERT INTO cluster_report_version (report_id, version, figures, submitted_by, submitted_at, late, days_late)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        v.version,
        JSON.stringify(v.figures),
        v.submittedBy,
        startOfVietnamDay(v.submittedOn),
        v.late,
        v.daysLate,
      ],
    );
  }
  for (const [i, e] of report.events.entries()) {
    if (e.kind === 'reopened') throw new Error('a recorded history has no reopening');
    await manager.query(
      `INSERT INTO cluster_report_event (report_id, seq, kind, version, on_day, at, by_whom, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        i + 1,
        e.kind,
        e.version,
        e.on,
        startOfVietnamDay(e.on),
        e.by,
        e.kind === 'returned' ? e.reason : null,
      ],
    );
  }
}
