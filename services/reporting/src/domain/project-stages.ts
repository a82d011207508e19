import type { ConferenceProjectStatus as ProjectStatus } from '@kc/contracts';

/**
 * Where a status stands for the reports. "In the plan" means a decision allocated support (in-plan and every
 * later stage); stopped and rejected projects are outside it, so they neither count for nor against completion.
 */
export const IN_PLAN: ReadonlySet<ProjectStatus> = new Set<ProjectStatus>([
  'in-plan',
  'contracted',
  'in-progress',
  'extended',
  'accepted',
  'liquidated',
  'settled',
]);

/** The work is done and accepted: accepted, liquidated or settled. */
export const COMPLETED: ReadonlySet<ProjectStatus> = new Set<ProjectStatus>([
  'accepted',
  'liquidated',
  'settled',
]);

/** Under contract and not yet accepted: monthly reports are due and progress is measured. */
export const UNDER_WAY: ReadonlySet<ProjectStatus> = new Set<ProjectStatus>([
  'contracted',
  'in-progress',
  'extended',
]);

/** completed ÷ inPlan in percent with one decimal (261 of 262 → 99.6); null when nothing is in the plan. */
export function completionPercent(completed: number, inPlan: number): number | null {
  if (inPlan === 0) return null;
  return Math.round((completed * 1000) / inPlan) / 10;
}
