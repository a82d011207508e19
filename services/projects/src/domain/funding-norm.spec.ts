import { RuleViolationError } from '@kc/errors';
import { assertWithinNorm, type NamedNorm, type NormClaim } from './funding-norm';

const demonstrationModel: NamedNorm = {
  code: 'demonstration-model',
  provinceCode: null,
  version: 1,
  nameVi: 'Xây dựng mô hình trình diễn kỹ thuật',
  nameEn: 'Technical demonstration model',
  legalBasis: 'Thông tư 28/2018/TT-BTC',
  validFrom: '2018-05-12',
  validTo: null,
  maxPercentBp: 3000,
  maxVndPerUnit: 1_000_000_000,
  unit: 'mô hình',
  priorityMultiplierPermille: 1000,
};
const ccnInfrastructure: NamedNorm = {
  ...demonstrationModel,
  code: 'ccn-infrastructure',
  nameVi: 'Đầu tư hạ tầng cụm công nghiệp',
  nameEn: 'Industrial cluster infrastructure',
  maxPercentBp: null,
  maxVndPerUnit: 3_000_000_000,
  unit: 'cụm',
};
// Nghệ An's own version: 25.5 % of the cost, from 2026.
const ngheAnModel: NamedNorm = {
  ...demonstrationModel,
  provinceCode: '40',
  maxPercentBp: 2550,
  legalBasis: 'Quyết định 12/2025/QĐ-UBND tỉnh Nghệ An',
  validFrom: '2026-01-01',
};
const inForce = [demonstrationModel, ccnInfrastructure, ngheAnModel];
const national = { provinceCode: null, source: 'KCQG' } as const;
const ngheAnPlan = { provinceCode: '40', source: 'KCDP' } as const;

const claim = (overrides: Partial<NormClaim> = {}): NormClaim => ({
  normCode: 'demonstration-model',
  normUnits: 1,
  startDate: '2026-04-01',
  kcqgVnd: 600_000_000,
  kcdpVnd: 0,
  counterpartVnd: 1_400_000_000,
  otherVnd: 0,
  ...overrides,
});
const refusal = (fn: () => void): RuleViolationError => {
  try {
    fn();
  } catch (error) {
    return error as RuleViolationError;
  }
  throw new Error('not refused');
};

describe('the funding norm where the figure is entered', () => {
  it('accepts support up to the cap', () => {
    expect(() => assertWithinNorm(inForce, national, claim())).not.toThrow();
    expect(() =>
      assertWithinNorm(
        inForce,
        national,
        claim({ normCode: 'ccn-infrastructure', normUnits: 2, kcqgVnd: 6e9 }),
      ),
    ).not.toThrow();
  });

  it('refuses support above a percentage cap on the money field, naming the norm, its basis and the cap', () => {
    const error = refusal(() =>
      assertWithinNorm(inForce, national, claim({ kcqgVnd: 600_000_001, counterpartVnd: 1_399_999_999 })),
    );
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error).toMatchObject({ code: 'project.above-funding-norm', field: 'kcqgVnd' });
    expect(error.messages.vi).toBe(
      'Kinh phí KCQG đề nghị 600.000.001 VND vượt mức hỗ trợ tối đa 600.000.000 VND của định mức ' +
        '"Xây dựng mô hình trình diễn kỹ thuật" (mã demonstration-model, Thông tư 28/2018/TT-BTC, phiên bản 1 ' +
        'hiệu lực từ 12/05/2018): 30 % tổng kinh phí 2.000.000.000 VND',
    );
    expect(error.messages.en).toContain(
      'above the 600.000.000 VND cap of funding norm "Technical demonstration model"',
    );
  });

  it('names a per-unit cap with its unit and the units claimed', () => {
    const error = refusal(() =>
      assertWithinNorm(
        inForce,
        national,
        claim({ normCode: 'ccn-infrastructure', normUnits: 2, kcqgVnd: 6_000_000_001, counterpartVnd: 3e9 }),
      ),
    );
    expect(error.messages.vi).toContain('vượt mức hỗ trợ tối đa 6.000.000.000 VND');
    expect(error.messages.vi).toContain(': 3.000.000.000 VND/cụm × 2 cụm');
  });

  it('checks a provincial plan’s project against its province’s own version, on the KCĐP field', () => {
    const ngheAnClaim = claim({ kcqgVnd: 0, kcdpVnd: 600_000_000 });
    // 25.5 % of 2,000,000,000 = 510,000,000: within the national 30 %, above Nghệ An's own.
    const error = refusal(() => assertWithinNorm(inForce, ngheAnPlan, ngheAnClaim));
    expect(error).toMatchObject({ code: 'project.above-funding-norm', field: 'kcdpVnd' });
    expect(error.messages.vi).toContain(
      'Kinh phí KCĐP đề nghị 600.000.000 VND vượt mức hỗ trợ tối đa 510.000.000 VND',
    );
    expect(error.messages.vi).toContain('Quyết định 12/2025/QĐ-UBND tỉnh Nghệ An');
    expect(error.messages.vi).toContain('25,5 % tổng kinh phí');
    expect(error.messages.en).toContain('25.5 % of the total cost');
    // Before the province's version starts, the national one governs.
    expect(() =>
      assertWithinNorm(inForce, ngheAnPlan, { ...ngheAnClaim, startDate: '2025-12-31' }),
    ).not.toThrow();
    // A national-plan project of that province is held to the national norm only.
    expect(() =>
      assertWithinNorm(inForce, national, { ...ngheAnClaim, kcqgVnd: 600_000_000, kcdpVnd: 0 }),
    ).not.toThrow();
  });

  it('refuses an unknown code on normCode, listing the codes in force and where to find them', () => {
    const error = refusal(() => assertWithinNorm(inForce, national, claim({ normCode: 'MH-TRINH-DIEN' })));
    expect(error).toMatchObject({ code: 'project.unknown-funding-norm', field: 'normCode' });
    expect(error.messages.vi).toContain('Không có định mức mã "MH-TRINH-DIEN" có hiệu lực ngày 01/04/2026');
    expect(error.messages.vi).toContain('Các mã có hiệu lực: demonstration-model, ccn-infrastructure.');
    expect(error.messages.en).toContain('GET /api/v1/funding-norms?asOf=2026-04-01');
  });

  it('checks nothing for a project that names no norm', () => {
    expect(() => assertWithinNorm([], national, claim({ normCode: null, normUnits: null }))).not.toThrow();
  });

  it('refuses a code none of whose versions is in force on the start date', () => {
    const error = refusal(() => assertWithinNorm(inForce, national, claim({ startDate: '2018-05-11' })));
    expect(error).toMatchObject({ code: 'project.unknown-funding-norm', field: 'normCode' });
  });
});
