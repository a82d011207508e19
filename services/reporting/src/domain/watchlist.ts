import type { ConferenceProjectStatus as ProjectStatus, WatchlistFlag } from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import { IN_PLAN, UNDER_WAY } from './project-stages';

/** What the rules need to know about one project (from the reporting projection). */
export interface WatchedProject {
  status: ProjectStatus;
  planYear: number;
  /** Schedule, ISO dates. */
  startDate: string;
  endDate: string;
  contractedOn: string | null;
  advanceCategory: string;
  firstAdvanceOn: string | null;
  lastProgressPercent: number | null;
  /** Monthly reports received (month YYYY-MM, instant received, late as the projects service judged it). */
  reports: readonly { month: string; receivedAt: string; late: boolean }[];
}

/** Reports are due by the 25th of each month (Vietnamese time). */
const REPORT_DAY = 25;
/** A project whose progress trails the share of its schedule already elapsed by more than this is behind. */
const BEHIND_BY_POINTS = 20;
/** Advances should be drawn by 30 September of the plan year. */
const ADVANCE_BY = '09-30';
/** Settlement is due by 22 January of the year after; flagged from 30 days before. */
const SETTLE_BY = '01-22';
const SETTLE_WARNING_DAYS = 30;
/** Missing months listed by name in a reason; more are counted. */
const MONTHS_NAMED = 3;

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
/** 2026-03 → 03/2026; 2026-03-25 → 25/03/2026 (Vietnamese order). */
const viMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const viDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Months whose report was due: the 25th falls after the contract was signed, on or before the schedule's end,
 * and before today.
 */
export function dueReportMonths(contractedOn: string, endDate: string, today: string): string[] {
  const months: string[] = [];
  for (let month = contractedOn.slice(0, 7); ; month = nextMonth(month)) {
    const dueOn = `${month}-${REPORT_DAY}`;
    if (dueOn >= today || dueOn > endDate) return months;
    if (dueOn > contractedOn) months.push(month);
  }
}

function missingReports(p: WatchedProject, today: string): WatchlistFlag | null {
  if (!UNDER_WAY.has(p.status) || p.contractedOn === null) return null;
  const received = new Set(p.reports.map((r) => r.month));
  const missing = dueReportMonths(p.contractedOn, p.endDate, today).filter((m) => !received.has(m));
  if (missing.length === 0) return null;
  const named = missing.slice(-MONTHS_NAMED);
  const more = missing.length > named.length;
  return {
    code: 'missing-report',
    severity: 'overdue',
    reasonVi: more
      ? `Thiếu ${missing.length} báo cáo tháng, gần nhất: ${named.map(viMonth).join(', ')} (hạn ngày ${REPORT_DAY} hằng tháng)`
      : `Thiếu báo cáo tháng ${named.map(viMonth).join(', ')} (hạn ngày ${REPORT_DAY} hằng tháng)`,
    reasonEn: more
      ? `${missing.length} monthly reports missing, latest: ${named.join(', ')} (due on the ${REPORT_DAY}th)`
      : `No monthly report for ${named.join(', ')} (due on the ${REPORT_DAY}th)`,
  };
}

function lateReport(p: WatchedProject): WatchlistFlag | null {
  if (!UNDER_WAY.has(p.status) || p.reports.length === 0) return null;
  const latest = p.reports.reduce((a, b) => (b.month > a.month ? b : a));
  if (!latest.late) return null;
  const receivedOn = vietnamDate(new Date(latest.receivedAt));
  const dueOn = `${latest.month}-${REPORT_DAY}`;
  return {
    code: 'late-report',
    severity: 'warning',
    reasonVi: `Báo cáo tháng ${viMonth(latest.month)} nộp muộn: ngày ${viDate(receivedOn)}, hạn ${viDate(dueOn)}`,
    reasonEn: `The ${latest.month} report came late: on ${receivedOn}, due ${dueOn}`,
  };
}

/** The share of the schedule elapsed on `today`, in whole percent (0 before the start, 100 after the end). */
export function elapsedPercent(startDate: string, endDate: string, today: string): number {
  const span = dayNumber(endDate) - dayNumber(startDate);
  if (span <= 0) return today >= endDate ? 100 : 0;
  const share = (dayNumber(today) - dayNumber(startDate)) / span;
  return Math.floor(Math.min(1, Math.max(0, share)) * 100);
}

function behindSchedule(p: WatchedProject, today: string): WatchlistFlag | null {
  if (!UNDER_WAY.has(p.status)) return null;
  const expected = elapsedPercent(p.startDate, p.endDate, today);
  const done = p.lastProgressPercent ?? 0;
  if (expected - done <= BEHIND_BY_POINTS) return null;
  return {
    code: 'behind-schedule',
    severity: today > p.endDate ? 'overdue' : 'warning',
    reasonVi: `Tiến độ ${done}% trong khi đã qua ${expected}% thời gian thực hiện (chậm ${expected - done} điểm)`,
    reasonEn: `${done}% done with ${expected}% of the schedule elapsed (${expected - done} points behind)`,
  };
}

function noAdvance(p: WatchedProject, today: string): WatchlistFlag | null {
  // Enterprise-founding support is paid after acceptance: no advance is expected.
  if (p.advanceCategory === 'enterprise-founding' || p.firstAdvanceOn !== null) return null;
  if (!(p.status === 'in-plan' || UNDER_WAY.has(p.status))) return null;
  const by = `${p.planYear}-${ADVANCE_BY}`;
  if (today <= by) return null;
  return {
    code: 'no-advance',
    severity: 'warning',
    reasonVi: `Chưa tạm ứng kinh phí sau ngày ${viDate(by)}`,
    reasonEn: `No advance drawn after ${by}`,
  };
}

/**
 * Settlement is due by 22 January after the plan year, or after the year the schedule now ends in for a
 * project extended into the next year.
 */
export function settlementDeadline(planYear: number, endDate: string): string {
  return `${Math.max(planYear, Number(endDate.slice(0, 4))) + 1}-${SETTLE_BY}`;
}

function settlement(p: WatchedProject, today: string): WatchlistFlag | null {
  if (!IN_PLAN.has(p.status) || p.status === 'settled') return null;
  const deadline = settlementDeadline(p.planYear, p.endDate);
  const daysLeft = dayNumber(deadline) - dayNumber(today);
  if (daysLeft > SETTLE_WARNING_DAYS) return null;
  if (daysLeft < 0) {
    return {
      code: 'settlement-deadline',
      severity: 'overdue',
      reasonVi: `Quá hạn quyết toán ${viDate(deadline)} (${-daysLeft} ngày)`,
      reasonEn: `Settlement deadline ${deadline} passed ${-daysLeft} days ago`,
    };
  }
  return {
    code: 'settlement-deadline',
    severity: 'warning',
    reasonVi: `Còn ${daysLeft} ngày đến hạn quyết toán ${viDate(deadline)}`,
    reasonEn: `${daysLeft} days left to the settlement deadline ${deadline}`,
  };
}

/** Every reason the project is at risk on `today` (a date in Vietnam), in a fixed order; empty when none. */
export function watchlistFlags(project: WatchedProject, today: string): WatchlistFlag[] {
  return [
    missingReports(project, today),
    lateReport(project),
    behindSchedule(project, today),
    noAdvance(project, today),
    settlement(project, today),
  ].filter((flag): flag is WatchlistFlag => flag !== null);
}
