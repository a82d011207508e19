import type { FormDefinition } from './form-definition';
import { latenessOf, type Deadline, type Lateness } from './deadlines';
import type { Period } from './periods';
import { countedSubmission, type PeriodicReport } from './report-workflow';
import { instantMs, type Instant } from './vietnam-time';

/**
 * The implementing units' monthly report reaches the platform by two channels: this module's periodic report
 * (form `don-vi-thuc-hien-thang`) and the monthly progress report the projects service has always taken
 * (`projects.project.progress-reported`, projected by reporting into `progress_report_projection`). It is one
 * duty, so completeness, the calendar and the reminders judge both with the rule below.
 */
export type SubmissionChannel = 'periodic-report' | 'progress-report';

/** A monthly progress report the projects service received: the project, the month it reports, when it came. */
export interface ProgressReceipt {
  projectId: string;
  /** `2026-03`, as the projects service writes the month. */
  month: string;
  /** The projects service's receipt time (its clock when the report committed), with an offset. */
  receivedAt: Instant;
}

/** The progress receipts of one period, for a form that takes them. */
export interface ProgressReceipts {
  period: Period;
  receipts: readonly ProgressReceipt[];
}

/** Only the implementing units' monthly form is also filed as a progress report with the projects service. */
export const takesProgressReports = (form: Pick<FormDefinition, 'reporter' | 'frequency'>): boolean =>
  form.reporter === 'implementing-unit' && form.frequency === 'month';

/** The projects service's month (`2026-03`) of a monthly period (`2026-M03`). */
export function progressMonthOf(period: Period): string {
  if (period.frequency !== 'month') throw new RangeError('progress reports are monthly');
  return `${period.year}-${String(period.month).padStart(2, '0')}`;
}

/**
 * The receipts that count for `period`, by project: those of its month only (a report for February is no answer
 * to March's duty). The projects service takes one report per project and month; two would be an error here.
 */
export function progressReceiptsOf(
  period: Period,
  receipts: readonly ProgressReceipt[],
): Map<string, ProgressReceipt> {
  const month = progressMonthOf(period);
  const byProject = new Map<string, ProgressReceipt>();
  for (const receipt of receipts) {
    if (receipt.month !== month) continue;
    if (byProject.has(receipt.projectId))
      throw new RangeError(`${receipt.projectId} has two progress reports for ${month}`);
    byProject.set(receipt.projectId, receipt);
  }
  return byProject;
}

/** What a reporter sent for a period that counts: by which channel, when, and its lateness. */
export interface ReporterSubmission {
  via: SubmissionChannel;
  submittedAt: Instant;
  lateness: Lateness;
}

/**
 * The submission that counts for a reporter: the periodic report's counted submission (its first not withdrawn)
 * or the progress report the projects service received for the period's month, whichever came first (at the same
 * instant, the periodic report). A progress report's lateness is its receipt instant judged against `deadline`
 * (the form version's), on the Vietnamese calendar day, like any submission. The `late` flag the projects service
 * publishes is not used: it counts the 25th itself as on time ("by the end of the 25th", REPORT_DUE_DAY in the
 * projects domain), while the form says "before the 25th" (domain.md §5), so the 24th is the last on-time day
 * here; one deadline must judge both channels, and a later form version may move it.
 */
export function reporterSubmission(
  report: PeriodicReport | undefined,
  receipt: ProgressReceipt | undefined,
  deadline: Deadline,
): ReporterSubmission | null {
  const counted = report ? countedSubmission(report) : null;
  const periodic: ReporterSubmission | null = counted
    ? { via: 'periodic-report', submittedAt: counted.submittedAt, lateness: counted.lateness }
    : null;
  const progress: ReporterSubmission | null = receipt
    ? {
        via: 'progress-report',
        submittedAt: receipt.receivedAt,
        lateness: latenessOf(deadline, receipt.receivedAt),
      }
    : null;
  if (!periodic || !progress) return periodic ?? progress;
  return instantMs(progress.submittedAt) < instantMs(periodic.submittedAt) ? progress : periodic;
}
