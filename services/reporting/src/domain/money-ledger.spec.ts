import { cellsOf, DEPARTMENT_QUARTERLY } from './periodic-reports';
import {
  allocationMovements,
  MOVEMENT_KINDS,
  disbursementMovement,
  moneyCell,
  releaseMovement,
  sameMovement,
  settlementMovement,
} from './money-ledger';

const PROJECT = '5B0C6A1E-2F3D-4E8A-9C7B-1D2E3F4A5B6C';
const OTHER = '0a7e4b2c-3d1f-4e5a-8b6c-7d8e9f0a1b2c';
const DECISION = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';
const project = { projectId: PROJECT, planYear: 2026, provinceCode: '40' };

describe('money ledger movements', () => {
  it("takes a decision's changes of allocation on its signing day, both ways, and skips what it left alone", () => {
    const movements = allocationMovements({
      decisionId: DECISION,
      planYear: 2026,
      signedOn: '2026-05-04',
      allocations: [
        {
          projectId: PROJECT,
          provinceCode: '40',
          fundingSource: 'KCQG',
          amountVnd: 950_000_000,
          previousVnd: 800_000_000,
        },
        {
          projectId: OTHER,
          provinceCode: '42',
          fundingSource: 'KCQG',
          amountVnd: 100_000_000,
          previousVnd: 300_000_000,
        },
        {
          projectId: OTHER,
          provinceCode: '42',
          fundingSource: 'KCDP',
          amountVnd: 50_000_000,
          previousVnd: 50_000_000,
        },
      ],
    });
    expect(movements).toEqual([
      {
        key: `allocation:${DECISION}:${PROJECT.toLowerCase()}:kcqg`,
        projectId: PROJECT,
        kind: 'allocation',
        fund: 'KCQG',
        amountVnd: 150_000_000,
        on: '2026-05-04',
        planYear: 2026,
        provinceCode: '40',
      },
      expect.objectContaining({ projectId: OTHER, amountVnd: -200_000_000, provinceCode: '42' }),
    ]);
  });

  it('adds advances and payments and takes refunds back, keyed by the disbursement whatever event carries it', () => {
    const disbursement = (kind: 'advance' | 'payment' | 'refund', amountVnd: number) =>
      disbursementMovement(
        {
          ...project,
          disbursementId: 'D1E2F3A4-0000-4000-8000-000000000001',
          kind,
          amountVnd,
          on: '2026-04-02',
        },
        'KCDP',
      );
    expect(disbursement('advance', 400_000_000)).toEqual({
      ...project,
      key: 'disbursement:d1e2f3a4-0000-4000-8000-000000000001',
      kind: 'advance',
      fund: 'KCDP',
      amountVnd: 400_000_000,
      on: '2026-04-02',
    });
    expect(disbursement('payment', 300_000_000)?.amountVnd).toBe(300_000_000);
    expect(disbursement('refund', 25_000_000)?.amountVnd).toBe(-25_000_000);
    expect(disbursement('advance', 0)).toBeNull();
  });

  it('keys a settlement and a stop by the project, which has one of each; nothing moved is no movement', () => {
    const settled = settlementMovement(
      { ...project, settledVnd: 295_000_000, settledOn: '2026-12-20' },
      'KCQG',
    );
    expect(settled).toMatchObject({ key: `settlement:${PROJECT.toLowerCase()}`, amountVnd: 295_000_000 });
    expect(settlementMovement({ ...project, settledVnd: 0, settledOn: '2026-12-20' }, 'KCQG')).toBeNull();
    const stop = { ...project, fundingSource: 'KCQG' as const, stoppedOn: '2026-06-03' };
    expect(releaseMovement({ ...stop, unspentVnd: 200_000_000 })).toMatchObject({
      key: `release:${PROJECT.toLowerCase()}`,
      kind: 'release',
      amountVnd: -200_000_000,
      on: '2026-06-03',
    });
    expect(releaseMovement({ ...stop, unspentVnd: 0 })).toBeNull();
  });

  it('knows a movement given again, whatever code it was recorded under, and tells a different one apart', () => {
    const given = settlementMovement(
      { ...project, settledVnd: 295_000_000, settledOn: '2026-12-20' },
      'KCQG',
    )!;
    expect(sameMovement(given, { ...given, provinceCode: '37' })).toBe(true);
    expect(sameMovement(given, { ...given, amountVnd: 290_000_000 })).toBe(false);
    expect(sameMovement(given, { ...given, on: '2026-12-21' })).toBe(false);
    expect(sameMovement(given, { ...given, fund: 'KCDP' })).toBe(false);
  });

  it('names the form cell and source of each kind and fund', () => {
    expect(moneyCell('KCQG', 'release', 3)).toEqual({
      source: 'money.national.allocated',
      cell: 'kcqgAllocatedVnd/content-3',
    });
    expect(moneyCell('KCDP', 'refund', 7)).toEqual({
      source: 'money.provincial.paid',
      cell: 'kcdpDisbursedVnd/content-7',
    });
    expect(moneyCell('KCQG', 'settlement', 1)).toEqual({
      source: 'money.national.settled',
      cell: 'kcqgSettledVnd/content-1',
    });
  });

  it("names only cells of the department's form, under the source the form gives them", () => {
    const cells = new Map(
      DEPARTMENT_QUARTERLY.versions.flatMap(cellsOf).map((c) => [c.key, c.platformSource]),
    );
    for (const fund of ['KCQG', 'KCDP'] as const)
      for (const kind of MOVEMENT_KINDS)
        for (let content = 1; content <= 9; content++) {
          const { source, cell } = moneyCell(fund, kind, content);
          expect([cell, cells.get(cell)]).toEqual([cell, source]);
        }
  });
});
