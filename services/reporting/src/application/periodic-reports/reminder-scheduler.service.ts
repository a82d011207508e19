import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '@kc/persistence';
import { vietnamDate, workingDayCalendar } from '@kc/reference-data';
import {
  deadlineOf,
  defaultReminderPolicy,
  nextPeriod,
  noticeSchedule,
  periodContaining,
  periodId,
  periodLabel,
  periodWindow,
  progressReceiptsOf,
  reporterSubmission,
  takesProgressReports,
  versionInForce,
  addDays,
  type Notice,
  type Period,
  type ProgressReceipt,
  type ReminderPolicy,
} from '../../domain/periodic-reports';
import { recordNotice } from '../../infrastructure/persistence/periodic-reports/notice-writer';
import { reportStore } from '../../infrastructure/persistence/periodic-reports/report-store';
import { ExpectedReportersService } from './expected-reporters.service';
import { FormCatalogueService } from './form-catalogue.service';
import { PeriodicReportsClock } from './periodic-reports-clock';

/** How far back the scheduler looks for overdue periods: the policy's last overdue notice falls within it. */
const LOOK_BACK_DAYS = 120;
const CATCH_UP_DAYS = 3;

/**
 * Sends the reminders and overdue notices of every form: for each period whose schedule reaches today, the
 * domain's notice schedule for each reporter not yet in — each unit for the departments' forms, each project in
 * execution for the implementing units' (in once its periodic report or its progress report to the projects
 * service came, whichever first), each holding facility for the certificate holders' — each notice
 * recorded once by its key (notice.key is UNIQUE; a reporter inside a unit has keys of its own), so a re-run, a
 * restart or a second instance running at the same moment records nothing twice. Time-based, so it runs on a
 * timer; `runOnce` is what the timer calls.
 */
@Injectable()
export class ReminderSchedulerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderSchedulerService.name);
  private timer: NodeJS.Timeout | null = null;
  policy: ReminderPolicy = defaultReminderPolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogue: FormCatalogueService,
    private readonly clock: PeriodicReportsClock,
    private readonly expected: ExpectedReportersService,
    private readonly intervalMs: number,
  ) {}

  onModuleInit(): void {
    if (this.intervalMs > 0) {
      this.timer = setInterval(() => {
        this.runOnce().catch((error) => this.logger.error(`reminder run failed: ${String(error)}`));
      }, this.intervalMs);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Records the notices due by now; returns how many this run recorded. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const today = vietnamDate(now);
    const calendar = workingDayCalendar();
    // A notice missed while no scheduler ran is still sent within CATCH_UP_DAYS; older ones are stale news.
    const catchUpFrom = addDays(today, -CATCH_UP_DAYS);
    let recorded = 0;
    for (const form of this.catalogue.all()) {
      const reportersOf = await this.expected.of(form);
      const perReporter = form.reporter !== 'provincial-department';
      const periods = this.periodsAround(form.frequency, today);
      if (periods.length === 0) continue;
      const receipts = await this.expected.progressReceipts(form, periods[0], periods[periods.length - 1]);
      for (const period of periods) {
        let version;
        try {
          version = versionInForce(form, period);
        } catch {
          continue; // no version for that period: nothing is due under this form
        }
        const deadline = deadlineOf(period, version.deadline, calendar);
        const id = periodId(period);
        const reports = await reportStore.loadMany(this.dataSource.manager, 'form_id = $1 AND period = $2', [
          form.id,
          id,
        ]);
        const stored = new Map(reports.map((r) => [r.report.subject.reporterId, r.report]));
        const progress = takesProgressReports(form)
          ? progressReceiptsOf(period, receipts)
          : new Map<string, ProgressReceipt>();
        const label = periodLabel(period);
        for (const reporter of reportersOf(period, deadline).reporters) {
          const notices = noticeSchedule({
            deadline,
            policy: this.policy,
            target: {
              formId: form.id,
              period: id,
              provinceCode: reporter.provinceCode,
              ...(perReporter ? { reporterId: reporter.reporterId } : {}),
            },
            submittedAt:
              reporterSubmission(stored.get(reporter.reporterId), progress.get(reporter.reporterId), deadline)
                ?.submittedAt ?? null,
            through: today,
          }).filter((n) => Date.parse(n.sendAt) <= now.getTime() && n.day >= catchUpFrom);
          if (notices.length === 0) continue;
          recorded += await inTransaction(this.dataSource, async (manager) => {
            let count = 0;
            for (const notice of notices) {
              const done = await recordNotice(manager, {
                key: notice.key,
                kind: notice.kind,
                provinceCode: reporter.provinceCode,
                reporterId: perReporter ? reporter.reporterId : null,
                formId: form.id,
                period: id,
                reportId: null,
                message: messageOf(
                  notice,
                  form.title,
                  perReporter
                    ? { vi: `${label.vi} (${reporter.name})`, en: `${label.en} (${reporter.name})` }
                    : label,
                  deadline.lastOnTimeDay,
                ),
                at: now,
              });
              if (done) count++;
            }
            return count;
          });
        }
      }
    }
    return recorded;
  }

  /** Periods whose notices can fall due around `today`: from LOOK_BACK_DAYS before to the current one. */
  private periodsAround(frequency: Period['frequency'], today: string): Period[] {
    const periods: Period[] = [];
    let period = periodContaining(frequency, addDays(today, -LOOK_BACK_DAYS - 400));
    for (;;) {
      if (periodWindow(period).from > today) break;
      if (period.year >= 2018) periods.push(period);
      period = nextPeriod(period);
    }
    return periods;
  }
}

function messageOf(
  notice: Notice,
  title: { vi: string; en: string },
  label: { vi: string; en: string },
  lastOnTimeDay: string,
) {
  if (notice.kind === 'overdue') {
    return {
      vi: `${title.vi} ${label.vi} đã quá hạn ${notice.offset} ngày (hạn ${lastOnTimeDay})`,
      en: `${title.en} for ${label.en} is ${notice.offset} days overdue (due ${lastOnTimeDay})`,
    };
  }
  if (notice.kind === 'due-today') {
    return {
      vi: `Hôm nay là hạn cuối gửi ${title.vi} ${label.vi}`,
      en: `Today is the last day to submit the ${title.en} for ${label.en}`,
    };
  }
  return {
    vi: `Còn ${-notice.offset} ngày đến hạn gửi ${title.vi} ${label.vi} (hạn ${lastOnTimeDay})`,
    en: `${-notice.offset} days left to submit the ${title.en} for ${label.en} (due ${lastOnTimeDay})`,
  };
}
