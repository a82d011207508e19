import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { assertMayApprove, projectProvinceFilter } from './project-access';

const central: Principal = { kind: 'user', id: 'u1', name: 'cuc.admin', role: 'central-admin', scopes: [] };
const ngheAn: Principal = {
  kind: 'client',
  id: 'c1',
  name: 'Hệ thống Sở Công Thương Nghệ An',
  role: 'province-officer',
  provinceCode: '40',
  scopes: ['projects:read', 'projects:write'],
};

describe('project access', () => {
  it('lets the agency list every province, or the one it asks for', () => {
    expect(projectProvinceFilter(central, undefined)).toBeUndefined();
    expect(projectProvinceFilter(central, '01')).toBe('01');
  });

  it('forces a province officer to their own province', () => {
    expect(projectProvinceFilter(ngheAn, undefined)).toBe('40');
    expect(projectProvinceFilter(ngheAn, '40')).toBe('40');
  });

  it("refuses a province officer who asks for another province's projects", () => {
    const ask = () => projectProvinceFilter(ngheAn, '01');
    expect(ask).toThrow(ForbiddenError);
    expect(ask).toThrow(expect.objectContaining({ code: 'auth.other-province', field: 'provinceCode' }));
  });

  it('lets only the agency approve, even a project of the officer’s own province', () => {
    expect(() => assertMayApprove(central)).not.toThrow();
    expect(() => assertMayApprove({ ...central, role: 'central-officer' })).not.toThrow();
    expect(() => assertMayApprove(ngheAn)).toThrow(
      expect.objectContaining({ code: 'project.approve-central-only' }),
    );
  });
});
