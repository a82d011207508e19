import { listProvincesQuery, regionsQuery } from '@kc/contracts';
import { NotFoundError } from '@kc/errors';
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

  it('gives regions their units on a date asked for: the 63 of 2018', () => {
    const { asOf, items } = at('2026-03-02T00:00:00Z').regions('2018-06-01');
    expect(asOf).toBe('2018-06-01');
    expect(items.reduce((sum, r) => sum + r.provinceCodes.length, 0)).toBe(63);
  });

  it.each(['2025-02-29', '2025-13-01', 'yesterday', '2008-07-31'])('refuses regions?asOf=%s', (asOf) => {
    expect(regionsQuery.safeParse({ asOf }).success).toBe(false);
  });
});

describe('one provincial unit', () => {
  const reference = at('2026-03-02T00:00:00Z');

  it("gives today's unit with the units merged into it", () => {
    const unit = reference.province('31');
    expect(unit).toMatchObject({
      code: '31',
      nameVi: 'Hải Phòng',
      fullNameVi: 'Thành phố Hải Phòng',
      regionCode: 'north',
      validFrom: '2025-07-01',
      validTo: null,
      asOf: '2026-03-02',
      inForce: true,
    });
    expect(unit.successorCode).toBeUndefined();
    expect(unit.predecessors.map((p) => [p.code, p.nameVi, p.successorCode])).toEqual([
      ['30', 'Hải Dương', '31'],
      ['31', 'Hải Phòng', '31'],
    ]);
  });

  it('gives the unit a code named on an earlier date', () => {
    expect(reference.province('15', '2020-01-01')).toMatchObject({
      nameVi: 'Yên Bái',
      validTo: '2025-06-30',
      successorCode: '15',
      inForce: true,
      predecessors: [],
    });
  });

  it('answers a code whose unit had ended with that unit as it last stood and its successor', () => {
    expect(reference.province('30')).toMatchObject({
      code: '30',
      nameVi: 'Hải Dương',
      validTo: '2025-06-30',
      inForce: false,
      successorCode: '31',
    });
  });

  it('refuses a code that never named a unit with 404', () => {
    const ask = () => reference.province('99');
    expect(ask).toThrow(NotFoundError);
    expect(ask).toThrow(expect.objectContaining({ code: 'reference.province-not-found', field: 'code' }));
  });
});
