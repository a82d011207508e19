import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { listProvinceFilter, maySee } from './principal-scope';

const central: Principal = { kind: 'user', id: 'u1', name: 'cuc.canbo', role: 'central-officer', scopes: [] };
const ninhBinh: Principal = {
  kind: 'user',
  id: 'u2',
  name: 'sct.37',
  role: 'province-officer',
  provinceCode: '37',
  scopes: [],
};

describe('province filter of a list', () => {
  it('lets the agency list every province, or the one it asks for', () => {
    expect(listProvinceFilter(central, undefined)).toBeUndefined();
    expect(listProvinceFilter(central, '01')).toEqual(['01']);
  });

  it('forces a province officer to their own province', () => {
    expect(listProvinceFilter(ninhBinh, undefined)).toEqual(['35', '36', '37']);
    expect(listProvinceFilter(ninhBinh, '37')).toEqual(['35', '36', '37']);
  });

  it("takes in the units merged into today's unit, or the code alone when asked for the unit as it was", () => {
    expect(listProvinceFilter(central, '31')).toEqual(['30', '31']);
    expect(listProvinceFilter(central, '31', 'recorded')).toEqual(['31']);
    expect(listProvinceFilter(ninhBinh, undefined, 'recorded')).toEqual(['37']);
  });

  it("lets a province officer list one of their unit's predecessors", () => {
    expect(listProvinceFilter(ninhBinh, '36')).toEqual(['36']); // Nam Định went into Ninh Bình
    expect(listProvinceFilter(ninhBinh, '36', 'recorded')).toEqual(['36']);
  });

  it.each(['01', '34'])("refuses a province officer who asks for another unit's records (%s)", (code) => {
    const ask = () => listProvinceFilter(ninhBinh, code);
    expect(ask).toThrow(ForbiddenError);
    expect(ask).toThrow(expect.objectContaining({ code: 'auth.other-province', field: 'provinceCode' }));
  });
});

describe('whether a province officer may see a record', () => {
  it("sees their unit's records and those of the units merged into it", () => {
    for (const code of ['35', '36', '37']) expect(maySee(ninhBinh, code)).toBe(true);
  });

  it("never sees another unit's records, before or after the reorganisation", () => {
    expect(maySee(ninhBinh, '34')).toBe(false); // Thái Bình went into Hưng Yên
    expect(maySee(ninhBinh, '01')).toBe(false);
    expect(maySee({ ...ninhBinh, provinceCode: '36' }, '37')).toBe(false); // an old unit has no successor's view
  });

  it('sees national records and lets the agency see everything', () => {
    expect(maySee(ninhBinh, null)).toBe(true);
    expect(maySee(central, '34')).toBe(true);
  });
});
