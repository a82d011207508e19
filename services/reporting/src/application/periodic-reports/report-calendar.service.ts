import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompletenessView, Principal, ReportCalendarView } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import { regionOf, vietnamDate, workingDayCalendar } from '@kc/reference-data';
import {
  addDays,
  completeness,
  countedReporters,
  daysLeft,
  deadlineOf,
  isPastDeadline,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodId,
  periodLabel,
  periodWindow,
  progressReceiptsOf,
  reporterCompleteness,
  reporterSubmission,
  reportingUnits,
  takesProgressReports,
  versionInForce,
  type ExpectedReporter,
  type FormDefinition,
  type Period,
  type ProgressReceipt,
} from '../../domain/periodic-reports';
import { reportStore } from '../../infrastructure/persistence/periodic-reports/report-store';
import { ExpectedReportersService } from './expected-reporters.service';
import { FormCatalogueService } from './form-catalogue.service';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { covers, reportScope, reportScopeOrNone, type ReportScope } from './report-access';

/**
 * What is due and who is in: the calendar of the caller's reporters, and the completeness panel of one form and
 * period (the domain's reporter completeness: per unit, per region and for the nation from the same rows). Every
 * form: the departments report once per unit; implementing units once per project in execution; certificate
 * holders once per holding facility (ExpectedReportersService). For the implementing units' monthly form a
 * progress report the projects service received for the month counts as the submission too (the domain's
 * reporterSubmission), so a project that sent it is neither due nor overdue in either view.
 */
@Injectable()
export class ReportCalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: FormCatalogueService,
    private readonly clock: PeriodicReportsClock,
    private readonly expected: ExpectedReportersService,
  ) {}

  async completeness(
    principal: Principal,
    query: { formId: string; period: string; provinceCode?: string },
  ): Promise<CompletenessView> {
    const form = this.catalogue.form(query.formId);
    const period = this.periodOf(form, query.period);
    const version = versionInForce(form, period);
    const deadline = deadlineOf(period, version.deadline, workingDayCalendar());
    const reports = (
      await reportStore.loadMany(this.dataSource.manager, 'form_id = $1 AND period = $2', [
        form.id,
        query.period,
      ])
    ).map((r) => r.report);
    const now = this.clock.now().toISOString();
    const units = reportingUnits(period);
    const head = {
      formId: form.id,
      reporter: form.reporter,
      period: query.period,
      periodLabel: periodLabel(period),
      lastOnTimeDay: deadline.lastOnTimeDay,
      asOf: now,
    };
    if (form.reporter === 'provincial-department') {
      // The departments' panel names its units (public bodies) to everyone, as before.
      const panel = completeness(units, reports, deadline, now);
      return { ...head, ...panel, reporters: [], holdersUnknown: 0 };
    }
    const expected = (await this.expected.of(form))(period, deadline);
    const { to } = periodWindow(period);
    const counted = countedReporters(expected.reporters, reports, (code) => regionOf(code, to));
    const progress = takesProgressReports(form)
      ? { period, receipts: await this.expected.progressReceipts(form, period, period) }
      : undefined;
    const panel = reporterCompleteness(units, counted.reporters, counted.reports, deadline, now, progress);
    // Who reported what is shown to those who may see the reports: the agency, a unit its own, a facility itself.
    const scope = reportScopeOrNone(principal);
    const shown = (row: ExpectedReporter) =>
      scope !== null &&
      covers(scope, form.reporter, { provinceCode: row.provinceCode, reporterId: row.reporterId }) &&
      (!query.provinceCode || row.provinceCode === query.provinceCode);
    return {
      ...head,
      nation: panel.nation,
      regions: panel.regions,
      provinces: panel.provinces,
      units: [],
      reporters: panel.reporters.filter(shown),
      holdersUnknown: expected.holdersUnknown,
    };
  }

  async calendar(
    principal: Principal,
    query: { from: string; to: string; provinceCode?: string },
  ): Promise<ReportCalendarView> {
    const scope = reportScope(principal);
    const now = this.clock.now();
    const today = vietnamDate(now);
    const calendar = workingDayCalendar();
    const items: ReportCalendarView['items'] = [];
    for (const form of this.catalogue.all().filter((f) => mayOwe(scope, f))) {
      const reportersOf = await this.expected.of(form);
      const receipts = await this.expected.progressReceipts(
        form,
        firstPeriod(form, query.from),
        periodContaining(form.frequency, query.to),
      );
      for (
        let period = firstPeriod(form, query.from);
        periodWindow(period).from <= query.to;
        period = nextPeriod(period)
      ) {
        let version;
        try {
          version = versionInForce(form, period);
        } catch {
          continue;
        }
        const deadline = deadlineOf(period, version.deadline, calendar);
        if (deadline.lastOnTimeDay < query.from || deadline.lastOnTimeDay > query.to) continue;
        const id = periodId(period);
        const reporters = reportersOf(period, deadline).reporters.filter(
          (r) =>
            covers(scope, form.reporter, { provinceCode: r.provinceCode, reporterId: r.reporterId }) &&
            (!query.provinceCode || r.provinceCode === query.provinceCode),
        );
        if (reporters.length === 0) continue;
        const reports = new Map(
          (
            await reportStore.loadMany(this.dataSource.manager, 'form_id = $1 AND period = $2', [form.id, id])
          ).map((r) => [r.report.subject.reporterId, r]),
        );
        const progress = takesProgressReports(form)
          ? progressReceiptsOf(period, receipts)
          : new Map<string, ProgressReceipt>();
        for (const reporter of reporters) {
          const stored = reports.get(reporter.reporterId);
          const submission = reporterSubmission(stored?.report, progress.get(reporter.reporterId), deadline);
          items.push({
            formId: form.id,
            formTitle: form.title,
            reporter: form.reporter,
            period: id,
            periodLabel: periodLabel(period),
            provinceCode: reporter.provinceCode,
            reporterId: reporter.reporterId,
            reporterName: reporter.name,
            lastOnTimeDay: deadline.lastOnTimeDay,
            daysLeft: daysLeft(deadline, today),
            reportId: stored?.id ?? null,
            status: stored?.report.status ?? 'not-opened',
            timeliness: submission
              ? submission.lateness.onTime
                ? 'on-time'
                : 'late'
              : isPastDeadline(deadline, now.toISOString())
                ? 'overdue'
                : 'not-yet-due',
            submittedVia: submission?.via ?? null,
          });
        }
      }
    }
    items.sort(
      (a, b) =>
        a.lastOnTimeDay.localeCompare(b.lastOnTimeDay) ||
        a.formId.localeCompare(b.formId) ||
        a.provinceCode.localeCompare(b.provinceCode) ||
        a.reporterName.localeCompare(b.reporterName, 'vi'),
    );
    return { from: query.from, to: query.to, today, items };
  }

  private periodOf(form: FormDefinition, id: string): Period {
    const period = parsePeriod(id);
    if (period.frequency !== form.frequency) {
      throw new RuleViolationError(
        {
          vi: `Kỳ ${id} không phải kỳ của biểu mẫu này`,
          en: `${id} is not a period of this form (${form.frequency})`,
        },
        'periodic-report.period-frequency',
        'period',
      );
    }
    return period;
  }
}

/** A facility owes only the holders' report; the agency and the units see every form. */
const mayOwe = (scope: ReportScope, form: FormDefinition) =>
  scope.kind !== 'facility' || form.reporter === 'certificate-holder';

/** A period early enough that its deadline (up to a year after its end) can fall on `from`. */
function firstPeriod(form: FormDefinition, from: string): Period {
  const start = addDays(from, -400);
  return periodContaining(form.frequency, start < '2018-01-01' ? '2018-01-01' : start);
}
