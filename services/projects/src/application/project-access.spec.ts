import type { Principal } from '@kc/contracts';
import { assertMayApprove } from './project-access';

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
  it('lets only the agency approve, even a project of the officer’s own province', () => {
    expect(() => assertMayApprove(central)).not.toThrow();
    expect(() => assertMayApprove({ ...central, role: 'central-officer' })).not.toThrow();
    expect(() => assertMayApprove(ngheAn)).toThrow(
      expect.objectContaining({ code: 'project.approve-central-only' }),
    );
  });
});
