import { listProvincesQuery } from '@kc/contracts';
import type { Clock } from './clock';
import { ReferenceService } from './reference.service';

const at = (iso: string) => new ReferenceService({ now: () => new Date(iso) } as Clock);

describe('reference data dates', () => {
  it('defaults to today in Vietnam, which starts at 17:00 UTC the day before', () => {
    expect(at('2026-06-30T16:59:59Z').provinces().asOf).toBe('2026-06-30');
    expect(at('2025-06-30T17:00:00Z').provinces().asOf).toBe('2025-07-01');
  });

  it('lists the 63 units on the last day before the 2025 reorganisation, each with its successor', () => {
    const { items } = at('2026-03-02T00:00:00Z').provinces('2025-06-30');
    expect(items).toHaveLength(63);
    expect(items.find((u) => u.code === '35')).toMatchObject({
      nameVi: 'Hà Nam',
      validTo: '2025-06-30',
      successorCode: '37',
    });
    expect(items.find((u) => u.code === '15')).toMatchObject({ nameVi: 'Yên Bái', successorCode: '15' });
  });

  it('lists the 34 units from 2025-07-01, without successors', () => {
    const { items } = at('2026-03-02T00:00:00Z').provinces('2025-07-01');
    expect(items).toHaveLength(34);
    expect(items.every((u) => u.successorCode === undefined && u.validTo === null)).toBe(true);
  });

  it('gives regions their units of today', () => {
    const { asOf, items } = at('2026-03-02T00:00:00Z').regions();
    expect(asOf).toBe('2026-03-02');
    expect(items.map((r) => [r.code, r.provinceCodes.length])).toEqual([
      ['north', 18],
      ['central', 8],
      ['south', 8],
    ]);
  });

  it.each(['2025-02-30', '30/06/2025', '2008-07-31'])('rejects asOf=%s, naming the asOf field', (asOf) => {
    const result = listProvincesQuery.safeParse({ asOf });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['asOf']]);
  });

  it('accepts the first covered day and an absent asOf', () => {
    expect(listProvincesQuery.parse({ asOf: '2008-08-01' })).toEqual({ asOf: '2008-08-01' });
    expect(listProvincesQuery.parse({})).toEqual({});
  });
});
