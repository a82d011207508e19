import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { listProvinceFilter } from './principal-scope';

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
    expect(listProvinceFilter(central, '01')).toBe('01');
  });

  it('forces a province officer to their own province', () => {
    expect(listProvinceFilter(ninhBinh, undefined)).toBe('37');
    expect(listProvinceFilter(ninhBinh, '37')).toBe('37');
  });

  it("refuses a province officer who asks for another province's records", () => {
    const ask = () => listProvinceFilter(ninhBinh, '01');
    expect(ask).toThrow(ForbiddenError);
    expect(ask).toThrow(expect.objectContaining({ code: 'auth.other-province', field: 'provinceCode' }));
  });
});
