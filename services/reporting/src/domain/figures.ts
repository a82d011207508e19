/** The figures a conference report gives per provincial unit; all are counts or integer VND. */
export const FIGURE_KEYS = [
  'plans',
  'planBudgetVnd',
  'projects',
  'projectsRegistered',
  'projectsApproved',
  'requestedSupportVnd',
  'approvedSupportVnd',
  'clustersRegistered',
  'fairs',
  'awardRounds',
  'boothsAllocated',
  'boothsSupported',
  'boothSupportVnd',
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];
export type Figures = Record<FigureKey, number>;

export function zeroFigures(): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, 0])) as Figures;
}

/** Adds `more` into `into`; a sum that a number cannot hold exactly is an error, never a rounded figure. */
export function addFigures(into: Figures, more: Partial<Figures>): Figures {
  for (const key of FIGURE_KEYS) {
    const sum = into[key] + (more[key] ?? 0);
    if (!Number.isSafeInteger(sum)) throw new RangeError(`${key} total ${sum} is not a safe integer`);
    into[key] = sum;
  }
  return into;
}
