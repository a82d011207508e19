import { projectStatuses, type ProjectStatus } from '@kc/contracts';
import { ConflictError, ForbiddenError } from '@kc/errors';
import { transition, type LifecycleActor, type PlanLevel, type TransitionAction } from './lifecycle';

/** Actors of the table; the project belongs to unit 40. */
const ACTORS: Record<string, LifecycleActor> = {
  'central-admin': { kind: 'user', role: 'central-admin' },
  'central-officer': { kind: 'user', role: 'central-officer' },
  'sct-40': { kind: 'user', role: 'province-officer', provinceCode: '40' },
  'sct-01': { kind: 'user', role: 'province-officer', provinceCode: '01' },
  business: { kind: 'user', role: 'business' },
  viewer: { kind: 'user', role: 'viewer' },
  plans: { kind: 'plans' },
};
const C = ['central-admin', 'central-officer'];
const P = ['sct-40'];

/**
 * The design's lifecycle table written out independently of the implementation: action, from, to (passed /
 * failed) and who may act for a national-plan and a provincial-plan project.
 */
const LEGAL: {
  action: TransitionAction;
  from: ProjectStatus[];
  to: (from: ProjectStatus) => ProjectStatus;
  failedTo?: ProjectStatus;
  who: Record<PlanLevel, string[]>;
}[] = [
  {
    action: 'register',
    from: ['draft'],
    to: () => 'registered',
    who: { national: [...C, ...P], provincial: [...C, ...P] },
  },
  {
    action: 'base-appraise',
    from: ['registered'],
    to: () => 'base-appraised',
    failedTo: 'rejected',
    who: { national: P, provincial: P },
  },
  {
    action: 'submit',
    from: ['base-appraised'],
    to: () => 'submitted',
    who: { national: ['plans'], provincial: ['plans'] },
  },
  {
    action: 'ministry-appraise',
    from: ['submitted'],
    to: () => 'ministry-appraised',
    failedTo: 'rejected',
    who: { national: C, provincial: P },
  },
  {
    action: 'assign',
    from: ['ministry-appraised'],
    to: () => 'in-plan',
    who: { national: ['plans'], provincial: ['plans'] },
  },
  { action: 'contract', from: ['in-plan'], to: () => 'contracted', who: { national: C, provincial: P } },
  {
    action: 'report-progress',
    from: ['contracted', 'in-progress', 'extended'],
    to: (from) => (from === 'contracted' ? 'in-progress' : from),
    who: { national: [...C, ...P], provincial: [...C, ...P] },
  },
  {
    action: 'accept',
    from: ['in-progress', 'extended'],
    to: () => 'accepted',
    who: { national: P, provincial: P },
  },
  { action: 'liquidate', from: ['accepted'], to: () => 'liquidated', who: { national: C, provincial: P } },
  { action: 'settle', from: ['liquidated'], to: () => 'settled', who: { national: C, provincial: P } },
  {
    action: 'extend',
    from: ['contracted', 'in-progress'],
    to: () => 'extended',
    who: { national: C, provincial: P },
  },
  {
    action: 'stop',
    from: ['in-plan', 'contracted', 'in-progress', 'extended'],
    to: () => 'stopped',
    who: { national: C, provincial: P },
  },
];

const cases = LEGAL.flatMap((rule) =>
  (['national', 'provincial'] as const).flatMap((planLevel) =>
    projectStatuses.flatMap((status) =>
      Object.keys(ACTORS).map((actor) => ({ rule, planLevel, status, actor })),
    ),
  ),
);

describe('project lifecycle', () => {
  it('covers every action of the design', () => {
    expect(LEGAL.map((r) => r.action).sort()).toEqual(
      [
        'register',
        'base-appraise',
        'submit',
        'ministry-appraise',
        'assign',
        'contract',
        'report-progress',
        'accept',
        'liquidate',
        'settle',
        'extend',
        'stop',
      ].sort(),
    );
  });

  it.each(cases.map((c) => [c.rule.action, c.status, c.actor, c.planLevel, c] as const))(
    '%s from %s by %s (%s plan)',
    (_a, _s, _w, _l, { rule, planLevel, status, actor }) => {
      const project = { status, planLevel, provinceCode: '40' };
      const act = () => transition(project, rule.action, ACTORS[actor]);
      if (!rule.from.includes(status)) {
        expect(act).toThrow(ConflictError);
        expect(act).toThrow(new RegExp(`"${rule.action}" is not allowed from status "${status}"`));
      } else if (!rule.who[planLevel].includes(actor)) {
        expect(act).toThrow(ForbiddenError);
      } else {
        const to = rule.to(status);
        expect(act()).toEqual({ from: status, to, action: rule.action, changed: to !== status });
        if (rule.failedTo) {
          expect(transition(project, rule.action, ACTORS[actor], 'failed').to).toBe(rule.failedTo);
        }
      }
    },
  );

  it('refuses with the project unchanged (pure: the input object is not touched)', () => {
    const project = Object.freeze({
      status: 'draft' as const,
      planLevel: 'national' as const,
      provinceCode: '40',
    });
    expect(() => transition(project, 'contract', ACTORS['central-officer'])).toThrow(ConflictError);
    expect(transition(project, 'register', ACTORS['sct-40']).to).toBe('registered');
    expect(project.status).toBe('draft');
  });
});
