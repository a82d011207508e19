import { ConflictError, RuleViolationError } from '@kc/errors';

export type ProjectStatus = 'registered' | 'approved';

export interface PlanFacts {
  id: string;
  year: number;
  level: 'national' | 'provincial';
  provinceCode: string | null;
}

/** A provincial plan funds only projects of its own province; the national plan funds any province. */
export function assertPlanAcceptsProvince(plan: PlanFacts, provinceCode: string): void {
  if (plan.level === 'provincial' && plan.provinceCode !== provinceCode) {
    throw new RuleViolationError(
      `The provincial plan of unit ${plan.provinceCode} cannot fund a project of unit ${provinceCode}`,
      'project.plan-province-mismatch',
      'provinceCode',
    );
  }
}

/** `KCQG-2026-40-007` for the national plan, `KCDP-2026-40-007` for a provincial one. */
export function projectCode(plan: PlanFacts, provinceCode: string, sequence: number): string {
  const fund = plan.level === 'national' ? 'KCQG' : 'KCDP';
  return `${fund}-${plan.year}-${provinceCode}-${String(sequence).padStart(3, '0')}`;
}

/** Approval fixes the support a project receives: never more than it asked for, and only once. */
export function approve(
  project: { status: ProjectStatus; requestedSupportVnd: number },
  approvedSupportVnd: number,
): { status: 'approved'; approvedSupportVnd: number } {
  if (project.status !== 'registered') {
    throw new ConflictError(
      `A project in status "${project.status}" cannot be approved`,
      'project.illegal-transition',
    );
  }
  if (approvedSupportVnd > project.requestedSupportVnd) {
    throw new RuleViolationError(
      `Approved support ${approvedSupportVnd} VND exceeds the requested ${project.requestedSupportVnd} VND`,
      'project.approved-above-requested',
      'approvedSupportVnd',
    );
  }
  return { status: 'approved', approvedSupportVnd };
}
