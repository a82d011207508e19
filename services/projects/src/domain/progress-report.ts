import { projectStatusLabel } from '@kc/contracts';
import { ConflictError, RuleViolationError } from '@kc/errors';
import { vietnamDate } from '@kc/reference-data';

/** Vietnam keeps UTC+7 all year (no daylight saving), so deadlines are fixed offsets from UTC. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
/** A monthly report is due by the end of the 25th of its month (Vietnamese time). */
export const REPORT_DUE_DAY = 25;

/** Statuses in which the implementing unit reports progress monthly. */
export const REPORTING_STATUSES = ['contracted', 'in-progress', 'extended'] as const;

/** `2026-05` for an instant, in Vietnamese time. */
export function monthInVietnam(at: Date): string {
  return vietnamDate(at).slice(0, 7);
}

/** The first instant after the report of `month` is due: 26th 00:00 Vietnamese time. */
export function reportDueBy(month: string): Date {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, REPORT_DUE_DAY + 1) - VIETNAM_OFFSET_MS);
}

/** Late = received after the 25th of the report's month, Vietnamese time. */
export function isLate(month: string, receivedAt: Date): boolean {
  return receivedAt.getTime() >= reportDueBy(month).getTime();
}

export interface ProgressState {
  status: string;
  lastProgressMonth: string | null;
  lastProgressPercent: number | null;
}

/**
 * A report's month comes after the last reported one and is not in the future, and its share of work done
 * never goes down. The project row's guarded UPDATE repeats the month and percent conditions, so two reports
 * sent at once cannot both pass on the same last state.
 */
export function assertMayReport(
  project: ProgressState,
  report: { month: string; percentDone: number },
  receivedAt: Date,
): void {
  if (!(REPORTING_STATUSES as readonly string[]).includes(project.status)) {
    throw new ConflictError(
      {
        vi:
          `Đề án ở trạng thái "${projectStatusLabel(project.status)}" không báo cáo tiến độ (chỉ khi đã ký ` +
          'hợp đồng, đang thực hiện hoặc gia hạn)',
        en:
          `A project in status "${project.status}" does not report progress (only contracted, in-progress ` +
          'or extended)',
      },
      'progress.not-reporting',
    );
  }
  if (report.month > monthInVietnam(receivedAt)) {
    throw new RuleViolationError(
      {
        vi: `Chưa thể báo cáo tháng ${report.month}`,
        en: `A report for ${report.month} cannot be sent before that month`,
      },
      'progress.month-in-future',
      'month',
    );
  }
  if (project.lastProgressMonth !== null && report.month <= project.lastProgressMonth) {
    throw new ConflictError(
      {
        vi: `Đã có báo cáo tháng ${project.lastProgressMonth}; báo cáo mới phải cho tháng sau đó`,
        en: `A report for ${project.lastProgressMonth} exists; a new one must be for a later month`,
      },
      report.month === project.lastProgressMonth
        ? 'progress.month-reported'
        : 'progress.month-not-after-last',
      'month',
    );
  }
  const previous = project.lastProgressPercent ?? 0;
  if (report.percentDone < previous) {
    throw new RuleViolationError(
      {
        vi: `Tỷ lệ hoàn thành ${report.percentDone}% thấp hơn báo cáo trước (${previous}%)`,
        en: `Work done ${report.percentDone}% is below the previous report's ${previous}%`,
      },
      'progress.percent-decreased',
      'percentDone',
    );
  }
}
