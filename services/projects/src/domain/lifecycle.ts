import {
  CENTRAL_ROLES,
  projectStatusLabel,
  type ProjectAction,
  type ProjectStatus,
  type Role,
} from '@kc/contracts';
import { ConflictError, ForbiddenError, type Bilingual } from '@kc/errors';

/**
 * The project lifecycle as a guarded state machine (design: plans-and-projects.md, "Lifecycle"). Pure: the
 * application layer loads the project, asks `transition` and writes the answer with its events.
 */

export type PlanLevel = 'national' | 'provincial';

/** The facts of a project the lifecycle looks at. */
export interface LifecycleProject {
  status: ProjectStatus;
  planLevel: PlanLevel;
  provinceCode: string;
}

/**
 * Who acts: a person or system with a role (a province officer bound to one unit), or the plans service,
 * whose events move a project into `submitted` and `in-plan`.
 */
export type LifecycleActor = { kind: 'user'; role: Role; provinceCode?: string } | { kind: 'plans' };

/** Who may take an action on a given project. */
type Who =
  /** Agency (central roles) or the project's own provincial department. */
  | 'staff'
  /** The project's own provincial department (SCT). */
  | 'province'
  /** The agency for a national-plan project, the project's province for a provincial-plan one. */
  | 'plan-owner'
  /** Only by a plans event. */
  | 'plans';

interface Rule {
  from: readonly ProjectStatus[];
  /** Where the project goes; a function when the outcome (passed/failed) decides. */
  to: ProjectStatus | ((from: ProjectStatus, outcome: Outcome) => ProjectStatus);
  who: Who;
}

export type Outcome = 'passed' | 'failed';

/** `create` has no `from`: it is decided by `mayCreate`. */
export type TransitionAction = Exclude<ProjectAction, 'create'>;

const passedOrRejected =
  (passed: ProjectStatus) =>
  (_from: ProjectStatus, outcome: Outcome): ProjectStatus =>
    outcome === 'passed' ? passed : 'rejected';

export const LIFECYCLE: Readonly<Record<TransitionAction, Rule>> = {
  register: { from: ['draft'], to: 'registered', who: 'staff' },
  'base-appraise': { from: ['registered'], to: passedOrRejected('base-appraised'), who: 'province' },
  submit: { from: ['base-appraised'], to: 'submitted', who: 'plans' },
  'ministry-appraise': { from: ['submitted'], to: passedOrRejected('ministry-appraised'), who: 'plan-owner' },
  assign: { from: ['ministry-appraised'], to: 'in-plan', who: 'plans' },
  contract: { from: ['in-plan'], to: 'contracted', who: 'plan-owner' },
  // Later monthly reports keep the status; only the first one moves a contracted project into progress.
  'report-progress': {
    from: ['contracted', 'in-progress', 'extended'],
    to: (from) => (from === 'contracted' ? 'in-progress' : from),
    who: 'staff',
  },
  accept: { from: ['in-progress', 'extended'], to: 'accepted', who: 'province' },
  liquidate: { from: ['accepted'], to: 'liquidated', who: 'plan-owner' },
  settle: { from: ['liquidated'], to: 'settled', who: 'plan-owner' },
  extend: { from: ['contracted', 'in-progress'], to: 'extended', who: 'plan-owner' },
  stop: { from: ['in-plan', 'contracted', 'in-progress', 'extended'], to: 'stopped', who: 'plan-owner' },
};

export interface Transition {
  from: ProjectStatus;
  to: ProjectStatus;
  action: TransitionAction;
  /** false for a step that keeps the status (a later monthly report): no status-changed event then. */
  changed: boolean;
}

const isCentral = (actor: LifecycleActor) => actor.kind === 'user' && CENTRAL_ROLES.includes(actor.role);
const isOwnProvince = (actor: LifecycleActor, project: LifecycleProject) =>
  actor.kind === 'user' && actor.role === 'province-officer' && actor.provinceCode === project.provinceCode;

function mayAct(who: Who, project: LifecycleProject, actor: LifecycleActor): boolean {
  switch (who) {
    case 'plans':
      return actor.kind === 'plans';
    case 'staff':
      return isCentral(actor) || isOwnProvince(actor, project);
    case 'province':
      return isOwnProvince(actor, project);
    case 'plan-owner':
      return project.planLevel === 'national' ? isCentral(actor) : isOwnProvince(actor, project);
  }
}

const WHO_LABEL: Record<Who, (project: LifecycleProject) => Bilingual> = {
  plans: () => ({ vi: 'dịch vụ kế hoạch (qua sự kiện của nó)', en: 'the plans service (by its events)' }),
  staff: (p) => ({
    vi: `Cục hoặc Sở Công Thương tỉnh ${p.provinceCode}`,
    en: `the agency or the provincial department of unit ${p.provinceCode}`,
  }),
  province: (p) => ({
    vi: `Sở Công Thương tỉnh ${p.provinceCode}`,
    en: `the provincial department of unit ${p.provinceCode}`,
  }),
  'plan-owner': (p) =>
    p.planLevel === 'national'
      ? { vi: 'Cục (chủ kế hoạch quốc gia)', en: 'the agency (owner of the national plan)' }
      : {
          vi: `Sở Công Thương tỉnh ${p.provinceCode} (chủ kế hoạch của tỉnh)`,
          en: `the provincial department of unit ${p.provinceCode} (owner of the provincial plan)`,
        },
};

/** Who is acting, as a message names them. */
export const actorLabel = (actor: LifecycleActor): Bilingual =>
  actor.kind === 'plans'
    ? { vi: 'Dịch vụ kế hoạch', en: 'the plans service' }
    : { vi: `Vai trò ${actor.role}`, en: `role ${actor.role}` };

/**
 * Decides one step of the lifecycle. An action not legal in the current status is a conflict (409) naming
 * the status, the action and where it would be legal; a legal action by the wrong actor is forbidden (403).
 */
export function transition(
  project: LifecycleProject,
  action: TransitionAction,
  actor: LifecycleActor,
  outcome: Outcome = 'passed',
): Transition {
  const rule = LIFECYCLE[action];
  if (!rule.from.includes(project.status)) {
    throw new ConflictError(
      {
        vi:
          `Không thể thực hiện "${action}" với đề án ở trạng thái "${projectStatusLabel(project.status)}"; ` +
          `chỉ được từ: ${rule.from.map(projectStatusLabel).join(', ')}`,
        en:
          `action "${action}" is not allowed from status "${project.status}"; allowed from: ` +
          rule.from.join(', '),
      },
      'project.illegal-transition',
      'status',
    );
  }
  if (!mayAct(rule.who, project, actor)) {
    const who = actorLabel(actor);
    throw new ForbiddenError(
      {
        vi: `${who.vi} không được thực hiện "${action}" với đề án này; chỉ ${WHO_LABEL[rule.who](project).vi} được phép`,
        en: `${who.en} may not ${action} this project; only ${WHO_LABEL[rule.who](project).en} may`,
      },
      'project.actor-not-allowed',
    );
  }
  const to = typeof rule.to === 'function' ? rule.to(project.status, outcome) : rule.to;
  return { from: project.status, to, action, changed: to !== project.status };
}

/** A project holds its beneficiaries' funding (for the double-funding rule) in these statuses. */
export function holdsFunding(status: ProjectStatus): boolean {
  return status !== 'draft' && status !== 'rejected' && status !== 'stopped';
}
