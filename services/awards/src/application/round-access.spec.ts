import type { Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { maySeeRound, roundListScope } from './round-access';

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
  roundIds: ['r1'],
  scopes: [],
};

describe('award round visibility', () => {
  it('lets the agency list every round, or one province’s', () => {
    expect(roundListScope(central, undefined)).toEqual({});
    expect(roundListScope(central, '01')).toEqual({ provinces: ['01'] });
  });

  it('limits a province officer to their own rounds and the rounds of no province', () => {
    expect(roundListScope(ngheAn, undefined)).toEqual({ provinces: ['40', null] });
    expect(roundListScope(ngheAn, '40')).toEqual({ provinces: ['40'] });
    expect(() => roundListScope(ngheAn, '01')).toThrow(ForbiddenError);
    expect(() => roundListScope(ngheAn, '01')).toThrow(
      expect.objectContaining({ code: 'auth.other-province', field: 'provinceCode' }),
    );
  });

  it('limits a juror to the rounds they sit on, whatever province they filter by', () => {
    expect(roundListScope(juror, undefined)).toEqual({ roundIds: ['r1'] });
    expect(roundListScope(juror, '01')).toEqual({ roundIds: ['r1'], provinces: ['01'] });
    expect(roundListScope({ ...juror, roundIds: undefined }, undefined)).toEqual({ roundIds: [] });
  });

  it('shows a single round by the same rules', () => {
    expect(maySeeRound(central, { id: 'r9', provinceCode: '01' })).toBe(true);
    expect(maySeeRound(ngheAn, { id: 'r9', provinceCode: '40' })).toBe(true);
    expect(maySeeRound(ngheAn, { id: 'r9', provinceCode: null })).toBe(true);
    expect(maySeeRound(ngheAn, { id: 'r9', provinceCode: '01' })).toBe(false);
    expect(maySeeRound(juror, { id: 'r1', provinceCode: '01' })).toBe(true);
    expect(maySeeRound(juror, { id: 'r9', provinceCode: null })).toBe(false);
  });
});
