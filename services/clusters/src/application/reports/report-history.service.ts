import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { maySee } from '@kc/auth';
import {
  clusterReportApprovedV1,
  type ClusterReportHistoryImportRequest,
  type ClusterReportHistoryImportView,
  type ClusterReportHistoryRecord,
  type Principal,
} from '@kc/contracts';
import {
  ConflictError,
  DomainError,
  NotFoundError,
  RuleViolationError,
  type DomainErrorKind,
} from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import type { ClusterReportFigures } from '../../domain/cluster-report-figures';
import { viDate } from '../../domain/decision';
import { approvedFigures, submittedLate, type PeriodicReport } from '../../domain/periodic-report';
import { replayRecordedReport, sameHistory } from '../../domain/report-history';
import { periodLabel } from '../../domain/report-periods';
import type { ClusterFacts } from '../../infrastructure/persistence/reports/cluster-facts';
import {
  insertRecordedReport,
  loadReports,
  type AnyFigures,
} from '../../infrastructure/persistence/reports/report-repository';
import { checkFiguresFor } from './cluster-reports.service';
import { ReportClock } from './report-clock';

type View = ClusterReportHistoryImportView;

const statusOfKind: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  'rule-violated': 422,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
};

/** A record's outcome: the report it created, the identical one already held, or why nothing was written. */
type Outcome =
  | { kind: 'created'; reportId: string; report: PeriodicReport<AnyFigures> }
  | { kind: 'existing'; reportId: string };

/**
 * Past periods' cluster reports entered with their true days (nhập báo cáo các kỳ đã qua): reports filed on
 * paper or in a legacy system before the platform, which must count for their periods like reports filed here.
 * Each record is rebuilt by the live rules (`replayRecordedReport`) on the days it states, so its lateness is the
 * circular's verdict on the recorded submission day, and written whole in its own savepoint, marked as recorded
 * from history with who entered it and when. One report per cluster and period: an identical record re-sent
 * changes nothing, a different one is refused. An approved record publishes `clusters.report.approved` as the
 * live approval does.
 */
@Injectable()
export class ReportHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: ReportClock,
  ) {}

  async import(principal: Principal, body: ClusterReportHistoryImportRequest): Promise<View> {
    const now = this.clock.now();
    const today = vietnamDate(now);
    const view: View = { records: body.records.length, created: [], existing: [], refused: [] };
    await this.dataSource.transaction(async (manager) => {
      // One import of a cluster's period at a time: a concurrent one waits here, then finds this one's report.
      // Taken in one order, so two requests naming the same records cannot deadlock.
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest($1::text[]) AS key ORDER BY key`,
        [
          body.records.map(
            (r) => `cluster-report-history:${r.clusterCode}:${r.period.kind}:${r.period.year}`,
          ),
        ],
      );
      const clusters = await this.clustersByCode(
        manager,
        body.records.map((r) => r.clusterCode),
      );
      for (const [index, record] of body.records.entries()) {
        const ref = { index, clusterCode: record.clusterCode, period: record.period };
        await manager.query('SAVEPOINT report_history_record');
        try {
          const cluster = clusters.get(record.clusterCode);
          const outcome = await this.recordIn(manager, principal, cluster, record, today, now);
          await manager.query('RELEASE SAVEPOINT report_history_record');
          if (outcome.kind === 'existing') view.existing.push({ ...ref, reportId: outcome.reportId });
          else
            view.created.push({
              ...ref,
              reportId: outcome.reportId,
              status: outcome.report.status,
              versions: outcome.report.versions.length,
              late: submittedLate(outcome.report),
              daysLate: outcome.report.versions[0].daysLate,
            });
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT report_history_record');
          if (!(error instanceof DomainError)) throw error;
          view.refused.push({
            ...ref,
            reportId: error instanceof HistoryConflict ? error.reportId : null,
            status: statusOfKind[error.kind],
            field: error.field ? `records[${index}].${error.field}` : `records[${index}]`,
            rule: error.code,
            message: error.message,
          });
        }
      }
    });
    return view;
  }

  private async recordIn(
    manager: EntityManager,
    principal: Principal,
    cluster: ClusterFacts | undefined,
    record: ClusterReportHistoryRecord,
    today: string,
    now: Date,
  ): Promise<Outcome> {
    // A province officer records only its own province's clusters; another's answers like a missing one.
    if (!cluster || !maySee(principal, cluster.provinceCode))
      throw new NotFoundError(
        {
          vi: `Không có cụm công nghiệp ${record.clusterCode}`,
          en: `Cluster ${record.clusterCode} does not exist`,
        },
        'cluster.not-found',
        'clusterCode',
      );
    if (cluster.status === 'planned')
      throw new RuleViolationError(
        {
          vi: `Cụm ${cluster.code} mới có trong danh sách quy hoạch, chưa thành lập: chưa có chủ đầu tư báo cáo`,
          en: `Cluster ${cluster.code} is only on the provincial list, not established: it has no developer to report`,
        },
        'cluster-report.cluster-not-established',
        'clusterCode',
      );
    const subject = {
      kind: 'cluster',
      clusterCode: cluster.code,
      provinceCode: cluster.provinceCode,
    } as const;
    const versions = record.versions.map((v, i) => ({
      ...v,
      figures: withField(`versions[${i}].figures`, () => checkFiguresFor(subject, v.figures)),
    }));
    const report = replayRecordedReport<AnyFigures>(subject, record.period, versions, today);

    const [heldRow]: { id: string }[] = await manager.query(
      `SELECT id FROM cluster_report WHERE cluster_id = $1 AND period_kind = $2 AND period_year = $3`,
      [cluster.id, record.period.kind, record.period.year],
    );
    const [held] = heldRow ? await loadReports(manager, { ids: [heldRow.id] }) : [];
    if (held) {
      if (sameHistory(held.report, report)) return { kind: 'existing', reportId: held.id };
      throw new HistoryConflict(
        {
          vi: `Đã có báo cáo ${periodLabel(record.period).vi} của cụm ${cluster.code} (${held.id}) với diễn biến khác bản ghi này${held.recorded ? ` (ghi nhận ngày ${viDate(vietnamDate(held.recorded.at))} bởi ${held.recorded.by})` : ' (lập trên hệ thống)'}; không ghi đè`,
          en: `The report for ${periodLabel(record.period).en} of cluster ${cluster.code} (${held.id}) already exists with a different history; it is not overwritten`,
        },
        held.id,
      );
    }

    const id = randomUUID();
    await insertRecordedReport(manager, id, cluster.id, report, { by: principal.name, at: now });
    const last = report.events.at(-1);
    await this.outbox.audit(manager, {
      action: 'cluster-report.record-history',
      resourceType: 'cluster-report',
      resourceId: id,
      provinceCode: cluster.provinceCode,
      summary:
        `Ghi nhận từ hồ sơ cũ báo cáo ${periodLabel(record.period).vi} của cụm công nghiệp ${cluster.code}: ` +
        report.versions
          .map(
            (v) =>
              `phiên bản ${v.version} gửi ngày ${viDate(v.submittedOn)} (${v.submittedBy})${v.late ? `, trễ ${v.daysLate} ngày` : ''}`,
          )
          .join('; ') +
        (last && last.kind !== 'submitted'
          ? `; ${last.kind === 'approved' ? 'duyệt' : 'trả lại'} ngày ${viDate(last.on)} (${last.kind === 'reopened' ? '' : last.by})`
          : ''),
    });
    if (report.status === 'approved' && last?.kind === 'approved') {
      await this.outbox.append(manager, clusterReportApprovedV1, {
        aggregateId: id,
        provinceCode: cluster.provinceCode,
        payload: {
          reportId: id,
          clusterId: cluster.id,
          clusterCode: cluster.code,
          provinceCode: cluster.provinceCode,
          period: report.period,
          version: report.approvedVersion ?? 0,
          approvedOn: last.on,
          submittedLate: submittedLate(report),
          figures: approvedFigures(report) as ClusterReportFigures,
        },
      });
    }
    return { kind: 'created', reportId: id, report };
  }

  /** The clusters the records name, by their nationwide-unique code. */
  private async clustersByCode(manager: EntityManager, codes: string[]): Promise<Map<string, ClusterFacts>> {
    const rows: ClusterFacts[] = await manager.query(
      `SELECT id, code, name, province_code AS "provinceCode", status, developer_tax_code AS "developerTaxCode"
         FROM industrial_cluster WHERE code = ANY($1)`,
      [[...new Set(codes)]],
    );
    return new Map(rows.map((c) => [c.code, c]));
  }
}

/** A different account of a period already held: 409, naming the report it would have overwritten. */
class HistoryConflict extends ConflictError {
  constructor(
    messages: DomainError['messages'],
    readonly reportId: string,
  ) {
    super(messages, 'cluster-report.history-conflict');
  }
}

/** A refusal of a figure, named from the record (`versions[0].figures.tenants.firms`). */
function withField<T>(prefix: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const Kind = error.constructor as new (m: DomainError['messages'], c: string, f?: string) => DomainError;
    throw new Kind(
      error.messages,
      error.code,
      error.field ? `${prefix}.${error.field.replace(/^figures\.?/, '')}`.replace(/\.$/, '') : prefix,
    );
  }
}
