import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  PeriodicReportHistoryImportRequest,
  PeriodicReportHistoryImportView,
  PeriodicReportHistoryRecord,
  Principal,
} from '@kc/contracts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  RuleViolationError,
  RuleViolationsError,
  type DomainErrorKind,
} from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { workingDayCalendar } from '@kc/reference-data';
import {
  countedSubmission,
  parsePeriod,
  periodLabel,
  replayRecordedReport,
  reportingUnits,
  sameRecordedHistory,
  versionInForce,
  type PeriodicReport,
} from '../../domain/periodic-reports';
import { PlatformFiguresQueries } from '../../infrastructure/persistence/periodic-reports/platform-figures.queries';
import { reportStore } from '../../infrastructure/persistence/periodic-reports/report-store';
import { FormCatalogueService } from './form-catalogue.service';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { ReportEventsPublisher } from './report-events';
import { actorOf, unitScope } from './report-access';

type View = PeriodicReportHistoryImportView;

const statusOfKind: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  'rule-violated': 422,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
};

type Outcome =
  | { kind: 'created'; reportId: string; report: PeriodicReport }
  | { kind: 'existing'; reportId: string };

/**
 * Past periods' reports recorded by the agency with their true instants (ghi nhận báo cáo các kỳ đã qua): reports
 * sent on paper or through a legacy system before the platform, which must count for their periods like live
 * ones. Each record is rebuilt by the live rules (`replayRecordedReport`) — its lateness the form's verdict on
 * the recorded submission instant — and written whole in its own savepoint, marked as recorded from history with
 * who recorded it and when, audited. Its versions and steps go to the same append-only tables as live ones. One
 * report per form, period and unit: the same record sent again changes nothing, a different one is refused.
 * Its integration events are published as live steps' are (the conference figures count approved reports); no
 * notices are sent for the past.
 */
@Injectable()
export class ReportHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: FormCatalogueService,
    private readonly figures: PlatformFiguresQueries,
    private readonly clock: PeriodicReportsClock,
    private readonly events: ReportEventsPublisher,
    private readonly outbox: OutboxWriter,
  ) {}

  async import(principal: Principal, body: PeriodicReportHistoryImportRequest): Promise<View> {
    if (unitScope(principal) !== null)
      throw new ForbiddenError(
        {
          vi: 'Chỉ Cục ghi nhận báo cáo các kỳ đã qua',
          en: 'Only the agency records past periods’ reports',
        },
        'periodic-report.history-agency-only',
      );
    const now = this.clock.now();
    const view: View = { records: body.records.length, created: [], existing: [], refused: [] };
    await this.dataSource.transaction(async (manager) => {
      // One import of a report at a time: a concurrent one waits here, then finds this one's report. Taken in
      // one order, so two requests naming the same records cannot deadlock.
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest($1::text[]) AS key ORDER BY key`,
        [body.records.map((r) => `periodic-report-history:${r.formId}:${r.period}:${r.provinceCode}`)],
      );
      for (const [index, record] of body.records.entries()) {
        const ref = {
          index,
          formId: record.formId,
          period: record.period,
          provinceCode: record.provinceCode,
        };
        await manager.query('SAVEPOINT periodic_report_history_record');
        try {
          const outcome = await this.recordIn(manager, principal, record, now);
          await manager.query('RELEASE SAVEPOINT periodic_report_history_record');
          if (outcome.kind === 'existing') view.existing.push({ ...ref, reportId: outcome.reportId });
          else {
            const counted = countedSubmission(outcome.report)!;
            view.created.push({
              ...ref,
              reportId: outcome.reportId,
              status: outcome.report.status,
              versions: outcome.report.versions.length,
              onTime: counted.lateness.onTime,
              daysLate: counted.lateness.daysLate,
            });
          }
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT periodic_report_history_record');
          if (!(error instanceof DomainError)) throw error;
          const first = error instanceof RuleViolationsError ? error.violations[0] : undefined;
          const field = first?.field ?? error.field;
          view.refused.push({
            ...ref,
            reportId: error instanceof HistoryConflict ? error.reportId : null,
            status: statusOfKind[error.kind],
            field: field ? `records[${index}].${field}` : `records[${index}]`,
            rule: first?.code ?? error.code,
            message:
              error instanceof RuleViolationsError
                ? error.violations.map((v) => `${v.field}: ${v.messages.vi} / ${v.messages.en}`).join('; ')
                : error.message,
          });
        }
      }
    });
    return view;
  }

  private async recordIn(
    manager: EntityManager,
    principal: Principal,
    record: PeriodicReportHistoryRecord,
    now: Date,
  ): Promise<Outcome> {
    const form = this.catalogue.form(record.formId);
    const period = parsePeriod(record.period);
    const label = periodLabel(period);
    if (period.frequency !== form.frequency || form.reporter !== 'provincial-department')
      throw new RuleViolationError(
        {
          vi: `Biểu mẫu "${form.title.vi}" không ghi nhận lịch sử cho kỳ ${record.period}: chỉ báo cáo của Sở Công Thương, đúng kỳ của biểu mẫu`,
          en: `The form "${form.title.en}" takes no history for ${record.period}: only the departments’ reports, for the form’s own periods`,
        },
        'periodic-report.history-form',
        'formId',
      );
    if (!reportingUnits(period).some((u) => u.code === record.provinceCode))
      throw new RuleViolationError(
        {
          vi: `Đơn vị ${record.provinceCode} không báo cáo cho kỳ ${label.vi}`,
          en: `Unit ${record.provinceCode} does not report for ${label.en}`,
        },
        'periodic-report.unit-not-reporting',
        'provinceCode',
      );
    const [heldRow] = await manager.query(
      `SELECT id FROM periodic_report WHERE form_id = $1 AND period = $2 AND province_code = $3 AND reporter_id = $3`,
      [record.formId, record.period, record.provinceCode],
    );
    const versions = record.versions;
    if (heldRow) {
      const held = (await reportStore.load(manager, heldRow.id, false))!;
      if (held.recorded && sameRecordedHistory(held.report, versions))
        return { kind: 'existing', reportId: held.id };
      throw new HistoryConflict(
        {
          vi: `Đã có báo cáo ${label.vi} của đơn vị ${record.provinceCode} (${held.id}) ${held.recorded ? 'với diễn biến khác bản ghi này' : 'lập trên hệ thống'}; không ghi đè`,
          en: `The report for ${label.en} of unit ${record.provinceCode} (${held.id}) already exists ${held.recorded ? 'with a different history' : 'on the platform'}; it is not overwritten`,
        },
        held.id,
      );
    }
    const platform = await this.figures.figuresOf(
      versionInForce(form, period),
      period,
      { provinceCode: record.provinceCode, reporterId: record.provinceCode },
      manager,
    );
    const report = replayRecordedReport({
      form,
      period,
      subject: { provinceCode: record.provinceCode, reporterId: record.provinceCode },
      platform,
      calendar: workingDayCalendar(),
      versions,
      now: now.toISOString(),
    });
    const id = randomUUID();
    const opened = draftOf(report);
    await reportStore.insert(manager, id, opened, new Date(opened.events[0].at), {
      by: actorOf(principal),
      at: now,
    });
    await reportStore.save(manager, id, opened, report, now);
    for (const event of report.events.slice(1)) await this.events.publish(manager, id, report, event);
    const counted = countedSubmission(report)!;
    await this.outbox.audit(manager, {
      action: 'periodic-report.record-history',
      resourceType: 'periodic-report',
      resourceId: id,
      provinceCode: record.provinceCode,
      summary:
        `Ghi nhận từ hồ sơ cũ báo cáo ${label.vi} của đơn vị ${record.provinceCode} (${form.id} phiên bản ${report.formVersion}): ` +
        report.versions
          .map(
            (v) =>
              `phiên bản ${v.number} gửi ngày ${v.lateness.submittedOn} (${v.submittedBy})${v.lateness.onTime ? '' : `, trễ ${v.lateness.daysLate} ngày`}`,
          )
          .join('; ') +
        `; trạng thái ${report.status}${counted.lateness.onTime ? ', đúng hạn' : ''}`,
    });
    return { kind: 'created', reportId: id, report };
  }
}

/**
 * The report as it stood when it opened: a draft with the platform's figures (what `reportStore.insert` writes;
 * the replay's later steps are then appended by `save`, through the same guard triggers as live steps).
 */
function draftOf(report: PeriodicReport): PeriodicReport {
  return {
    ...report,
    events: report.events.slice(0, 1),
    status: 'draft',
    awaiting: null,
    working: { entered: { ...report.platform }, explanations: {}, narratives: {}, attachments: [] },
    versions: [],
    approvedVersion: null,
  };
}

/** A different account of a report already held: 409, naming the report it would have overwritten. */
class HistoryConflict extends ConflictError {
  constructor(
    messages: DomainError['messages'],
    readonly reportId: string,
  ) {
    super(messages, 'periodic-report.history-conflict');
  }
}
