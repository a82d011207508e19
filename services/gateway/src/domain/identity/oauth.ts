import { OAUTH_GRANT_TYPES, tokenRequest, type OAuthErrorCode } from '@kc/contracts';

/**
 * A refusal of the token endpoint in RFC 6749 §5.2 terms. 400, except a failed client authentication
 * through the Authorization header (or none at all), which is 401 with the scheme to use (§5.2, invalid_client).
 * English only: §5.2 allows error_description printable ASCII without `"` or `\`, so no Vietnamese here.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly challenge = false,
  ) {
    super(description);
  }

  get status(): 400 | 401 {
    return this.challenge ? 401 : 400;
  }
}

/** The realm the token endpoint names in WWW-Authenticate. */
export const TOKEN_ENDPOINT_CHALLENGE = 'Basic realm="kc-gateway", charset="UTF-8"';

export interface ClientCredentialsGrant {
  clientId: string;
  clientSecret: string;
  /** How the client authenticated: a failure through Basic is answered 401 with a challenge. */
  via: 'basic' | 'body';
  /** The scopes asked for (deduplicated); undefined: all the client has. */
  scopes?: string[];
}

/** §2.3.1: the id and secret are form-encoded before they are put in Basic credentials. */
function fromBasic(authorization: string): { clientId: string; clientSecret: string } {
  const encoded = /^Basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(authorization)?.[1];
  const decoded = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const formDecode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return '';
    }
  };
  const [clientId, clientSecret] = [
    formDecode(decoded.slice(0, colon)),
    formDecode(decoded.slice(colon + 1)),
  ];
  if (colon < 0 || !clientId || !clientSecret) {
    throw new OAuthError('invalid_client', 'the Basic credentials are not client_id:client_secret', true);
  }
  return { clientId, clientSecret };
}

/**
 * Reads a token request (form or JSON body, and the Authorization header) into a client-credentials grant,
 * or refuses it the way §5.2 says: each parameter at most once, one client authentication method, a
 * grant type the endpoint issues.
 */
export function readTokenRequest(body: unknown, authorization: string | undefined): ClientCredentialsGrant {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OAuthError('invalid_request', 'the body must be a form (or a JSON object) of parameters');
  }
  const repeated = Object.entries(body).find(([, value]) => Array.isArray(value));
  if (repeated) throw new OAuthError('invalid_request', `${repeated[0]}: must be sent once`);
  const parsed = tokenRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OAuthError('invalid_request', `${issue.path.join('.')}: ${issue.message}`);
  }
  const request = parsed.data;
  if (!(OAUTH_GRANT_TYPES as readonly string[]).includes(request.grant_type)) {
    throw new OAuthError(
      'unsupported_grant_type',
      `grant_type: this endpoint issues ${OAUTH_GRANT_TYPES.join(', ')} only`,
    );
  }
  const scopes = request.scope?.split(' ').filter(Boolean);
  const asked = scopes?.length ? [...new Set(scopes)] : undefined;

  if (authorization !== undefined && /^Basic\s/i.test(authorization)) {
    if (request.client_secret !== undefined) {
      throw new OAuthError('invalid_request', 'client_secret: use one client authentication method, not two');
    }
    const basic = fromBasic(authorization);
    if (request.client_id !== undefined && request.client_id !== basic.clientId) {
      throw new OAuthError('invalid_request', 'client_id: differs from the one in the Basic credentials');
    }
    return { ...basic, via: 'basic', scopes: asked };
  }
  if (request.client_id === undefined || request.client_secret === undefined) {
    throw new OAuthError(
      'invalid_client',
      'authenticate the client with HTTP Basic, or client_id and client_secret in the body',
      true,
    );
  }
  return { clientId: request.client_id, clientSecret: request.client_secret, via: 'body', scopes: asked };
}
