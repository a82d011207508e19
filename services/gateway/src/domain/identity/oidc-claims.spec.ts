import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import { externalClientOf, principalFromOidcClaims } from './oidc-claims';

const names = { role: 'kc_role', province: 'kc_province', username: 'preferred_username' };
const map = (claims: Record<string, unknown>) => principalFromOidcClaims(claims, names);

describe('external OIDC claims → principal', () => {
  it('maps a province officer with the unit of the province claim', () => {
    expect(
      map({
        sub: 'abc-1',
        kc_role: 'province-officer',
        kc_province: '40',
        preferred_username: 'sct.40',
        scope: 'openid projects:write',
      }),
    ).toEqual(
      expect.objectContaining({
        kind: 'user',
        id: 'abc-1',
        name: 'sct.40',
        role: 'province-officer',
        provinceCode: '40',
        scopes: ['projects:write'],
      }),
    );
  });

  it('accepts the role inside a list of the issuer’s roles when exactly one is ours', () => {
    expect(map({ sub: 's', kc_role: ['offline_access', 'central-officer'] }).role).toBe('central-officer');
  });

  it('uses the subject as the name when the username claim is missing', () => {
    expect(map({ sub: 's-9', kc_role: 'viewer' }).name).toBe('s-9');
  });

  it('refuses a role the platform does not know, and a missing one, with 403', () => {
    for (const claims of [
      { sub: 's', kc_role: 'superuser' },
      { sub: 's' },
      { sub: 's', kc_role: ['viewer', 'juror'] },
    ]) {
      expect(() => map(claims)).toThrow(ForbiddenError);
    }
    try {
      map({ sub: 's', kc_role: 'root' });
    } catch (error) {
      expect((error as ForbiddenError).code).toBe('auth.unknown-role');
    }
  });

  it('refuses a province officer without a valid unit code', () => {
    expect(() => map({ sub: 's', kc_role: 'province-officer' })).toThrow(ForbiddenError);
    expect(() => map({ sub: 's', kc_role: 'province-officer', kc_province: 'Nghệ An' })).toThrow(
      ForbiddenError,
    );
  });

  it('ignores a province claim for roles not bound to a province', () => {
    expect(map({ sub: 's', kc_role: 'central-admin', kc_province: '40' }).provinceCode).toBeUndefined();
  });

  it('reads the bindings of fair organisers and businesses', () => {
    expect(map({ sub: 's', kc_role: 'fair-organizer', kc_fairs: ['f1'] }).fairIds).toEqual(['f1']);
    expect(map({ sub: 's', kc_role: 'business', kc_facility: '0101234567' }).facilityTaxCode).toBe(
      '0101234567',
    );
  });

  it('admits a juror whose issuer still sends round ids, carrying none: the juries at awards decide', () => {
    const juror = map({ sub: 's', kc_role: 'juror', kc_rounds: 'r1 r2' });
    expect(juror).toEqual({ kind: 'user', id: 's', name: 's', role: 'juror', scopes: [] });
  });

  it('honours configured claim names', () => {
    const custom = { role: 'groups', province: 'ma_tinh', username: 'email' };
    expect(
      principalFromOidcClaims(
        { sub: 's', groups: 'province-officer', ma_tinh: '01', email: 'a@b.vn' },
        custom,
      ),
    ).toMatchObject({ role: 'province-officer', provinceCode: '01', name: 'a@b.vn' });
  });

  it('refuses a token without a subject as unauthenticated', () => {
    expect(() => map({ kc_role: 'viewer' })).toThrow(UnauthenticatedError);
  });

  it("grants the token's scopes within the role's, never beyond, and none when the token grants none", () => {
    const viewer = { sub: 's', kc_role: 'viewer' };
    expect(map({ ...viewer, scope: 'fairs:read plans:write openid' }).scopes).toEqual(['fairs:read']);
    expect(map({ ...viewer, scp: ['reports:read', 'clients:write'] }).scopes).toEqual(['reports:read']);
    expect(map(viewer).scopes).toEqual([]);
  });

  it('names the issuer’s client by azp, else client_id, and refuses a token naming none', () => {
    expect(externalClientOf({ azp: 'cong-tinh-40', client_id: 'other' })).toBe('cong-tinh-40');
    expect(externalClientOf({ client_id: 'he-thong-so' })).toBe('he-thong-so');
    for (const claims of [{}, { azp: '' }, { azp: 'có dấu cách' }, { azp: 42 }]) {
      expect(() => externalClientOf(claims)).toThrow(UnauthenticatedError);
    }
  });
});
