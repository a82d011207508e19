import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { INTERNAL_AUDIENCE, PRINCIPAL_CLAIM, type Principal } from '@kc/contracts';
import { TOKEN_ALG, type SigningKeys } from './signing-keys';

export interface IssuedToken {
  token: string;
  jti: string;
  /** Seconds since the epoch. */
  expiresAt: number;
  expiresIn: number;
}

/** Mints the internal access tokens every service verifies: ES256, with the principal in the `kc` claim. */
export class TokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    /** The `iss` of every token it signs (RFC 8414 metadata names it too). */
    readonly issuer: string,
    readonly defaultTtlSeconds: number,
  ) {}

  async issue(principal: Principal, ttlSeconds = this.defaultTtlSeconds): Promise<IssuedToken> {
    const jti = randomUUID();
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + ttlSeconds;
    const token = await new SignJWT({ [PRINCIPAL_CLAIM]: principal })
      .setProtectedHeader({ alg: TOKEN_ALG, kid: this.keys.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(INTERNAL_AUDIENCE)
      .setSubject(principal.id)
      .setJti(jti)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.keys.privateKey);
    return { token, jti, expiresAt, expiresIn: ttlSeconds };
  }
}
