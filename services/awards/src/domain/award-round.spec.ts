import { RuleViolationError } from '@kc/errors';
import {
  awardRoundWarnings,
  awardScopeOf,
  openAwardRound,
  type AwardRound,
  type ProvinceDirectory,
} from './award-round';

// 40 is Nghệ An in both maps; 36 (Nam Định) existed until 2025-06-30.
const provinces: ProvinceDirectory = {
  inForceDuring: (code, year) => code === '40' || (code === '36' && year <= 2025),
};

const national2027: AwardRound = {
  name: 'Bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia năm 2027',
  year: 2027,
  level: 'national',
  provinceCode: null,
  regionCode: null,
  localUnitCode: null,
  closesOn: null,
};

const ruleOf = (round: Partial<AwardRound>): string | undefined => {
  try {
    openAwardRound({ ...national2027, ...round }, provinces);
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return undefined;
};

describe('award round', () => {
  it('opens a national round with neither province nor region', () => {
    expect(openAwardRound(national2027, provinces)).toEqual(national2027);
  });

  it('opens a regional round for one region', () => {
    expect(ruleOf({ level: 'regional', year: 2026, regionCode: 'central' })).toBeUndefined();
  });

  it('requires exactly the scope of its level', () => {
    expect(ruleOf({ level: 'provincial' })).toBe('award-round.scope-mismatch @ provinceCode');
    expect(ruleOf({ level: 'regional' })).toBe('award-round.scope-mismatch @ regionCode');
    expect(ruleOf({ provinceCode: '40' })).toBe('award-round.scope-mismatch @ provinceCode');
    expect(ruleOf({ level: 'provincial', provinceCode: '40', regionCode: 'north' })).toBe(
      'award-round.scope-mismatch @ regionCode',
    );
  });

  it('opens a commune round for a commune of a unit, a district round before 07/2025', () => {
    const commune = { level: 'commune' as const, provinceCode: '40' };
    expect(ruleOf({ ...commune, year: 2026, localUnitCode: '17332' })).toBeUndefined();
    expect(ruleOf({ ...commune, year: 2024, localUnitCode: '412' })).toBeUndefined();
    // 2025 had both: districts until 30 June, communes from 1 July.
    expect(ruleOf({ ...commune, year: 2025, localUnitCode: '412' })).toBeUndefined();
    expect(ruleOf({ ...commune, year: 2025, localUnitCode: '17332' })).toBeUndefined();
  });

  it('refuses a district round after the district tier ended, and a commune round before it', () => {
    const commune = { level: 'commune' as const, provinceCode: '40' };
    expect(ruleOf({ ...commune, year: 2026, localUnitCode: '412' })).toBe(
      'award-round.local-unit-of-another-era @ localUnitCode',
    );
    expect(ruleOf({ ...commune, year: 2024, localUnitCode: '17332' })).toBe(
      'award-round.local-unit-of-another-era @ localUnitCode',
    );
  });

  it('requires a commune round’s province and commune, and no commune elsewhere', () => {
    expect(ruleOf({ level: 'commune', year: 2026, localUnitCode: '17332' })).toBe(
      'award-round.scope-mismatch @ provinceCode',
    );
    expect(ruleOf({ level: 'commune', year: 2026, provinceCode: '40' })).toBe(
      'award-round.scope-mismatch @ localUnitCode',
    );
    expect(ruleOf({ level: 'provincial', provinceCode: '40', localUnitCode: '17332' })).toBe(
      'award-round.scope-mismatch @ localUnitCode',
    );
  });

  it('reads its scope as certificates and entries name it', () => {
    expect(
      awardScopeOf({ ...national2027, level: 'commune', provinceCode: '40', localUnitCode: '17332' }),
    ).toEqual({
      level: 'commune',
      provinceCode: '40',
      localUnitCode: '17332',
    });
    expect(awardScopeOf({ ...national2027, level: 'regional', regionCode: 'south' })).toEqual({
      level: 'regional',
      regionCode: 'south',
    });
    expect(awardScopeOf(national2027)).toEqual({ level: 'national' });
  });

  it('opens a provincial round for a unit that existed in its year', () => {
    expect(ruleOf({ level: 'provincial', provinceCode: '36', year: 2025 })).toBeUndefined();
  });

  it('refuses a provincial round for a unit that did not exist in its year', () => {
    expect(ruleOf({ level: 'provincial', provinceCode: '36', year: 2026 })).toBe(
      'award-round.unknown-province @ provinceCode',
    );
  });

  it('warns about, but does not refuse, a regional round in an odd year', () => {
    expect(ruleOf({ level: 'regional', year: 2027, regionCode: 'north' })).toBeUndefined();
    expect(awardRoundWarnings({ level: 'regional', year: 2027 })).toEqual([
      'Regional rounds normally run in even years; 2027 is odd.',
    ]);
  });

  it('warns about a national round in an even year', () => {
    expect(awardRoundWarnings({ level: 'national', year: 2026 })).toEqual([
      'National rounds normally run in odd years; 2026 is even.',
    ]);
  });

  it('has no warning for rounds on the usual rhythm or at provincial level', () => {
    expect(awardRoundWarnings({ level: 'regional', year: 2026 })).toEqual([]);
    expect(awardRoundWarnings({ level: 'national', year: 2027 })).toEqual([]);
    expect(awardRoundWarnings({ level: 'provincial', year: 2026 })).toEqual([]);
    expect(awardRoundWarnings({ level: 'provincial', year: 2027 })).toEqual([]);
  });
});
