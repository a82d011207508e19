import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompletenessView, Principal, ReportCalendarView } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import { vietnamDate, workingDayCalendar } from '@kc/reference-data';
import {
  addDays,
  completeness,
  countedSubmission,
  daysLeft,
  deadlineOf,
  isPastDeadline,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodId,
  periodLabel,
  periodWindow,
  reportingUnits,
  versionInForce,
  type FormDefinition,
  type Period,
} from '../../domain/periodic-reports';
import { reportStore } from '../../infrastructure/persistence/periodic-reports/report-store';
import { FormCatalogueService } from './form-catalogue.service';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { unitScope } from './report-access';

/**
 * What is due and who is in: the calendar per unit, and the completeness panel of one form and period (the
 * domain's completeness: per unit, per region and for the nation from the same rows). Both cover the department's
 * forms, one report per unit and period.
 */
@Injectable()
export class ReportCalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: FormCatalogueService,
    private readonly clock: PeriodicReportsClock,
  ) {}

  async completeness(formId: string, periodIdText: string): Promise<CompletenessView> {
    const form = this.departmentForm(formId);
    const period = this.periodOf(form, periodIdText);
    const version = versionInForce(form, period);
    const deadline = deadlineOf(period, version.deadline, workingDayCalendar());
    const reports = await reportStore.loadMany(this.dataSource.manager, 'form_id = $1 AND period = $2', [
      form.id,
      periodIdText,
    ]);
    const now = this.clock.now().toISOString();
    const panel = completeness(
      reportingUnits(period),
      reports.map((r) => r.report),
      deadline,
      now,
    );
    return {
      formId: form.id,
      period: periodIdText,
      periodLabel: periodLabel(period),
      lastOnTimeDay: deadline.lastOnTimeDay,
      asOf: now,
      nation: panel.nation,
      regions: panel.regions,
      units: panel.units,
    };
  }

  async calendar(
    principal: Principal,
    query: { from: string; to: string; provinceCode?: string },
  ): Promise<ReportCalendarView> {
    const scope = unitScope(principal);
    const now = this.clock.now();
    const today = vietnamDate(now);
    const calendar = workingDayCalendar();
    const items: ReportCalendarView['items'] = [];
    for (const form of this.catalogue.all().filter((f) => f.reporter === 'provincial-department')) {
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
        const units = reportingUnits(period).filter(
          (u) =>
            (scope === null || u.code === scope) && (!query.provinceCode || u.code === query.provinceCode),
        );
        const reports = new Map(
          (
            await reportStore.loadMany(this.dataSource.manager, 'form_id = $1 AND period = $2', [form.id, id])
          ).map((r) => [r.report.subject.provinceCode, r]),
        );
        for (const unit of units) {
          const stored = reports.get(unit.code);
          const counted = stored ? countedSubmission(stored.report) : null;
          items.push({
            formId: form.id,
            formTitle: form.title,
            period: id,
            periodLabel: periodLabel(period),
            provinceCode: unit.code,
            lastOnTimeDay: deadline.lastOnTimeDay,
            daysLeft: daysLeft(deadline, today),
            reportId: stored?.id ?? null,
            status: stored?.report.status ?? 'not-opened',
            timeliness: counted
              ? counted.lateness.onTime
                ? 'on-time'
                : 'late'
              : isPastDeadline(deadline, now.toISOString())
                ? 'overdue'
                : 'not-yet-due',
          });
        }
      }
    }
    items.sort(
      (a, b) =>
        a.lastOnTimeDay.localeCompare(b.lastOnTimeDay) ||
        a.formId.localeCompare(b.formId) ||
        a.provinceCode.localeCompare(b.provinceCode),
    );
    return { from: query.from, to: query.to, today, items };
  }

  private departmentForm(formId: string): FormDefinition {
    const form = this.catalogue.form(formId);
    if (form.reporter !== 'provincial-department') {
      throw new RuleViolationError(
        {
          vi: 'Mức độ đầy đủ tính cho biểu mẫu của Sở Công Thương (một báo cáo mỗi tỉnh mỗi kỳ)',
          en: "Completeness is computed for the departments' forms (one report per unit and period)",
        },
        'periodic-report.completeness-form',
        'formId',
      );
    }
    return form;
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

/** A period early enough that its deadline (up to a year after its end) can fall on `from`. */
function firstPeriod(form: FormDefinition, from: string): Period {
  const start = addDays(from, -400);
  return periodContaining(form.frequency, start < '2018-01-01' ? '2018-01-01' : start);
}
