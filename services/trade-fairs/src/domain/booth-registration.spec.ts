import { ConflictError, RuleViolationError } from '@kc/errors';
import {
  assertFacilityMayAttend,
  assertInventoryFits,
  assertWindowOpen,
  assertWithinFacilityLimit,
  planQuotas,
  type RegionDirectory,
} from './booth-registration';

const regions: RegionDirectory = {
  regionOf: (code) =>
    ({ '01': 'north', '40': 'north', '79': 'south' })[code] as 'north' | 'south' | undefined,
};
const northern = { scale: 'regional' as const, regionCode: 'north' as const, startDate: '2026-09-15' };

const ruleOf = (work: () => unknown): string | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof RuleViolationError || error instanceof ConflictError) {
      return `${error.code}${error.field ? ` @ ${error.field}` : ''}`;
    }
    throw error;
  }
  return undefined;
};

describe('booth registration rules', () => {
  const window = { opensAt: new Date('2026-04-01T01:00:00Z'), closesAt: new Date('2026-04-30T10:00:00Z') };

  it('is open from the opening moment up to, not including, the closing moment', () => {
    expect(ruleOf(() => assertWindowOpen(window, new Date('2026-04-01T01:00:00Z')))).toBeUndefined();
    expect(ruleOf(() => assertWindowOpen(window, new Date('2026-04-01T00:59:59Z')))).toBe(
      'registration.window-closed',
    );
    expect(ruleOf(() => assertWindowOpen(window, new Date('2026-04-30T10:00:00Z')))).toBe(
      'registration.window-closed',
    );
  });

  it('keeps registration closed while the fair has no window', () => {
    expect(ruleOf(() => assertWindowOpen({ opensAt: null, closesAt: null }, new Date()))).toBe(
      'registration.window-closed',
    );
  });

  it("refuses more booths than the fair's per-facility limit", () => {
    expect(ruleOf(() => assertWithinFacilityLimit(2, 2))).toBeUndefined();
    expect(ruleOf(() => assertWithinFacilityLimit(3, 2))).toBe('registration.booth-limit @ boothCount');
  });

  it('admits to a regional fair only the facilities of its region', () => {
    expect(ruleOf(() => assertFacilityMayAttend(northern, '40', regions))).toBeUndefined();
    expect(ruleOf(() => assertFacilityMayAttend(northern, '79', regions))).toBe(
      'registration.outside-region @ facility.provinceCode',
    );
    expect(
      ruleOf(() =>
        assertFacilityMayAttend({ ...northern, scale: 'national', regionCode: null }, '79', regions),
      ),
    ).toBeUndefined();
    expect(ruleOf(() => assertFacilityMayAttend(northern, '99', regions))).toBe(
      'registration.unknown-province @ facility.provinceCode',
    );
  });

  it('leaves what the quotas do not reserve to the common pool', () => {
    const quotas = [
      { provinceCode: '01', booths: 20 },
      { provinceCode: '40', booths: 12 },
    ];
    expect(planQuotas(northern, quotas, 270, regions)).toBe(238);
    expect(planQuotas(northern, quotas, 32, regions)).toBe(0);
    expect(ruleOf(() => planQuotas(northern, quotas, 31, regions))).toBe('quota.exceeds-inventory @ quotas');
  });

  it('sets quotas only for provinces of a regional fair', () => {
    expect(
      ruleOf(() => planQuotas({ ...northern, scale: 'national', regionCode: null }, [], 10, regions)),
    ).toBe('quota.not-regional @ quotas');
    expect(ruleOf(() => planQuotas(northern, [{ provinceCode: '79', booths: 1 }], 10, regions))).toBe(
      'quota.outside-region @ quotas.0.provinceCode',
    );
  });

  it('keeps the inventory within the booth count the fair was planned with', () => {
    expect(ruleOf(() => assertInventoryFits(20, 10, 30))).toBeUndefined();
    expect(ruleOf(() => assertInventoryFits(20, 11, 30))).toBe('booth.exceeds-fair @ booths');
  });
});
