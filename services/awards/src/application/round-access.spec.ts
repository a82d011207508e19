import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { assertMayOpenRound, assertRoundAuthority, maySeeRound, roundListScope } from './round-access';

const central: Principal = { kind: 'user', id: 'u1', name: 'cuc.admin', role: 'central-admin', scopes: [] };
const ngheAn: Principal = {
  kind: 'user',
  id: 'u2',
  name: 'sct.40',
  role: 'province-officer',
  provinceCode: '40',
  scopes: [],
};
const juror: Principal = {
  kind: 'user',
  id: 'u3',
  name: 'giamkhao.1',
  role: 'juror',
  scopes: [],
};

describe('award round visibility', () => {
  it('lets the agency list every round, or one province’s', () => {
    expect(roundListScope(central, undefined, 'current')).toEqual({});
    expect(roundListScope(central, '01', 'current')).toEqual({ provinces: ['01'] });
  });

  it('limits a province officer to their own rounds and the rounds of no province', () => {
    expect(roundListScope(ngheAn, undefined, 'current')).toEqual({ provinces: ['40', null] });
    expect(roundListScope(ngheAn, '40', 'current')).toEqual({ provinces: ['40'] });
    expect(() => roundListScope(ngheAn, '01', 'current')).toThrow(ForbiddenError);
    expect(() => roundListScope(ngheAn, '01', 'current')).toThrow(
      expect.objectContaining({ code: 'auth.other-province', field: 'provinceCode' }),
    );
  });

  it("gives a merged unit's officer the rounds of the units that went into it", () => {
    const haiPhong: Principal = { ...ngheAn, name: 'sct.31', provinceCode: '31' };
    expect(roundListScope(haiPhong, undefined, 'current')).toEqual({ provinces: ['30', '31', null] });
    expect(roundListScope(haiPhong, '30', 'current')).toEqual({ provinces: ['30'] });
    expect(roundListScope(haiPhong, undefined, 'recorded')).toEqual({ provinces: ['31', null] });
    expect(roundListScope(juror, '31', 'current')).toEqual({ jurorId: 'u3', provinces: ['30', '31'] });
    expect(maySeeRound(haiPhong, { provinceCode: '30' })).toBe(true);
  });

  it('limits a juror to the rounds whose jury they sit on, whatever province they filter by', () => {
    expect(roundListScope(juror, undefined, 'current')).toEqual({ jurorId: 'u3' });
    expect(roundListScope(juror, '01', 'current')).toEqual({ jurorId: 'u3', provinces: ['01'] });
  });

  it('tells a province officer that regional and national rounds are the agency’s to open and to run', () => {
    for (const level of ['regional', 'national'] as const) {
      expect(() => assertMayOpenRound(ngheAn, { level })).toThrow(
        expect.objectContaining({
          code: 'award-round.agency-level',
          field: 'level',
          messages: {
            vi: `Chỉ Cục mở vòng bình chọn ${level === 'regional' ? 'cấp khu vực' : 'cấp quốc gia'}; Sở Công Thương chỉ mở vòng cấp tỉnh và cấp xã của tỉnh mình`,
            en: `only the agency may open a ${level} award round; a province officer may open only their own province's provincial and commune rounds`,
          },
        }),
      );
      expect(() => assertRoundAuthority(ngheAn, { level, provinceCode: null })).toThrow(
        expect.objectContaining({ code: 'award-round.agency-level' }),
      );
      expect(() => assertMayOpenRound(central, { level })).not.toThrow();
      expect(() => assertRoundAuthority(central, { level, provinceCode: null })).not.toThrow();
    }
    for (const level of ['provincial', 'commune'] as const) {
      expect(() => assertMayOpenRound(ngheAn, { level, provinceCode: '40' })).not.toThrow();
      expect(() => assertRoundAuthority(ngheAn, { level, provinceCode: '40' })).not.toThrow();
      expect(() => assertMayOpenRound(ngheAn, { level, provinceCode: '01' })).toThrow(
        expect.objectContaining({ code: 'auth.other-province' }),
      );
      expect(() => assertRoundAuthority(central, { level, provinceCode: '01' })).not.toThrow();
    }
  });

  it('shows a single round by the same rules; a juror by whether they sit on it', () => {
    expect(maySeeRound(central, { provinceCode: '01' })).toBe(true);
    expect(maySeeRound(ngheAn, { provinceCode: '40' })).toBe(true);
    expect(maySeeRound(ngheAn, { provinceCode: null })).toBe(true);
    expect(maySeeRound(ngheAn, { provinceCode: '01' })).toBe(false);
    expect(maySeeRound(juror, { provinceCode: '01' }, true)).toBe(true);
    expect(maySeeRound(juror, { provinceCode: null }, false)).toBe(false);
  });
});
