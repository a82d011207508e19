import type { Figures } from './scenario';

/** The promises every scenario keeps, checked together so one failure shows every figure. */
export function expectNothingLost(f: Figures): void {
  expect({
    lost: f.lost,
    failed: f.failed,
    visible: f.visible,
    duplicates: f.duplicates,
    deadLetters: f.deadLetters,
    recovered: f.recoveryMs !== null,
    converged: f.convergedMs !== null,
    problems: f.problems.filter((p) => !p.startsWith('not acknowledged')),
  }).toEqual({
    lost: 0,
    failed: 0,
    visible: f.acknowledged,
    duplicates: 0,
    deadLetters: 0,
    recovered: true,
    converged: true,
    problems: [],
  });
}
