import { checkSupport, governingNorm, normAppliesTo, normInForce, type FundingNorm } from './funding-norm';

const demonstrationModel: FundingNorm = {
  code: 'demonstration-model',
  provinceCode: null,
  version: 1,
  validFrom: '2018-05-12',
  validTo: null,
  maxPercentBp: 3000,
  maxVndPerUnit: 1_000_000_000,
  priorityMultiplierPermille: 1000,
};
const machinery: FundingNorm = {
  code: 'machinery-technology',
  provinceCode: null,
  version: 1,
  validFrom: '2018-05-12',
  validTo: null,
  maxPercentBp: 5000,
  maxVndPerUnit: 300_000_000,
  priorityMultiplierPermille: 1500,
};

describe('funding norm check', () => {
  it('caps a demonstration model at 30 % of its cost', () => {
    const check = checkSupport(demonstrationModel, {
      costVnd: 2_000_000_000,
      supportVnd: 600_000_000,
      units: 1,
      priority: false,
    });
    expect(check).toEqual({ withinNorm: true, maxSupportVnd: 600_000_000, bindingCap: 'percent' });
    expect(
      checkSupport(demonstrationModel, {
        costVnd: 2_000_000_000,
        supportVnd: 600_000_001,
        units: 1,
        priority: false,
      }).withinNorm,
    ).toBe(false);
  });

  it('caps a large demonstration model at 1,000,000,000 VND per model', () => {
    const check = checkSupport(demonstrationModel, {
      costVnd: 5_000_000_000,
      supportVnd: 1_000_000_001,
      units: 1,
      priority: false,
    });
    expect(check).toEqual({ withinNorm: false, maxSupportVnd: 1_000_000_000, bindingCap: 'per-unit' });
  });

  it('multiplies the per-unit cap by the units', () => {
    const check = checkSupport(machinery, {
      costVnd: 2_000_000_000,
      supportVnd: 900_000_000,
      units: 3,
      priority: false,
    });
    expect(check).toEqual({ withinNorm: true, maxSupportVnd: 900_000_000, bindingCap: 'per-unit' });
  });

  it('raises the per-unit cap by the priority multiplier (a full technology line: 1.5 × 300,000,000)', () => {
    const claim = { costVnd: 1_000_000_000, supportVnd: 450_000_000, units: 1 };
    expect(checkSupport(machinery, { ...claim, priority: false })).toMatchObject({
      withinNorm: false,
      maxSupportVnd: 300_000_000,
    });
    expect(checkSupport(machinery, { ...claim, priority: true })).toEqual({
      withinNorm: true,
      maxSupportVnd: 450_000_000,
      bindingCap: 'per-unit',
    });
  });

  it('never lets the multiplier lift the percentage cap', () => {
    const check = checkSupport(machinery, {
      costVnd: 600_000_000,
      supportVnd: 400_000_000,
      units: 1,
      priority: true,
    });
    expect(check).toEqual({ withinNorm: false, maxSupportVnd: 300_000_000, bindingCap: 'percent' });
  });

  it('works past 2^53 in the intermediate product and rounds down to whole VND', () => {
    const check = checkSupport(
      { ...demonstrationModel, maxVndPerUnit: null },
      { costVnd: 3_000_000_000_001, supportVnd: 0, units: 1, priority: false },
    );
    expect(check.maxSupportVnd).toBe(900_000_000_000);
  });

  it('checks a norm with a VND cap only', () => {
    const planning: FundingNorm = { ...demonstrationModel, maxPercentBp: null, maxVndPerUnit: 500_000_000 };
    expect(
      checkSupport(planning, { costVnd: 10, supportVnd: 500_000_000, units: 1, priority: false }),
    ).toEqual({
      withinNorm: true,
      maxSupportVnd: 500_000_000,
      bindingCap: 'per-unit',
    });
  });
});

describe('the version in force', () => {
  const v1: FundingNorm = {
    ...demonstrationModel,
    version: 1,
    validFrom: '2014-01-01',
    validTo: '2018-05-11',
  };
  const v2: FundingNorm = { ...demonstrationModel, version: 2, validFrom: '2018-05-12', validTo: null };

  it('picks the version whose period holds the date, both ends included', () => {
    expect(normInForce([v1, v2], '2018-05-11')?.version).toBe(1);
    expect(normInForce([v1, v2], '2018-05-12')?.version).toBe(2);
    expect(normInForce([v1, v2], '2030-01-01')?.version).toBe(2);
  });

  it('finds none before the first version', () => {
    expect(normInForce([v1, v2], '2013-12-31')).toBeUndefined();
  });
});

describe('the governing version: a province’s own norm over the national one, by date', () => {
  const national1: FundingNorm = { ...demonstrationModel, validFrom: '2018-05-12', validTo: '2029-12-31' };
  const national2: FundingNorm = {
    ...demonstrationModel,
    version: 2,
    validFrom: '2030-01-01',
    validTo: null,
  };
  // Nghệ An's own versions: one for 2027–2028, then a gap, then one open-ended from 2031.
  const ngheAn1: FundingNorm = {
    ...demonstrationModel,
    provinceCode: '40',
    maxPercentBp: 2000,
    validFrom: '2027-01-01',
    validTo: '2028-12-31',
  };
  const ngheAn2: FundingNorm = { ...ngheAn1, version: 2, validFrom: '2031-01-01', validTo: null };
  const haNoi1: FundingNorm = { ...ngheAn1, provinceCode: '01', validFrom: '2020-01-01', validTo: null };
  const all = [national1, national2, ngheAn1, ngheAn2, haNoi1];
  const governing = (provinceCode: string | null, date: string) => {
    const norm = governingNorm(all, provinceCode, date);
    return norm && `${norm.provinceCode ?? 'national'}@${norm.version}`;
  };

  it('takes the province’s version in force on the date when there is one', () => {
    expect(governing('40', '2027-01-01')).toBe('40@1');
    expect(governing('40', '2028-12-31')).toBe('40@1');
    expect(governing('40', '2031-06-01')).toBe('40@2');
  });

  it('falls back to the national version in force where the province has none on that date', () => {
    expect(governing('40', '2026-12-31')).toBe('national@1');
    expect(governing('40', '2029-01-01')).toBe('national@1');
    expect(governing('40', '2030-06-01')).toBe('national@2');
    expect(governing('36', '2027-06-01')).toBe('national@1');
  });

  it('never lets one province’s norm govern another province’s or a national-plan project', () => {
    expect(governing('40', '2025-01-01')).toBe('national@1');
    expect(governing(null, '2027-06-01')).toBe('national@1');
    expect(governing(null, '2031-06-01')).toBe('national@2');
  });

  it('lets a province’s norm apply to its own plan’s projects only, the national ones to all', () => {
    expect(normAppliesTo(ngheAn1, '40')).toBe(true);
    expect(normAppliesTo(ngheAn1, '01')).toBe(false);
    expect(normAppliesTo(ngheAn1, null)).toBe(false);
    expect(normAppliesTo(national1, null)).toBe(true);
    expect(normAppliesTo(national1, '40')).toBe(true);
  });
});
