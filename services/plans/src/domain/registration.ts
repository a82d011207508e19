import { RuleViolationError } from '@kc/errors';
import type { ProjectRef } from './project-ref';

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The calendar day of an instant in Vietnam (UTC+7, no daylight saving). */
export const vietnamDay = (at: Date): string =>
  new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** A report is on time through the whole deadline day in Vietnam; later ones are accepted but flagged. */
export const isLate = (submittedAt: Date, deadline: string): boolean => vietnamDay(submittedAt) > deadline;

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
