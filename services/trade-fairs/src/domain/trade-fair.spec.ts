import { RuleViolationError } from '@kc/errors';
import {
  assertAllocationSettings,
  planTradeFair,
  type AllocationSettings,
  type ProvinceDirectory,
  type TradeFair,
} from './trade-fair';

// 01 is Hà Nội in both maps; 30 (Hải Dương) ended on 2025-06-30 and went into 31 (Hải Phòng).
const provinces: ProvinceDirectory = {
  isInForce: (code, date) => code === '01' || (code === '30' && date <= '2025-06-30'),
};

const northern2024: TradeFair = {
  name: 'Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc năm 2024',
  year: 2024,
  scale: 'regional',
  regionCode: 'north',
  provinceCode: '01',
  startDate: '2024-05-16',
  endDate: '2024-05-19',
  boothCount: 270,
  venue: null,
};

const ruleOf = (fair: Partial<TradeFair>): string | undefined => {
  try {
    planTradeFair({ ...northern2024, ...fair }, provinces);
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return undefined;
};

describe('trade fair', () => {
  it('plans a regional fair with its region, host and dates', () => {
    expect(planTradeFair(northern2024, provinces)).toEqual(northern2024);
  });

  it('accepts a one-day fair', () => {
    expect(ruleOf({ endDate: '2024-05-16' })).toBeUndefined();
  });

  it('requires a region for a regional fair and refuses one for other scales', () => {
    expect(ruleOf({ regionCode: null })).toBe('fair.region-mismatch @ regionCode');
    expect(ruleOf({ scale: 'national' })).toBe('fair.region-mismatch @ regionCode');
    expect(ruleOf({ scale: 'provincial', regionCode: null })).toBeUndefined();
  });

  it('refuses a fair that ends before it starts', () => {
    expect(ruleOf({ endDate: '2024-05-15' })).toBe('fair.ends-before-start @ endDate');
  });

  it('refuses dates outside the fair year', () => {
    expect(ruleOf({ year: 2025 })).toBe('fair.outside-year @ startDate');
    expect(ruleOf({ startDate: '2024-12-30', endDate: '2025-01-02' })).toBe('fair.outside-year @ endDate');
  });

  it('accepts a host that was in force when the fair opened', () => {
    expect(
      ruleOf({ provinceCode: '30', startDate: '2025-06-30', endDate: '2025-07-03', year: 2025 }),
    ).toBeUndefined();
  });

  it('refuses a host that was no longer in force when the fair opened', () => {
    expect(ruleOf({ provinceCode: '30', startDate: '2025-07-01', endDate: '2025-07-03', year: 2025 })).toBe(
      'fair.unknown-province @ provinceCode',
    );
  });
});

describe('allocation settings', () => {
  const ruleOfSettings = (settings: Partial<AllocationSettings>): string | undefined => {
    try {
      assertAllocationSettings(northern2024, {
        allocationMethod: 'first-come',
        awardPriority: false,
        awardCeremonyDate: null,
        ...settings,
      });
    } catch (error) {
      if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
      throw error;
    }
    return undefined;
  };

  it('grants award priority in a lottery and on a first-come waiting list alike', () => {
    expect(ruleOfSettings({ allocationMethod: 'lottery', awardPriority: true })).toBeUndefined();
    expect(ruleOfSettings({ awardPriority: true })).toBeUndefined();
  });

  it('holds the award ceremony during the fair', () => {
    expect(ruleOfSettings({ awardCeremonyDate: '2024-05-16' })).toBeUndefined();
    expect(ruleOfSettings({ awardCeremonyDate: '2024-05-19' })).toBeUndefined();
    expect(ruleOfSettings({ awardCeremonyDate: '2024-05-20' })).toBe(
      'fair.ceremony-outside-dates @ awardCeremony.date',
    );
  });

  it('plans an international fair without a region', () => {
    expect(ruleOf({ scale: 'international', regionCode: null })).toBeUndefined();
    expect(ruleOf({ scale: 'international' })).toBe('fair.region-mismatch @ regionCode');
  });
});
