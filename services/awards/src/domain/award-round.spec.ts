import { RuleViolationError } from '@kc/errors';
import { awardRoundWarnings, openAwardRound, type AwardRound, type ProvinceDirectory } from './award-round';

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
