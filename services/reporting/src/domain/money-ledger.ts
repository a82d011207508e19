import type { IsoDate } from '@kc/reference-data';

/**
 * The dated money ledger: one movement per fact that moved a project's money, dated the day it happened, so that
 * a figure "as at" a day is the sum of the movements up to it (a running total cannot say what it was before).
 * The events already date every movement: a plan decision's signing day, a disbursement's day, a settlement's
 * day, a stop's day. Counterpart funds are not moved by any event (a pledge fixed at registration), so they are
 * no movement: the pre-fill counts them with the projects in the plan on the day.
 */

export type Fund = 'KCQG' | 'KCDP';

/**
 * allocation: a plan decision changed the project's allocation (the change, either sign); release: a stop gave
 * the unspent allocation back (negative); advance, payment: money paid out; refund: money paid back
 * (negative); settlement: the settled amount.
 */
export const MOVEMENT_KINDS = [
  'allocation',
  'release',
  'advance',
  'payment',
  'refund',
  'settlement',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The money figures of the reports; `paid` is the disbursed money (advances included, refunds deducted). */
export type MoneyMeasure = 'allocated' | 'paid' | 'settled';

export const MEASURE_OF: Record<MovementKind, MoneyMeasure> = {
  allocation: 'allocated',
  release: 'allocated',
  advance: 'paid',
  payment: 'paid',
  refund: 'paid',
  settlement: 'settled',
};

export interface MoneyMovement {
  /** What makes a movement one: a redelivered or republished fact has the same key (see the constructors). */
  key: string;
  projectId: string;
  kind: MovementKind;
  fund: Fund;
  /** Integer VND, signed: what the movement adds to its measure. Never 0 (nothing moved: no movement). */
  amountVnd: number;
  /** The Vietnamese calendar day the money moved, as the producing service recorded it. */
  on: IsoDate;
  planYear: number;
  /** The project's code as the event recorded it (read on the plan year, as the project's own). */
  provinceCode: string;
}

interface ProjectFact {
  projectId: string;
  planYear: number;
  provinceCode: string;
}

/**
 * A plan decision's allocations, each the amount after it and before it: the change is the movement, dated the
 * signing day. An allocation the decision leaves unchanged moves nothing.
 */
export function allocationMovements(decision: {
  decisionId: string;
  planYear: number;
  signedOn: IsoDate;
  allocations: readonly {
    projectId: string;
    provinceCode: string;
    fundingSource: Fund;
    amountVnd: number;
    previousVnd: number;
  }[];
}): MoneyMovement[] {
  return decision.allocations
    .filter((a) => a.amountVnd !== a.previousVnd)
    .map((a) => ({
      key: key('allocation', decision.decisionId, a.projectId, a.fundingSource),
      projectId: a.projectId,
      kind: 'allocation',
      fund: a.fundingSource,
      amountVnd: a.amountVnd - a.previousVnd,
      on: decision.signedOn,
      planYear: decision.planYear,
      provinceCode: a.provinceCode,
    }));
}

/** A disbursement, from the project's own fund; a refund takes money back. Keyed by the disbursement's id. */
export function disbursementMovement(
  d: ProjectFact & {
    disbursementId: string;
    kind: 'advance' | 'payment' | 'refund';
    amountVnd: number;
    on: IsoDate;
  },
  fund: Fund,
): MoneyMovement | null {
  if (d.amountVnd === 0) return null;
  return {
    ...located(d),
    key: key('disbursement', d.disbursementId),
    kind: d.kind,
    fund,
    amountVnd: d.kind === 'refund' ? -d.amountVnd : d.amountVnd,
    on: d.on,
  };
}

/** The settlement (quyết toán): a project is settled once in its lifecycle, so the project keys it. */
export function settlementMovement(
  s: ProjectFact & { settledVnd: number; settledOn: IsoDate },
  fund: Fund,
): MoneyMovement | null {
  if (s.settledVnd === 0) return null;
  return {
    ...located(s),
    key: key('settlement', s.projectId),
    kind: 'settlement',
    fund,
    amountVnd: s.settledVnd,
    on: s.settledOn,
  };
}

/** A stop gives the unspent allocation back on the stop's day; a project is stopped once, so the project keys it. */
export function releaseMovement(
  stop: ProjectFact & { fundingSource: Fund; unspentVnd: number; stoppedOn: IsoDate },
): MoneyMovement | null {
  if (stop.unspentVnd === 0) return null;
  return {
    ...located(stop),
    key: key('release', stop.projectId),
    kind: 'release',
    fund: stop.fundingSource,
    amountVnd: -stop.unspentVnd,
    on: stop.stoppedOn,
  };
}

/**
 * Whether a movement found under a key is the one given again. The code is left out: a movement written by the
 * backfill took the project's code, the event its own.
 */
export function sameMovement(a: MoneyMovement, b: MoneyMovement): boolean {
  return (
    a.key === b.key &&
    a.projectId === b.projectId &&
    a.kind === b.kind &&
    a.fund === b.fund &&
    a.amountVnd === b.amountVnd &&
    a.on === b.on &&
    a.planYear === b.planYear
  );
}

/** The cell of a department form that movements of `kind` from `fund` under activity content `content` add to. */
export function moneyCell(fund: Fund, kind: MovementKind, content: number): { source: string; cell: string } {
  const measure = MEASURE_OF[kind];
  const [level, prefix] = fund === 'KCQG' ? ['national', 'kcqg'] : ['provincial', 'kcdp'];
  const name = { allocated: 'Allocated', paid: 'Disbursed', settled: 'Settled' }[measure];
  return { source: `money.${level}.${measure}`, cell: `${prefix}${name}Vnd/content-${content}` };
}

const located = (fact: ProjectFact) => ({
  projectId: fact.projectId,
  planYear: fact.planYear,
  provinceCode: fact.provinceCode,
});

// Ids are uuids in any case; Postgres writes them in lower case (the backfill builds the same keys there).
const key = (...parts: string[]) => parts.map((p) => p.toLowerCase()).join(':');
