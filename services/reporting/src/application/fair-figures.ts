import type { FairFiguresRow } from '@kc/contracts';

/** The fair's totals: the sum of its provinces' rows. */
export function fairTotals(rows: FairFiguresRow[]): Omit<FairFiguresRow, 'provinceCode'> {
  return rows.reduce(
    (sum, r) => ({
      facilities: sum.facilities + r.facilities,
      boothsAllocated: sum.boothsAllocated + r.boothsAllocated,
      boothsSupported: sum.boothsSupported + r.boothsSupported,
      rentVnd: sum.rentVnd + r.rentVnd,
      supportVnd: sum.supportVnd + r.supportVnd,
    }),
    { facilities: 0, boothsAllocated: 0, boothsSupported: 0, rentVnd: 0, supportVnd: 0 },
  );
}
