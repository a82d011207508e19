import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { assertMayRegister, mayManage, registrationListScope } from './registration-access';

const central: Principal = { kind: 'user', id: 'u1', name: 'cuc.canbo', role: 'central-officer', scopes: [] };
const ngheAn: Principal = {
  kind: 'user',
  id: 'u2',
  name: 'sct.40',
  role: 'province-officer',
  provinceCode: '40',
  scopes: [],
};
const business: Principal = {
  kind: 'user',
  id: 'u3',
  name: 'dn.demo',
  role: 'business',
  facilityTaxCode: '2900123456',
  scopes: [],
};
const facility = (taxCode: string, provinceCode: string) => ({
  taxCode,
  name: 'Hợp tác xã mây tre đan',
  provinceCode,
  legalForm: 'cooperative' as const,
});

describe('who may register and manage booth registrations', () => {
  it('lets a business register only the facility it represents', () => {
    expect(() => assertMayRegister(business, facility('2900123456', '40'))).not.toThrow();
    expect(() => assertMayRegister(business, facility('0101234567', '01'))).toThrow(
      expect.objectContaining({ code: 'registration.other-facility', field: 'facility.taxCode' }),
    );
  });

  it("lets a province officer register their own province's facilities, the agency any", () => {
    expect(() => assertMayRegister(ngheAn, facility('2900123456', '40'))).not.toThrow();
    expect(() => assertMayRegister(ngheAn, facility('0101234567', '01'))).toThrow(ForbiddenError);
    expect(() => assertMayRegister(central, facility('0101234567', '01'))).not.toThrow();
  });

  it('shows a registration to its facility, its province officer and the agency only', () => {
    const registration = { facilityTaxCode: '2900123456', facilityProvinceCode: '40' };
    expect([central, ngheAn, business].map((p) => mayManage(p, registration))).toEqual([true, true, true]);
    const other = { facilityTaxCode: '0101234567', facilityProvinceCode: '01' };
    expect([central, ngheAn, business].map((p) => mayManage(p, other))).toEqual([true, false, false]);
  });

  it('limits a list to the caller’s province or facility', () => {
    expect(registrationListScope(central, undefined, 'current')).toEqual({ provinceCodes: undefined });
    expect(registrationListScope(ngheAn, undefined, 'current')).toEqual({ provinceCodes: ['40'] });
    expect(() => registrationListScope(ngheAn, '01', 'current')).toThrow(ForbiddenError);
    expect(registrationListScope(business, undefined, 'current')).toEqual({
      provinceCodes: undefined,
      facilityTaxCode: '2900123456',
    });
  });

  it("gives a merged unit's officer the registrations of the units that went into it", () => {
    const haiPhong: Principal = { ...ngheAn, name: 'sct.31', provinceCode: '31' };
    expect(registrationListScope(haiPhong, undefined, 'current')).toEqual({ provinceCodes: ['30', '31'] });
    expect(registrationListScope(haiPhong, '31', 'recorded')).toEqual({ provinceCodes: ['31'] });
    expect(registrationListScope(business, '31', 'current')).toEqual({
      provinceCodes: ['30', '31'],
      facilityTaxCode: '2900123456',
    });
    const haiDuong = { facilityTaxCode: '0800000001', facilityProvinceCode: '30' };
    expect([haiPhong, ngheAn].map((p) => mayManage(p, haiDuong))).toEqual([true, false]);
  });
});
