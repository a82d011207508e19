// Types of demo-periodic-reports.mjs (plain JavaScript, run by Node) for the TypeScript that reads it: tests.
import type { PeriodicReportHistoryRecord } from '@kc/contracts';

export const FORM_ID: 'sct-khuyen-cong-quy';
export const HISTORY_PATH: '/api/v1/periodic-reports/history-imports';

export interface DemoQuarter {
  id: string;
  year: number;
  quarter: number;
  end: string;
  namedDeadline: string;
}

export interface DemoPeriodicReports {
  formId: string;
  /** Oldest first. */
  quarters: string[];
  latest: string | null;
  /** The unit that never sent the latest quarter's report. */
  missing: string | null;
  /** The unit whose latest report was returned and corrected. */
  returned: string | null;
  /** Units whose latest report awaits the agency's review. */
  awaiting: string[];
  /** The late submissions (the returned unit's correction aside: its first submission was on time). */
  late: { period: string; provinceCode: string; submittedOn: string }[];
  records: PeriodicReportHistoryRecord[];
}

export function lastFourQuarters(today: string): DemoQuarter[];
export function buildPeriodicReportDemo(input: {
  provincesNow: { code: string; nameVi: string }[];
  today: string;
}): DemoPeriodicReports;
export function loadPeriodicReports(
  ctx: { central: { post: (path: string, body: unknown) => Promise<unknown> }; log: (line: string) => void },
  demo: DemoPeriodicReports,
): Promise<{ created: number; existing: number; conflicts: number }>;
