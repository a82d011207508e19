import { Logger } from '@nestjs/common';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  type JWK,
  type KeyLike,
} from 'jose';
import type { DataSource } from 'typeorm';
import type { KeySource } from '@kc/auth';
import { signingJwk, type SigningJwk } from '@kc/contracts';

export const TOKEN_ALG = 'ES256';

interface StoredKey {
  kid: string;
  private_key_pem: string;
  public_jwk: JWK;
}

/** The key as the JWKS route declares it: a key of another curve fails here, at boot, not at a client. */
const published = (jwk: JWK, kid: string): SigningJwk =>
  signingJwk.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: TOKEN_ALG, use: 'sig' });

async function publicJwkOf(privateKey: KeyLike, kid?: string): Promise<SigningJwk> {
  const { kty, crv, x, y } = await exportJWK(privateKey);
  const jwk = { kty, crv, x, y };
  return published(jwk, kid ?? (await calculateJwkThumbprint(jwk)));
}

/**
 * The gateway's token-signing keys: the active private key and the public keys published at /auth/jwks.
 *
 * Production passes the key in AUTH_SIGNING_KEY (from its secret store). Without it — demo, tests, small
 * installations — a key pair is generated at first boot and kept in the gateway's database, so tokens stay
 * valid across restarts; every stored key is published, so a newer row can take over without cutting anyone off.
 */
export class SigningKeys {
  /** For the auth guard: picks the published key named by the token's `kid`. */
  readonly keySource: KeySource;

  private constructor(
    readonly kid: string,
    readonly privateKey: KeyLike,
    readonly publicJwks: SigningJwk[],
  ) {
    this.keySource = createLocalJWKSet({ keys: publicJwks });
  }

  static async fromPem(pem: string, kid?: string): Promise<SigningKeys> {
    const privateKey = await importPKCS8(pem.replace(/\\n/g, '\n'), TOKEN_ALG, { extractable: true });
    const jwk = await publicJwkOf(privateKey, kid);
    return new SigningKeys(jwk.kid, privateKey, [jwk]);
  }

  /** The newest stored key, generating the first one if there is none (one booting gateway at a time). */
  static async fromDatabase(dataSource: DataSource): Promise<SigningKeys> {
    const stored = await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('gateway.signing_key'))`);
      const rows: StoredKey[] = await manager.query(
        `SELECT kid, private_key_pem, public_jwk FROM signing_key ORDER BY created_at DESC, kid`,
      );
      if (rows.length > 0) return rows;
      const { privateKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
      const jwk = await publicJwkOf(privateKey);
      const pem = await exportPKCS8(privateKey);
      await manager.query(
        `INSERT INTO signing_key (kid, alg, private_key_pem, public_jwk) VALUES ($1, $2, $3, $4)`,
        [jwk.kid, TOKEN_ALG, pem, JSON.stringify(jwk)],
      );
      new Logger('SigningKeys').log({
        msg: 'generated a token-signing key (set AUTH_SIGNING_KEY in production)',
        kid: jwk.kid,
      });
      return [{ kid: jwk.kid, private_key_pem: pem, public_jwk: jwk }];
    });
    const [active] = stored;
    const privateKey = await importPKCS8(active.private_key_pem, TOKEN_ALG);
    const publicJwks = stored.map((row) => published(row.public_jwk, row.kid));
    return new SigningKeys(active.kid, privateKey, publicJwks);
  }
}
