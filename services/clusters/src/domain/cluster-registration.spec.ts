import { RuleViolationError } from '@kc/errors';
import { BEFORE_REGISTRY_RULES, registerCluster, type ClusterRegistration } from './cluster-registration';

// 37 is Ninh Bình in both maps; 36 (Nam Định) ended on 2025-06-30.
const provinces = {
  isInForce: (code: string, date: string) => code === '37' || (code === '36' && date < '2025-07-01'),
};
const today = '2026-03-02';
const decision = (date: string) => ({
  number: '1234/QĐ-UBND',
  date,
  authority: 'provincial-peoples-committee' as const,
  issuedBy: 'UBND tỉnh Ninh Bình',
});

const input = (overrides: Partial<ClusterRegistration> = {}): ClusterRegistration => ({
  code: 'CCN-37-012',
  name: 'Cụm công nghiệp Gián Khẩu',
  provinceCode: '37',
  commune: null,
  formerDistrict: null,
  sizeCategory: 'standard',
  status: 'planned',
  provincialList: null,
  establishment: null,
  areas: { totalCentiHa: 6250, industrialCentiHa: null, leasableCentiHa: null, leasedCentiHa: null },
  developer: null,
  investment: { registeredVnd: null, realisedVnd: null },
  infrastructure: { roads: 'none', power: 'none', water: 'none', drainage: 'none', wastewaterPlant: null },
  ...overrides,
});

const ruleOf = (make: () => unknown): string => {
  try {
    make();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return 'accepted';
};

describe('registering a cluster', () => {
  it('enters a planned cluster with an empty history', () => {
    const record = registerCluster(input(), provinces, today);
    expect([record.status, record.history, record.tenants]).toEqual(['planned', [], []]);
  });

  it('refuses a unit no longer in force', () => {
    expect(ruleOf(() => registerCluster(input({ provinceCode: '36' }), provinces, today))).toBe(
      'cluster.unknown-province @ provinceCode',
    );
  });

  it('judges the size by the category: 8 ha is too small for a standard cluster, enough for a craft village', () => {
    const small = { totalCentiHa: 800, industrialCentiHa: null, leasableCentiHa: null, leasedCentiHa: null };
    expect(ruleOf(() => registerCluster(input({ areas: small }), provinces, today))).toBe(
      'cluster.size-out-of-range @ totalAreaHa',
    );
    expect(
      ruleOf(() => registerCluster(input({ areas: small, sizeCategory: 'craft-village' }), provinces, today)),
    ).toBe('accepted');
  });

  it('records an established cluster with its establishing decision as the first step of its history', () => {
    const record = registerCluster(
      input({ status: 'operating', establishment: decision('2019-05-14') }),
      provinces,
      today,
    );
    expect(record.history).toEqual([
      expect.objectContaining({ step: 'establish', to: 'established', ruleSetId: 'nd-68-2017' }),
    ]);
    expect(record.status).toBe('operating');
  });

  it('keeps a cluster established before the recorded rules as it was decided', () => {
    const record = registerCluster(
      input({
        status: 'operating',
        establishment: decision('2012-05-14'),
        areas: { totalCentiHa: 700, industrialCentiHa: null, leasableCentiHa: null, leasedCentiHa: null },
      }),
      provinces,
      today,
    );
    expect(record.history[0].ruleSetId).toBe(BEFORE_REGISTRY_RULES);
  });

  it('wants the establishing decision exactly when the cluster is past the list', () => {
    expect(ruleOf(() => registerCluster(input({ status: 'established' }), provinces, today))).toBe(
      'cluster.establishment-decision-required @ establishment',
    );
    expect(
      ruleOf(() => registerCluster(input({ establishment: decision('2025-01-02') }), provinces, today)),
    ).toBe('cluster.establishment-decision-unexpected @ establishment');
    expect(
      ruleOf(() =>
        registerCluster(
          input({ status: 'established', establishment: decision('2026-03-03') }),
          provinces,
          today,
        ),
      ),
    ).toBe('cluster.decision-in-future @ decision.date');
  });

  it('refuses areas that do not nest', () => {
    const areas = { totalCentiHa: 6250, industrialCentiHa: 5000, leasableCentiHa: 5001, leasedCentiHa: null };
    expect(ruleOf(() => registerCluster(input({ areas }), provinces, today))).toBe(
      'cluster.area-nesting @ areas.leasableCentiHa',
    );
  });
});
