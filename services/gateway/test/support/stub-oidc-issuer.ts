import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

export const STUB_ISSUER = 'https://sso.khuyencong.example.vn';
export const STUB_CLIENT = { id: 'kc-web', secret: 'stub-client-secret' };

interface Grant {
  claims: Record<string, unknown>;
  nonce: string;
  challenge: string;
  redirectUri: string;
}

const s256 = (value: string) => createHash('sha256').update(value).digest('base64url');

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

/**
 * An OpenID provider as far as the gateway's browser sign-in uses one: an authorization endpoint that approves
 * at once as `person` (what a signed-in user at a real issuer sees), a token endpoint that checks the client,
 * the redirect URI and the PKCE verifier, and refresh tokens the test can revoke.
 */
export async function startStubIssuer() {
  const pair = await generateKeyPair('RS256');
  const key: KeyLike = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'sso-1', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const refreshTokens = new Map<string, Record<string, unknown>>();
  const state = {
    /** Who signs in at the issuer next. */
    person: { sub: 'vneid-001', preferred_username: 'nguyen.van.a', kc_role: 'viewer' } as Record<
      string,
      unknown
    >,
    /** A tampered nonce in the next ID token. */
    wrongNonce: false,
    /** The authorization requests as they came. */
    authorizations: [] as URLSearchParams[],
    exchanges: 0,
  };

  const idToken = (claims: Record<string, unknown>, nonce?: string) =>
    new SignJWT({ ...claims, ...(nonce ? { nonce } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: 'sso-1' })
      .setIssuer(STUB_ISSUER)
      .setAudience(STUB_CLIENT.id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    void (async () => {
      if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
      if (url.pathname === '/authorize') {
        const q = url.searchParams;
        state.authorizations.push(q);
        const code = randomBytes(16).toString('hex');
        grants.set(code, {
          claims: { ...state.person },
          nonce: q.get('nonce') ?? '',
          challenge: q.get('code_challenge') ?? '',
          redirectUri: q.get('redirect_uri') ?? '',
        });
        const back = new URL(q.get('redirect_uri')!);
        back.search = new URLSearchParams({ code, state: q.get('state') ?? '', iss: STUB_ISSUER }).toString();
        return res.writeHead(302, { location: back.toString() }).end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const basic = `Basic ${Buffer.from(`${STUB_CLIENT.id}:${STUB_CLIENT.secret}`).toString('base64')}`;
        if (req.headers.authorization !== basic) return json(401, { error: 'invalid_client' });
        const body = await form(req);
        state.exchanges += 1;
        if (body.get('grant_type') === 'authorization_code') {
          const grant = grants.get(body.get('code') ?? '');
          grants.delete(body.get('code') ?? '');
          if (
            !grant ||
            grant.redirectUri !== body.get('redirect_uri') ||
            s256(body.get('code_verifier') ?? '') !== grant.challenge
          )
            return json(400, { error: 'invalid_grant' });
          const refresh = randomBytes(16).toString('hex');
          refreshTokens.set(refresh, grant.claims);
          const nonce = state.wrongNonce ? 'not-the-nonce' : grant.nonce;
          return json(200, {
            access_token: 'opaque',
            token_type: 'Bearer',
            id_token: await idToken(grant.claims, nonce),
            refresh_token: refresh,
          });
        }
        if (body.get('grant_type') === 'refresh_token') {
          const claims = refreshTokens.get(body.get('refresh_token') ?? '');
          refreshTokens.delete(body.get('refresh_token') ?? '');
          if (!claims) return json(400, { error: 'invalid_grant' });
          const refresh = randomBytes(16).toString('hex');
          refreshTokens.set(refresh, claims);
          return json(200, {
            access_token: 'opaque',
            token_type: 'Bearer',
            id_token: await idToken(claims),
            refresh_token: refresh,
          });
        }
        return json(400, { error: 'unsupported_grant_type' });
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    /** The person's session at the issuer ends: none of their refresh tokens works any more. */
    endSessions: () => refreshTokens.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
