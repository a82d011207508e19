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
    expect(visiblePlanProvinces(central, undefined, 'current')).toBeUndefined();
    expect(visiblePlanProvinces(central, '01', 'current')).toEqual(['01']);
  });

  it("limits a province officer to their province's plans and the national plans", () => {
    expect(visiblePlanProvinces(ngheAn, undefined, 'current')).toEqual(['40', null]);
    expect(visiblePlanProvinces(ngheAn, '40', 'current')).toEqual(['40']);
  });

  it("shows a merged unit's officer the plans of the units that went into it", () => {
    const ninhBinh: Principal = { ...ngheAn, name: 'sct.37', provinceCode: '37' };
    expect(visiblePlanProvinces(ninhBinh, undefined, 'current')).toEqual(['35', '36', '37', null]);
    expect(visiblePlanProvinces(ninhBinh, undefined, 'recorded')).toEqual(['37', null]);
    expect(visiblePlanProvinces(ninhBinh, '36', 'current')).toEqual(['36']);
  });

  it("refuses a province officer who asks for another province's plans", () => {
    const ask = () => visiblePlanProvinces(ngheAn, '01', 'current');
    expect(ask).toThrow(ForbiddenError);
    expect(ask).toThrow(expect.objectContaining({ code: 'auth.other-province', field: 'provinceCode' }));
  });

  it('refuses a role that has no provincial records', () => {
    const viewer: Principal = { kind: 'user', id: 'u3', name: 'xem', role: 'viewer', scopes: [] };
    expect(() => visiblePlanProvinces(viewer, undefined, 'current')).toThrow(ForbiddenError);
  });
});
