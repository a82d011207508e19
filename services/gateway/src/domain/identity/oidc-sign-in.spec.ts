import { createHash } from 'node:crypto';
import {
  codeExchange,
  refreshExchange,
  safeReturnPath,
  startSignIn,
  type BrowserOidcClient,
} from './oidc-sign-in';

const client: BrowserOidcClient = {
  clientId: 'kc-web',
  clientSecret: null,
  authorizationUrl: 'https://id.gov.vn/authorize?ui_locales=vi',
  tokenUrl: 'https://id.gov.vn/token',
  redirectUri: 'https://khuyencong.gov.vn/api/v1/auth/oidc/callback',
  displayName: 'VNeID',
};

describe('browser sign-in at an OIDC issuer', () => {
  it('sends the S256 challenge of a verifier it keeps, and keeps the issuer’s own query parameters', () => {
    const started = startSignIn(client, '/projects');
    const url = new URL(started.location);
    const challenge = createHash('sha256').update(started.pending.codeVerifier).digest('base64url');
    expect(url.searchParams.get('code_challenge')).toBe(challenge);
    expect(url.searchParams.get('ui_locales')).toBe('vi');
    expect(url.searchParams.get('state')).toBe(started.state);
    expect(url.searchParams.get('nonce')).toBe(started.pending.nonce);
    // Only the binding cookie's hash is kept: a leak of the store does not let anyone finish the sign-in.
    expect(started.pending.binding).not.toBe(started.binding);
    expect(startSignIn(client, '/').state).not.toBe(started.state);
  });

  it('authenticates a confidential client with Basic, a public one by naming itself', () => {
    expect(codeExchange(client, 'c', 'v').body).toContain('client_id=kc-web');
    const confidential = refreshExchange({ ...client, clientSecret: 's3cret' }, 'r');
    expect(confidential.headers.authorization).toBe(
      `Basic ${Buffer.from('kc-web:s3cret').toString('base64')}`,
    );
    expect(confidential.body).toBe('grant_type=refresh_token&refresh_token=r');
  });

  it('comes back only to a page of this site', () => {
    expect(safeReturnPath('/provinces/40?year=2018')).toBe('/provinces/40?year=2018');
    for (const elsewhere of [
      undefined,
      '',
      '//evil.vn',
      '/\\evil.vn',
      'https://evil.vn',
      '/api/v1/plans',
      'x',
    ])
      expect(safeReturnPath(elsewhere)).toBe('/');
  });
});
