import { RuleViolationError } from '@kc/errors';
import type { ProjectRef } from './project-ref';

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The calendar day of an instant in Vietnam (UTC+7, no daylight saving). */
export const vietnamDay = (at: Date): string =>
  new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** A report is on time if the province sent it by the deadline day; a later one is accepted but flagged. */
export const isLate = (sentOn: string, deadline: string): boolean => sentOn > deadline;

/**
 * The day a report was sent: as given (a report entered after it was sent, e.g. from the paper dispatch), then
 * never before the report's own date nor in the future; else the day it is entered, in Vietnam.
 */
export function sentOnOf(report: { reportDate: string; sentOn?: string }, enteredAt: Date): string {
  const today = vietnamDay(enteredAt);
  if (report.sentOn === undefined) return today;
  const sentOn = report.sentOn;
  if (sentOn < report.reportDate) {
    throw new RuleViolationError(
      `Ngày gửi ${sentOn} trước ngày báo cáo ${report.reportDate} / the report cannot be sent (${sentOn}) ` +
        `before its own date (${report.reportDate})`,
      'registration.sent-before-dated',
      'sentOn',
    );
  }
  if (sentOn > today) {
    throw new RuleViolationError(
      `Ngày gửi ${sentOn} chưa đến / the sending day ${sentOn} is in the future (today is ${today} in Vietnam)`,
      'registration.sent-in-future',
      'sentOn',
    );
  }
  return sentOn;
}

export interface RegistrationTarget {
  planId: string;
  level: 'national' | 'provincial';
  provinceCode: string | null;
}

/**
 * A province lists its own base-appraised projects of this plan; a provincial plan takes only its own
 * province's report. `withinNorm` is null for a project without a norm.
 */
export function assertRegistrable(
  plan: RegistrationTarget,
  provinceCode: string,
  listed: { projectId: string; project: ProjectRef | undefined; withinNorm: boolean | null }[],
): void {
  if (plan.level === 'provincial' && plan.provinceCode !== provinceCode) {
    throw new RuleViolationError(
      `The provincial plan of ${plan.provinceCode} takes registrations of its own province only`,
      'registration.other-province',
      'provinceCode',
    );
  }
  listed.forEach(({ projectId, project, withinNorm }, i) => {
    const field = `projectIds[${i}]`;
    if (!project || project.planId !== plan.planId || project.provinceCode !== provinceCode) {
      throw new RuleViolationError(
        `Project ${projectId} is not a project of province ${provinceCode} in this plan`,
        'registration.unknown-project',
        field,
      );
    }
    if (project.status !== 'base-appraised') {
      throw new RuleViolationError(
        `Project ${project.code} is ${project.status}; only base-appraised projects are registered`,
        'registration.project-not-base-appraised',
        field,
      );
    }
    if (withinNorm === false) {
      throw new RuleViolationError(
        `Project ${project.code} asks for more support than funding norm ${project.normCode} allows`,
        'registration.over-norm',
        field,
      );
    }
  });
}
