import { addFigures, projectFigures, zeroFigures, type ProjectGroupFigures } from './figures';
import { completionPercent } from './project-stages';

const group = (
  status: ProjectGroupFigures['status'],
  count: number,
  allocatedVnd = 0,
): ProjectGroupFigures => ({
  status,
  count,
  requestedSupportVnd: 0,
  appraisedSupportVnd: 0,
  allocatedVnd,
  contractedVnd: 0,
  advancedVnd: 0,
  paidVnd: 0,
  settledVnd: 0,
  counterpartVnd: 0,
});

describe('conference figures', () => {
  it('adds figure by figure', () => {
    expect(addFigures(zeroFigures(), { provincialPlans: 1, provincialPlanBudgetVnd: 5 })).toMatchObject({
      provincialPlans: 1,
      provincialPlanBudgetVnd: 5,
      fairsHosted: 0,
    });
  });

  it('starts the booth figures at zero and adds them like the others', () => {
    expect(addFigures(zeroFigures(), { boothsAllocated: 3, boothSupportVnd: 9_600_000 })).toMatchObject({
      boothsAllocated: 3,
      boothsSupported: 0,
      boothSupportVnd: 9_600_000,
    });
  });

  it('refuses a VND total that a number cannot hold exactly', () => {
    const big = addFigures(zeroFigures(), { allocatedVnd: Number.MAX_SAFE_INTEGER });
    expect(() => addFigures(big, { allocatedVnd: 1 })).toThrow(RangeError);
    const many = addFigures(zeroFigures(), { projectsByStatus: { settled: Number.MAX_SAFE_INTEGER } });
    expect(() => addFigures(many, { projectsByStatus: { settled: 1 } })).toThrow(RangeError);
  });

  it('counts projects by status and by stage: in the plan, completed, stopped outside both', () => {
    const figures = zeroFigures();
    for (const g of [
      group('settled', 250, 110_000_000_000),
      group('liquidated', 8, 6_000_000_000),
      group('accepted', 3, 3_000_000_000),
      group('in-progress', 1, 1_000_000_000),
      group('stopped', 2, 400_000_000),
      group('registered', 4),
    ])
      addFigures(figures, projectFigures(g));
    expect(figures).toMatchObject({
      projects: 268,
      projectsInPlan: 262,
      projectsCompleted: 261,
      allocatedVnd: 120_400_000_000,
    });
    expect(figures.projectsByStatus).toMatchObject({
      settled: 250,
      liquidated: 8,
      accepted: 3,
      'in-progress': 1,
      stopped: 2,
      registered: 4,
      draft: 0,
    });
  });

  it('gives completion in percent with one decimal, none when nothing is in the plan', () => {
    expect(completionPercent(261, 262)).toBe(99.6);
    expect(completionPercent(2, 3)).toBe(66.7);
    expect(completionPercent(5, 5)).toBe(100);
    expect(completionPercent(0, 0)).toBeNull();
  });
});
