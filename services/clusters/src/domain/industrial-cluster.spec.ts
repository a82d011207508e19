import { RuleViolationError } from '@kc/errors';
import {
  registerCluster,
  toCentiHectares,
  type ClusterDraft,
  type ProvinceDirectory,
} from './industrial-cluster';

// 37 is Ninh Bình in both maps; 36 (Nam Định) ended on 2025-06-30.
const provinces: ProvinceDirectory = {
  isInForce: (code, date) => code === '37' || (code === '36' && date < '2025-07-01'),
};
const today = '2026-03-02';

const draft = (overrides: Partial<ClusterDraft> = {}): ClusterDraft => ({
  code: 'CCN-37-012',
  name: 'Cụm công nghiệp Gián Khẩu',
  provinceCode: '37',
  commune: null,
  status: 'operating',
  totalAreaHa: 62.5,
  leasableAreaHa: null,
  leasedAreaHa: null,
  developerName: null,
  ...overrides,
});

const ruleOf = (make: () => unknown): string | undefined => {
  try {
    make();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return undefined;
};

describe('industrial cluster registration', () => {
  it('stores areas as exact hundredths of a hectare', () => {
    const cluster = registerCluster(
      draft({ totalAreaHa: 62.5, leasableAreaHa: 48.29, leasedAreaHa: 30.07 }),
      provinces,
      today,
    );
    expect(cluster).toMatchObject({
      totalAreaCentiHa: 6250,
      leasableAreaCentiHa: 4829,
      leasedAreaCentiHa: 3007,
    });
  });

  it('converts two-decimal hectares without float drift', () => {
    expect(toCentiHectares(0.29)).toBe(29);
    expect(toCentiHectares(8.7)).toBe(870);
  });

  it('accepts the mountain and craft-village floor of 5 ha and the ceiling of 75 ha', () => {
    expect(registerCluster(draft({ totalAreaHa: 5 }), provinces, today).totalAreaCentiHa).toBe(500);
    expect(registerCluster(draft({ totalAreaHa: 75 }), provinces, today).totalAreaCentiHa).toBe(7500);
  });

  it('refuses a cluster smaller than 5 ha or larger than 75 ha', () => {
    expect(ruleOf(() => registerCluster(draft({ totalAreaHa: 4.99 }), provinces, today))).toBe(
      'cluster.area-out-of-range @ totalAreaHa',
    );
    expect(ruleOf(() => registerCluster(draft({ totalAreaHa: 75.01 }), provinces, today))).toBe(
      'cluster.area-out-of-range @ totalAreaHa',
    );
  });

  it('refuses a province that is not in force today', () => {
    const make = () => registerCluster(draft({ provinceCode: '36' }), provinces, today);
    expect(ruleOf(make)).toBe('cluster.unknown-province @ provinceCode');
    expect(make).toThrow(/36 is not in force on 2026-03-02/);
  });

  it('accepts a unit that was in force on the day of registration', () => {
    expect(registerCluster(draft({ provinceCode: '36' }), provinces, '2025-06-30').provinceCode).toBe('36');
  });

  it('refuses a leasable area above the total area', () => {
    expect(ruleOf(() => registerCluster(draft({ leasableAreaHa: 62.51 }), provinces, today))).toBe(
      'cluster.leasable-exceeds-total @ leasableAreaHa',
    );
  });

  it('refuses a leased area above the leasable area', () => {
    const make = () => registerCluster(draft({ leasableAreaHa: 40, leasedAreaHa: 40.01 }), provinces, today);
    expect(ruleOf(make)).toBe('cluster.leased-exceeds-leasable @ leasedAreaHa');
  });

  it('bounds a leased area by the total area when the leasable area is unknown', () => {
    expect(ruleOf(() => registerCluster(draft({ leasedAreaHa: 62.5 }), provinces, today))).toBeUndefined();
    expect(ruleOf(() => registerCluster(draft({ leasedAreaHa: 63 }), provinces, today))).toBe(
      'cluster.leased-exceeds-leasable @ leasedAreaHa',
    );
  });
});
