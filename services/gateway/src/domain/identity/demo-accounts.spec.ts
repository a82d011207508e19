import { provincesAsOf } from '@kc/reference-data';
import { demoAccounts } from './demo-accounts';

describe('demo accounts', () => {
  const accounts = demoAccounts(provincesAsOf('2026-03-02').map((unit) => unit.code));

  it('has one province officer per current provincial unit, bound to it', () => {
    const officers = accounts.filter((a) => a.role === 'province-officer');
    expect(officers).toHaveLength(34);
    expect(officers.find((a) => a.username === 'sct.40')).toMatchObject({ provinceCode: '40' });
    expect(officers.find((a) => a.username === 'sct.01')).toMatchObject({ provinceCode: '01' });
  });

  it('lists the agency, organiser, business, thirteen jurors (a national council) and the viewer once each', () => {
    const names = accounts.map((a) => a.username);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'cuc.admin',
        'cuc.canbo',
        'btc.hoicho',
        'dn.demo',
        'giamkhao.1',
        'giamkhao.13',
        'xem',
      ]),
    );
    expect(accounts.filter((a) => a.role === 'juror').map((a) => a.username)).toEqual(
      Array.from({ length: 13 }, (_, i) => `giamkhao.${i + 1}`),
    );
    expect(accounts.find((a) => a.username === 'dn.demo')).toMatchObject({ facilityTaxCode: '0101234567' });
  });
});
