import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { listProvinceFilter } from '@kc/auth';
import {
  requestFingerprint,
  type EditPeriodicReportRequest,
  type OpenPeriodicReportRequest,
  type Page,
  type PeriodicReportListItem,
  type PeriodicReportsQuery,
  type PeriodicReportView,
  type Principal,
} from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';
import { inTransaction, pgCode, pgConstraint, sql } from '@kc/persistence';
import { workingDayCalendar } from '@kc/reference-data';
import {
  approveReport,
  deadlineOf,
  editReport,
  openReport,
  parsePeriod,
  periodLabel,
  refreshPlatformFigures,
  reopenReport,
  reportingUnits,
  returnReport,
  submitReport,
  versionInForce,
  withdrawReport,
  type FormDefinition,
  type Period,
  type PeriodicReport,
  type ReportSubject,
} from '../../domain/periodic-reports';
import { recordNotice } from '../../infrastructure/persistence/periodic-reports/notice-writer';
import { PlatformFiguresQueries } from '../../infrastructure/persistence/periodic-reports/platform-figures.queries';
import {
  reportStore,
  type StoredReport,
} from '../../infrastructure/persistence/periodic-reports/report-store';
import { reportFiles } from '../../infrastructure/persistence/periodic-reports/report-files.store';
import { ExpectedReportersService } from './expected-reporters.service';
import { FormCatalogueService } from './form-catalogue.service';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { ReportEventsPublisher } from './report-events';
import {
  actorOf,
  assertReporter,
  assertVisible,
  reportNotFound,
  reportScope,
  reviewLevelOf,
} from './report-access';
import { reportListItem, reportView, type OpenReopenRequest } from './report-views';

export interface Answer {
  view: PeriodicReportView;
  replayed: boolean;
}

/**
 * The use cases of a periodic report: each loads the aggregate under a row lock, asks the domain for the next
 * state, and writes the step, the new version (if any), the notices it causes and its integration event in one
 * transaction.
 */
@Injectable()
export class PeriodicReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: FormCatalogueService,
    private readonly figures: PlatformFiguresQueries,
    private readonly clock: PeriodicReportsClock,
    private readonly events: ReportEventsPublisher,
    private readonly expected: ExpectedReportersService,
  ) {}

  async open(principal: Principal, body: OpenPeriodicReportRequest): Promise<PeriodicReportView> {
    const form = this.catalogue.form(body.formId);
    const period = parsePeriod(body.period);
    if (period.frequency !== form.frequency) {
      throw new RuleViolationError(
        {
          vi: `Biểu mẫu "${form.title.vi}" báo cáo theo ${FREQUENCY_VI[form.frequency]}, kỳ ${body.period} không phù hợp`,
          en: `The form "${form.title.en}" is reported per ${form.frequency}; ${body.period} is not such a period`,
        },
        'periodic-report.period-frequency',
        'period',
      );
    }
    const reporterId = this.reporterIdOf(form, body);
    const subject = { provinceCode: body.provinceCode, reporterId };
    assertReporter(principal, form.reporter, subject);
    if (!reportingUnits(period).some((u) => u.code === body.provinceCode)) {
      throw new RuleViolationError(
        {
          vi: `Đơn vị ${body.provinceCode} không báo cáo cho kỳ ${periodLabel(period).vi}`,
          en: `Unit ${body.provinceCode} does not report for ${periodLabel(period).en}`,
        },
        'periodic-report.unit-not-reporting',
        'provinceCode',
      );
    }
    if (form.reporter !== 'provincial-department') await this.assertExpected(form, period, subject);
    const id = randomUUID();
    const now = this.clock.now();
    try {
      await inTransaction(this.dataSource, async (manager) => {
        const version = versionInForce(form, period);
        const platform = await this.figures.figuresOf(version, period, subject, manager);
        const report = openReport({
          form,
          period,
          subject,
          platform,
          calendar: workingDayCalendar(),
          by: actorOf(principal),
          at: now.toISOString(),
        });
        await reportStore.insert(manager, id, report, now);
      });
    } catch (error) {
      if (pgCode(error) === '23505' && pgConstraint(error)?.startsWith('periodic_report_form_id_period')) {
        throw new ConflictError(
          {
            vi: `Đã có báo cáo ${periodLabel(period).vi} của ${reporterId} theo biểu mẫu này`,
            en: `There is already a report for ${periodLabel(period).en} of ${reporterId} on this form`,
          },
          'periodic-report.already-open',
          'period',
        );
      }
      throw error;
    }
    return this.get(principal, id);
  }

  async get(principal: Principal, id: string): Promise<PeriodicReportView> {
    const stored = await reportStore.load(this.dataSource.manager, id, false);
    if (!stored) throw reportNotFound(id);
    assertVisible(principal, this.reporterOf(stored), stored.report.subject, id);
    return this.view(this.dataSource.manager, stored);
  }

  async list(principal: Principal, query: PeriodicReportsQuery): Promise<Page<PeriodicReportListItem>> {
    const scope = reportScope(principal);
    // Another unit's list is refused (403 auth.other-province), as every list of the platform does; a facility
    // lists its own reports, which the reporter condition below already limits.
    const provinces =
      scope.kind === 'facility'
        ? query.provinceCode && [query.provinceCode]
        : listProvinceFilter(principal, query.provinceCode);
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: string, value: unknown) => {
      params.push(value);
      conditions.push(condition.replace('?', `$${params.length}`));
    };
    if (provinces) add('province_code = ANY(?)', provinces);
    if (scope.kind === 'facility') {
      // A facility's own holder reports only: its tax code is the reporter of no other form.
      add('reporter_id = ?', scope.taxCode);
      add('form_id = ANY(?)', this.formsOf('certificate-holder'));
    }
    if (query.formId) add('form_id = ?', query.formId);
    if (query.period) add('period = ?', query.period);
    if (query.status) add('status = ?', query.status);
    const where = conditions.length ? conditions.join(' AND ') : 'true';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM periodic_report WHERE ${where}`,
      params,
    );
    const ids = await this.dataSource.query(
      `SELECT id FROM periodic_report WHERE ${where}
        ORDER BY period DESC, form_id, province_code, reporter_id LIMIT ${query.limit} OFFSET ${(query.page - 1) * query.limit}`,
      params,
    );
    const stored = await reportStore.loadMany(this.dataSource.manager, 'id = ANY($1)', [
      ids.map((r: { id: string }) => r.id),
    ]);
    const order = new Map(ids.map((r: { id: string }, i: number) => [r.id, i]));
    stored.sort((a, b) => (order.get(a.id) as number) - (order.get(b.id) as number));
    return {
      items: stored.map((s) => reportListItem(s.id, s.report)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** Edits a draft or returned report; the platform's column is refreshed first (the projections moved on). */
  async edit(principal: Principal, id: string, body: EditPeriodicReportRequest): Promise<PeriodicReportView> {
    return this.step(principal, id, async (manager, stored, form) => {
      assertReporter(principal, form.reporter, stored.report.subject);
      const period = parsePeriod(stored.report.period);
      const version = form.versions.find((v) => v.version === stored.report.formVersion)!;
      let report = stored.report;
      if (report.status === 'draft' || report.status === 'returned') {
        const platform = await this.figures.figuresOf(version, period, report.subject, manager);
        report = refreshPlatformFigures(report, form, platform);
      }
      const edited = editReport(report, form, {
        entered: body.values,
        explanations: body.explanations,
        narratives: body.narratives,
        attachments: body.attachments,
      });
      // A file no longer declared (removed, or replaced by another) is dropped unless a version pins it.
      if (body.attachments) await reportFiles.dropUndeclared(manager, id, edited.working!.attachments);
      return edited;
    });
  }

  /**
   * Submits under an Idempotency-Key kept with the version it made: the same caller and key answer that
   * submission again (its first receipt time), checked again under the row lock so two concurrent retries
   * cannot both submit.
   */
  async submit(principal: Principal, id: string, key: string): Promise<Answer> {
    const actor = actorOf(principal);
    const requestHash = requestFingerprint(`POST /api/v1/periodic-reports/${id}/submit`, { actor });
    const previous = await this.byKey(this.dataSource.manager, actor, key);
    if (previous) return this.replay(principal, id, previous, requestHash);
    try {
      const view = await this.step(
        principal,
        id,
        async (manager, stored, form) => {
          assertReporter(principal, form.reporter, stored.report.subject);
          const raced = await this.byKey(manager, actor, key);
          if (raced) throw new KeyUsed();
          const files = await reportFiles.list(manager, id);
          return submitReport(stored.report, form, { by: actor, at: this.clock.now().toISOString() }, files);
        },
        { key, requestHash },
      );
      return { view, replayed: false };
    } catch (error) {
      const usedBy =
        error instanceof KeyUsed || pgCode(error) === '23505'
          ? await this.byKey(this.dataSource.manager, actor, key)
          : null;
      if (usedBy) return this.replay(principal, id, usedBy, requestHash);
      throw error;
    }
  }

  async withdraw(principal: Principal, id: string): Promise<PeriodicReportView> {
    return this.step(principal, id, async (_manager, stored, form) => {
      assertReporter(principal, form.reporter, stored.report.subject);
      return withdrawReport(stored.report, { by: actorOf(principal), at: this.clock.now().toISOString() });
    });
  }

  async approve(principal: Principal, id: string): Promise<PeriodicReportView> {
    return this.step(principal, id, async (_manager, stored) => {
      const level = reviewLevelOf(principal, stored.report.subject.provinceCode);
      return approveReport(stored.report, {
        by: actorOf(principal),
        at: this.clock.now().toISOString(),
        level,
      });
    });
  }

  async return(principal: Principal, id: string, reason: string): Promise<PeriodicReportView> {
    return this.step(principal, id, async (_manager, stored) => {
      const level = reviewLevelOf(principal, stored.report.subject.provinceCode);
      return returnReport(stored.report, {
        by: actorOf(principal),
        at: this.clock.now().toISOString(),
        level,
        reason,
      });
    });
  }

  /** Asks to reopen an approved report: the unit itself or the agency; one open request at a time. */
  async requestReopen(principal: Principal, id: string, reason: string): Promise<PeriodicReportView> {
    await inTransaction(this.dataSource, async (manager) => {
      const stored = await this.loadVisible(manager, principal, id);
      if (reportScope(principal).kind !== 'agency')
        assertReporter(principal, this.reporterOf(stored), stored.report.subject);
      if (stored.report.status !== 'approved') {
        throw new ConflictError(
          {
            vi: 'Chỉ đề nghị mở lại được báo cáo đã duyệt',
            en: 'Only an approved report can be asked to reopen',
          },
          'periodic-report.illegal-transition',
          'status',
        );
      }
      await sql(
        manager,
        `INSERT INTO periodic_report_reopen_request (id, report_id, reason, requested_by, requested_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [randomUUID(), id, reason, actorOf(principal), this.clock.now()],
        { inTransaction: true },
      ).catch((error) => {
        if (pgCode(error) === '23505') {
          throw new ConflictError(
            {
              vi: 'Báo cáo đã có một đề nghị mở lại đang chờ phê duyệt',
              en: 'The report already has a reopening request awaiting approval',
            },
            'periodic-report.reopen-already-requested',
            'id',
          );
        }
        throw error;
      });
    });
    return this.get(principal, id);
  }

  /** The agency approves a reopening someone else asked for: the report becomes a draft again, recorded. */
  async approveReopen(principal: Principal, id: string, requestId: string): Promise<PeriodicReportView> {
    return this.step(principal, id, async (manager, stored) => {
      reviewLevelOf(principal, stored.report.subject.provinceCode);
      const [request] = await sql<{ reason: string; requested_by: string; approved_by: string | null }>(
        manager,
        `SELECT reason, requested_by, approved_by FROM periodic_report_reopen_request
          WHERE id = $1 AND report_id = $2 FOR UPDATE`,
        [requestId, id],
        { inTransaction: true },
      );
      if (!request || request.approved_by !== null) {
        throw new ConflictError(
          {
            vi: 'Không có đề nghị mở lại này đang chờ phê duyệt',
            en: 'There is no such reopening request awaiting approval',
          },
          'periodic-report.reopen-request-not-open',
          'requestId',
        );
      }
      const at = this.clock.now();
      const next = reopenReport(stored.report, {
        requestedBy: request.requested_by,
        approvedBy: actorOf(principal),
        reason: request.reason,
        at: at.toISOString(),
      });
      await sql(
        manager,
        `UPDATE periodic_report_reopen_request SET approved_by = $2, approved_at = $3 WHERE id = $1`,
        [requestId, actorOf(principal), at],
        { inTransaction: true },
      );
      return next;
    });
  }

  // ---- internals ---------------------------------------------------------------------------------------------

  private async step(
    principal: Principal,
    id: string,
    decide: (manager: EntityManager, stored: StoredReport, form: FormDefinition) => Promise<PeriodicReport>,
    idempotency?: { key: string; requestHash: string },
  ): Promise<PeriodicReportView> {
    return inTransaction(this.dataSource, async (manager) => {
      const stored = await this.loadVisible(manager, principal, id);
      const form = this.catalogue.form(stored.report.formId);
      const next = await decide(manager, stored, form);
      const now = this.clock.now();
      await reportStore.save(manager, id, stored.report, next, now, idempotency);
      await this.afterStep(manager, id, stored.report, next, now);
      return this.view(manager, { ...stored, report: next });
    });
  }

  /** The notices and integration events the new steps cause, in the same transaction. */
  private async afterStep(
    manager: EntityManager,
    id: string,
    before: PeriodicReport,
    after: PeriodicReport,
    now: Date,
  ): Promise<void> {
    const label = periodLabel(parsePeriod(after.period));
    for (const [i, event] of after.events.slice(before.events.length).entries()) {
      const seq = before.events.length + i + 1;
      const base = {
        provinceCode: after.subject.provinceCode,
        reporterId: this.noticeReporterOf(after),
        formId: after.formId,
        period: after.period,
        reportId: id,
        at: now,
      };
      if (event.kind === 'returned') {
        await recordNotice(manager, {
          ...base,
          key: `${id}:${event.version}:returned:${seq}`,
          kind: 'returned',
          message: {
            vi: `Báo cáo ${label.vi} bị trả lại: ${event.reason}`,
            en: `The report for ${label.en} was returned: ${event.reason}`,
          },
        });
      }
      if (event.kind === 'approved' && event.final) {
        await recordNotice(manager, {
          ...base,
          key: `${id}:${event.version}:approved:${seq}`,
          kind: 'approved',
          message: {
            vi: `Báo cáo ${label.vi} đã được duyệt`,
            en: `The report for ${label.en} was approved`,
          },
        });
      }
      await this.events.publish(manager, id, after, event);
    }
  }

  private async loadVisible(manager: EntityManager, principal: Principal, id: string): Promise<StoredReport> {
    const stored = await reportStore.load(manager, id, true);
    if (!stored) throw reportNotFound(id);
    assertVisible(principal, this.reporterOf(stored), stored.report.subject, id);
    return stored;
  }

  private async view(manager: EntityManager, stored: StoredReport): Promise<PeriodicReportView> {
    const [request] = await sql<{ id: string; reason: string; requested_by: string; requested_at: Date }>(
      manager,
      `SELECT id, reason, requested_by, requested_at FROM periodic_report_reopen_request
        WHERE report_id = $1 AND approved_by IS NULL`,
      [stored.id],
    );
    const open: OpenReopenRequest | null = request
      ? {
          id: request.id,
          reason: request.reason,
          requestedBy: request.requested_by,
          requestedAt: request.requested_at.toISOString(),
        }
      : null;
    return {
      ...reportView(
        stored.id,
        stored.report,
        this.catalogue.form(stored.report.formId),
        open,
        stored.recorded,
      ),
      files: await reportFiles.list(manager, stored.id),
    };
  }

  private byKey(manager: EntityManager, actor: string, key: string) {
    return sql<{ report_id: string; request_hash: string }>(
      manager,
      `SELECT report_id, request_hash FROM periodic_report_version WHERE submitted_by = $1 AND idempotency_key = $2`,
      [actor, key],
    ).then((rows) => rows[0] ?? null);
  }

  private async replay(
    principal: Principal,
    id: string,
    previous: { report_id: string; request_hash: string },
    requestHash: string,
  ): Promise<Answer> {
    if (previous.report_id !== id || previous.request_hash !== requestHash) {
      throw new ConflictError(
        {
          vi: 'Idempotency-Key này đã được dùng cho một yêu cầu gửi báo cáo khác',
          en: 'This Idempotency-Key was already used for a different submission',
        },
        'idempotency.key-reused',
        'header.idempotency-key',
      );
    }
    return { view: await this.get(principal, id), replayed: true };
  }

  private reporterOf(stored: Pick<StoredReport, 'report'>) {
    return this.catalogue.form(stored.report.formId).reporter;
  }

  private formsOf(reporter: FormDefinition['reporter']): string[] {
    return this.catalogue
      .all()
      .filter((f) => f.reporter === reporter)
      .map((f) => f.id);
  }

  /** The reporter a notice names: none for a department's own report (the unit is the reporter). */
  private noticeReporterOf(report: PeriodicReport): string | null {
    return this.reporterOf({ report }) === 'provincial-department' ? null : report.subject.reporterId;
  }

  /**
   * A project or facility reports only for a period it owes (the domain's reporters of that period, from the
   * projections), and in the unit it belongs to then.
   */
  private async assertExpected(form: FormDefinition, period: Period, subject: ReportSubject) {
    const deadline = deadlineOf(period, versionInForce(form, period).deadline, workingDayCalendar());
    const { reporters } = (await this.expected.of(form))(period, deadline);
    const found = reporters.find((r) => r.reporterId === subject.reporterId);
    const label = periodLabel(period);
    if (!found) {
      throw new RuleViolationError(
        form.reporter === 'implementing-unit'
          ? {
              vi: `Đề án ${subject.reporterId} không trong thời gian thực hiện vào kỳ ${label.vi}: không có báo cáo tiến độ`,
              en: `Project ${subject.reporterId} is not in execution in ${label.en}: it owes no progress report`,
            }
          : {
              vi: `Cơ sở ${subject.reporterId} không có giấy chứng nhận còn hiệu lực trong kỳ ${label.vi}`,
              en: `Facility ${subject.reporterId} holds no certificate valid in ${label.en}`,
            },
        'periodic-report.reporter-not-expected',
        'reporterId',
      );
    }
    if (found.provinceCode !== subject.provinceCode) {
      throw new RuleViolationError(
        {
          vi: `${found.name} thuộc đơn vị ${found.provinceCode}, không phải ${subject.provinceCode}`,
          en: `${found.name} belongs to unit ${found.provinceCode}, not ${subject.provinceCode}`,
        },
        'periodic-report.reporter-unit',
        'provinceCode',
      );
    }
  }

  private reporterIdOf(form: FormDefinition, body: OpenPeriodicReportRequest): string {
    if (form.reporter === 'provincial-department') {
      if (body.reporterId !== undefined && body.reporterId !== body.provinceCode) {
        throw new RuleViolationError(
          {
            vi: 'Báo cáo của Sở Công Thương do chính tỉnh lập: reporterId phải là mã tỉnh hoặc bỏ trống',
            en: "A department's report is the province's own: reporterId must be the province code or left out",
          },
          'periodic-report.reporter-id',
          'reporterId',
        );
      }
      return body.provinceCode;
    }
    if (!body.reporterId) {
      throw new RuleViolationError(
        {
          vi: 'Biểu mẫu này cần mã đơn vị báo cáo (reporterId)',
          en: 'This form needs the reporting unit (reporterId)',
        },
        'periodic-report.reporter-id-required',
        'reporterId',
      );
    }
    return body.reporterId;
  }
}

class KeyUsed extends Error {}

const FREQUENCY_VI = { month: 'tháng', quarter: 'quý', 'half-year': '6 tháng', year: 'năm' } as const;
