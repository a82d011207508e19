import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { visiblePlanProvinces } from './plan-access';

const central: Principal = { kind: 'user', id: 'u1', name: 'cuc.canbo', role: 'central-officer', scopes: [] };
const ngheAn: Principal = {
  kind: 'user',
  id: 'u2',
  name: 'sct.40',
  role: 'province-officer',
  provinceCode: '40',
  scopes: [],
};

describe('plan list visibility', () => {
  it('lets the agency list every province, or the one it asks for', () => {
    expect(visiblePlanProvinces(central, undefined)).toBeUndefined();
    expect(visiblePlanProvinces(central, '01')).toEqual(['01']);
  });

  it("limits a province officer to their province's plans and the national plans", () => {
    expect(visiblePlanProvinces(ngheAn, undefined)).toEqual(['40', null]);
    expect(visiblePlanProvinces(ngheAn, '40')).toEqual(['40']);
  });

  it("refuses a province officer who asks for another province's plans", () => {
    const ask = () => visiblePlanProvinces(ngheAn, '01');
    expect(ask).toThrow(ForbiddenError);
    expect(ask).toThrow(expect.objectContaining({ code: 'auth.other-province', field: 'provinceCode' }));
  });

  it('refuses a role that has no provincial records', () => {
    const viewer: Principal = { kind: 'user', id: 'u3', name: 'xem', role: 'viewer', scopes: [] };
    expect(() => visiblePlanProvinces(viewer, undefined)).toThrow(ForbiddenError);
  });
});
