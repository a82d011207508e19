import { RuleViolationError } from '@kc/errors';
import type { NormAllowance } from './funding-norm';
import { allocationKey, allocationLines, deltasBySource, type DecisionContext } from './assignment';
import type { ProjectRef } from './project-ref';

/** A national norm version allowing `maxSupportVnd` to the project. */
const allowance = (maxSupportVnd: number): NormAllowance => ({
  maxSupportVnd,
  code: 'demonstration-model',
  version: 1,
  nameVi: 'Xây dựng mô hình trình diễn kỹ thuật',
  nameEn: 'Technical demonstration model',
  legalBasis: 'Thông tư 28/2018/TT-BTC',
  provinceCode: null,
});

const ref = (projectId: string, over: Partial<ProjectRef> = {}): ProjectRef => ({
  projectId,
  code: `KCQG-2026-40-${projectId}`,
  planId: 'plan',
  provinceCode: '40',
  fundingSource: 'KCQG',
  status: 'ministry-appraised',
  totalCostVnd: 3_000_000_000,
  requestedSupportVnd: 900_000_000,
  appraisedSupportVnd: 800_000_000,
  normCode: 'demonstration-model',
  normUnits: 1,
  startDate: '2026-03-01',
  ...over,
});

const context = (projects: ProjectRef[], over: Partial<DecisionContext> = {}): DecisionContext => ({
  planId: 'plan',
  kind: 'initial',
  projects: new Map(projects.map((p) => [p.projectId, p])),
  current: new Map(),
  normMax: new Map(projects.map((p) => [p.projectId, allowance(900_000_000)])),
  ...over,
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuleViolationError);
    return error as RuleViolationError;
  }
  throw new Error('expected a refusal');
};

describe('plan-assignment decision lines', () => {
  it('allocates to ministry-appraised projects within appraised support, previous 0', () => {
    const lines = allocationLines(context([ref('a'), ref('b')]), [
      { projectId: 'a', fundingSource: 'KCQG', amountVnd: 800_000_000 },
      { projectId: 'b', fundingSource: 'KCQG', amountVnd: 500_000_000 },
    ]);
    expect(lines).toEqual([
      { projectId: 'a', fundingSource: 'KCQG', amountVnd: 800_000_000, provinceCode: '40', previousVnd: 0 },
      { projectId: 'b', fundingSource: 'KCQG', amountVnd: 500_000_000, provinceCode: '40', previousVnd: 0 },
    ]);
    expect(deltasBySource(lines)).toEqual(new Map([['KCQG', 1_300_000_000]]));
  });

  it.each([
    ['an unknown project', [], 'decision.unknown-project', 'allocations[0].projectId'],
    [
      'a project of another plan',
      [ref('a', { planId: 'other' })],
      'decision.unknown-project',
      'allocations[0].projectId',
    ],
    [
      'a project not yet ministry-appraised',
      [ref('a', { status: 'submitted' })],
      'decision.project-not-appraised',
      'allocations[0].projectId',
    ],
    [
      'more than the appraised support',
      [ref('a', { appraisedSupportVnd: 700_000_000 })],
      'decision.over-appraised-support',
      'allocations[0].amountVnd',
    ],
  ])('refuses %s', (_name, projects, code, field) => {
    const error = refusal(() =>
      allocationLines(context(projects), [{ projectId: 'a', fundingSource: 'KCQG', amountVnd: 800_000_000 }]),
    );
    expect(error).toMatchObject({ code, field });
  });

  it('refuses more than the funding norm allows', () => {
    const error = refusal(() =>
      allocationLines(context([ref('a')], { normMax: new Map([['a', allowance(600_000_000)]]) }), [
        { projectId: 'a', fundingSource: 'KCQG', amountVnd: 700_000_000 },
      ]),
    );
    expect(error).toMatchObject({ code: 'decision.over-norm' });
    expect(error.messages.vi).toBe(
      'Đề án KCQG-2026-40-a sẽ được phân bổ 700.000.000 VND, vượt mức tối đa 600.000.000 VND của định mức ' +
        '"Xây dựng mô hình trình diễn kỹ thuật" (mã demonstration-model, Thông tư 28/2018/TT-BTC, phiên bản 1)',
    );
    expect(error.messages.en).toContain('above the 600.000.000 VND cap of funding norm');
  });

  it('counts every source of a project against its appraised support', () => {
    const current = new Map([[allocationKey('a', 'KCDP'), 300_000_000]]);
    const error = refusal(() =>
      allocationLines(context([ref('a')], { kind: 'adjustment', current }), [
        { projectId: 'a', fundingSource: 'KCQG', amountVnd: 600_000_000 },
      ]),
    );
    expect(error).toMatchObject({ code: 'decision.over-appraised-support' });
  });

  it('changes a project already in the plan only by an adjustment, and reports the previous amount', () => {
    const inPlan = [ref('a', { status: 'in-plan' })];
    const current = new Map([[allocationKey('a', 'KCQG'), 500_000_000]]);
    expect(
      refusal(() =>
        allocationLines(context(inPlan, { current }), [
          { projectId: 'a', fundingSource: 'KCQG', amountVnd: 600_000_000 },
        ]),
      ),
    ).toMatchObject({ code: 'decision.already-in-plan' });
    const lines = allocationLines(context(inPlan, { current, kind: 'adjustment' }), [
      { projectId: 'a', fundingSource: 'KCQG', amountVnd: 300_000_000 },
    ]);
    expect(lines[0]).toMatchObject({ previousVnd: 500_000_000, amountVnd: 300_000_000 });
    expect(deltasBySource(lines)).toEqual(new Map([['KCQG', -200_000_000]]));
  });

  it('does not lower a contracted project but may raise it', () => {
    const contracted = [ref('a', { status: 'contracted' })];
    const current = new Map([[allocationKey('a', 'KCQG'), 500_000_000]]);
    const adjust = (amountVnd: number) =>
      allocationLines(context(contracted, { current, kind: 'adjustment' }), [
        { projectId: 'a', fundingSource: 'KCQG', amountVnd },
      ]);
    expect(refusal(() => adjust(400_000_000))).toMatchObject({ code: 'decision.lowering-after-contract' });
    expect(adjust(700_000_000)[0].previousVnd).toBe(500_000_000);
  });
});
