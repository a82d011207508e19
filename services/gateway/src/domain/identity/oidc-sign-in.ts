import { createHash, randomBytes } from 'node:crypto';

/**
 * Browser sign-in through the external OIDC issuer: the authorization code flow with PKCE (RFC 7636, S256),
 * a `state` bound to the browser that started it, and a `nonce` bound into the ID token (OpenID Connect Core
 * §3.1). The gateway is the client; the browser never holds the issuer's tokens, only the session cookies.
 */
export const OIDC_START_PATH = '/api/v1/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
/** Binds a callback to the browser that started the sign-in; Lax, because the issuer's redirect is cross-site. */
export const OIDC_BINDING_COOKIE = 'kc_oidc';
/** How long a started sign-in waits for the person at the issuer. */
export const PENDING_SECONDS = 600;

export interface BrowserOidcClient {
  clientId: string;
  /** Null for a public client (PKCE alone). */
  clientSecret: string | null;
  authorizationUrl: string;
  tokenUrl: string;
  redirectUri: string;
  displayName: string;
}

/** What the gateway remembers of a started sign-in, keyed by its state. */
export interface PendingSignIn {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  /** SHA-256 of the binding cookie's value. */
  binding: string;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const secret = () => base64url(randomBytes(32));

/** A new sign-in: the secrets to keep, the cookie to set and the issuer's page to send the browser to. */
export function startSignIn(client: BrowserOidcClient, returnTo: string) {
  const state = secret();
  const binding = secret();
  const pending: PendingSignIn = {
    codeVerifier: secret(),
    nonce: secret(),
    returnTo,
    binding: sha256(binding),
  };
  const url = new URL(client.authorizationUrl);
  url.search = new URLSearchParams({
    ...Object.fromEntries(url.searchParams),
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: 'openid profile',
    state,
    nonce: pending.nonce,
    code_challenge: sha256(pending.codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  return { state, binding, pending, location: url.toString() };
}

/** The body of the code exchange at the issuer's token endpoint (RFC 6749 §4.1.3 with RFC 7636 §4.5). */
export function codeExchange(client: BrowserOidcClient, code: string, codeVerifier: string) {
  return tokenRequest(client, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: client.redirectUri,
    code_verifier: codeVerifier,
  });
}

/** The body of a refresh at the issuer: the issuer decides whether the person's session goes on. */
export function refreshExchange(client: BrowserOidcClient, refreshToken: string) {
  return tokenRequest(client, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

function tokenRequest(client: BrowserOidcClient, fields: Record<string, string>) {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const body = new URLSearchParams(fields);
  // A confidential client authenticates with HTTP Basic (RFC 6749 §2.3.1); a public one names itself.
  if (client.clientSecret) {
    const pair = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    body.set('client_id', client.clientId);
  }
  return { url: client.tokenUrl, headers, body: body.toString() };
}

/** Where the sign-in page sends a person who could not sign in: the page says why, by the code. */
export function signInFailure(code: string): string {
  return `/sign-in?${new URLSearchParams({ error: code }).toString()}`;
}

/**
 * A page of this app to come back to: a path on this origin only (`/x`, never `//host` or `/\\host`, which
 * browsers read as another origin) — else the conference page.
 */
export function safeReturnPath(returnTo: string | undefined): string {
  if (!returnTo || !/^\/(?![/\\])[^\s\\]*$/.test(returnTo) || returnTo.startsWith('/api/')) return '/';
  return returnTo;
}
