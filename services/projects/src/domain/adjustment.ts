import type { ProjectStatus } from '@kc/contracts';
import { CENTRAL_ROLES, projectStatusLabel } from '@kc/contracts';
import { ConflictError, ForbiddenError, RuleViolationError } from '@kc/errors';
import { actorLabel, type LifecycleActor, type LifecycleProject } from './lifecycle';

export type AdjustmentKind =
  | 'support-increase'
  | 'content-change'
  | 'extension'
  | 'stop'
  | 'location'
  | 'beneficiary'
  | 'partner'
  | 'timing'
  | 'group-detail';
export type ApprovalLevel = 'minister' | 'agency' | 'province';

/** The approval each kind needs for a national-plan project (domain notes §5: adjustments). */
const NATIONAL_LEVEL: Record<AdjustmentKind, ApprovalLevel> = {
  'support-increase': 'minister',
  'content-change': 'minister',
  extension: 'minister',
  stop: 'minister',
  location: 'agency',
  beneficiary: 'agency',
  partner: 'agency',
  timing: 'agency',
  'group-detail': 'province',
};

/** A provincial-plan project is the province's own procedure: every level is its provincial department's. */
export const approvalLevel = (kind: AdjustmentKind, project: { planLevel: 'national' | 'provincial' }) =>
  project.planLevel === 'provincial' ? 'province' : NATIONAL_LEVEL[kind];

/** Kinds that change no status may be made while the project is approved and not yet accepted. */
const ADJUSTABLE: readonly ProjectStatus[] = ['in-plan', 'contracted', 'in-progress', 'extended'];

export interface AdjustmentTarget extends LifecycleProject {
  kind: 'ordinary' | 'flagship' | 'group';
}

/**
 * Checks who may make an adjustment of this kind and that it is allowed now. Extension and stop are
 * lifecycle transitions (their status rules are the lifecycle's); the others need an approved project.
 * A decision-level kind (the Minister's, or the province's for a provincial plan) needs its decision number.
 */
export function assertMayAdjust(
  project: AdjustmentTarget,
  kind: AdjustmentKind,
  actor: LifecycleActor,
  decisionNumber: string | undefined,
): ApprovalLevel {
  const level = approvalLevel(kind, project);
  const central = actor.kind === 'user' && CENTRAL_ROLES.includes(actor.role);
  const ownProvince =
    actor.kind === 'user' && actor.role === 'province-officer' && actor.provinceCode === project.provinceCode;
  if (kind === 'group-detail' && project.kind !== 'group') {
    throw new RuleViolationError(
      {
        vi: 'Chỉ đề án nhóm được bổ sung chi tiết cơ sở',
        en: 'only a group project names its beneficiaries later',
      },
      'project.not-a-group',
      'kind',
    );
  }
  if (kind !== 'extension' && kind !== 'stop' && !ADJUSTABLE.includes(project.status)) {
    throw new ConflictError(
      {
        vi:
          `Không thể điều chỉnh "${kind}" khi đề án ở trạng thái "${projectStatusLabel(project.status)}"; ` +
          `chỉ được từ: ${ADJUSTABLE.map(projectStatusLabel).join(', ')}`,
        en:
          `adjustment "${kind}" is not allowed from status "${project.status}"; allowed from: ` +
          ADJUSTABLE.join(', '),
      },
      'project.illegal-transition',
      'status',
    );
  }
  const allowed = level === 'province' ? ownProvince : central;
  if (!allowed) {
    const who = actorLabel(actor);
    throw new ForbiddenError(
      {
        vi:
          `${who.vi} không được duyệt điều chỉnh "${kind}"; việc này cần ` +
          (level === 'province'
            ? `cấp tỉnh (Sở Công Thương tỉnh ${project.provinceCode})`
            : 'cấp trung ương (Cục)'),
        en:
          `${who.en} may not approve a "${kind}" adjustment; it needs the ${level} level ` +
          (level === 'province'
            ? `(the provincial department of unit ${project.provinceCode})`
            : '(the agency)'),
      },
      'project.adjustment-level',
    );
  }
  const needsDecision = NATIONAL_LEVEL[kind] === 'minister';
  if (needsDecision && !decisionNumber) {
    throw new RuleViolationError(
      {
        vi: `Điều chỉnh "${kind}" cần số quyết định`,
        en: `a "${kind}" adjustment needs the decision number`,
      },
      'project.decision-required',
      'decisionNumber',
    );
  }
  return level;
}

/** An extension moves the end date into the year after the plan year. */
export function assertExtension(project: { planYear: number; endDate: string }, newEndDate: string): void {
  if (Number(newEndDate.slice(0, 4)) !== project.planYear + 1 || newEndDate <= project.endDate) {
    throw new RuleViolationError(
      {
        vi: `Gia hạn phải chuyển ngày kết thúc (hiện là ${project.endDate}) sang năm ${project.planYear + 1}`,
        en: `an extension moves the end date (now ${project.endDate}) into ${project.planYear + 1}`,
      },
      'project.extension-year',
      'newEndDate',
    );
  }
}

/** A timing change stays inside the year the project ends in (more time across years is an extension). */
export function assertInYearTiming(project: { endDate: string }, endDate: string): void {
  if (endDate.slice(0, 4) !== project.endDate.slice(0, 4)) {
    throw new RuleViolationError(
      {
        vi:
          `Điều chỉnh thời gian phải giữ ngày kết thúc trong năm ${project.endDate.slice(0, 4)}; muốn xa hơn ` +
          'thì gia hạn',
        en:
          `a timing change must keep the end date in ${project.endDate.slice(0, 4)}; use an extension to go ` +
          'further',
      },
      'project.timing-across-years',
      'endDate',
    );
  }
}
