import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = `('central-admin','central-officer','province-officer','fair-organizer','business','juror','viewer')`;

/** The built-in identity provider: its signing keys (when none comes from the env), users and API clients. */
export class Identity1763900000700 implements MigrationInterface {
  name = 'Identity1763900000700';

  async up(q: QueryRunner): Promise<void> {
    // Only for deployments without AUTH_SIGNING_KEY (demo, tests, small installations): production keeps the
    // private key in its secret store and passes it in the environment.
    await q.query(`
      CREATE TABLE signing_key (
        kid             text PRIMARY KEY CHECK (kid ~ '^[A-Za-z0-9_.-]{1,64}$'),
        alg             text NOT NULL CHECK (alg = 'ES256'),
        private_key_pem text NOT NULL,
        public_jwk      jsonb NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id                  uuid PRIMARY KEY,
        username            text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
        password_hash       text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        role                text NOT NULL CHECK (role IN ${ROLES}),
        province_code       text CHECK (province_code ~ '^[0-9]{2}$'),
        fair_ids            text[] NOT NULL DEFAULT '{}',
        facility_tax_code   text CHECK (facility_tax_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
        round_ids           text[] NOT NULL DEFAULT '{}',
        disabled            boolean NOT NULL DEFAULT false,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at          timestamptz NOT NULL DEFAULT now(),
        -- A province officer acts for exactly one unit; nobody else is bound to one.
        CHECK ((role = 'province-officer') = (province_code IS NOT NULL)),
        CHECK (role = 'business' OR facility_tax_code IS NULL)
      )`);

    await q.query(`
      CREATE TABLE api_client (
        id                    uuid PRIMARY KEY,
        name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role                  text NOT NULL CHECK (role IN ${ROLES} AND role <> 'central-admin'),
        province_code         text CHECK (province_code ~ '^[0-9]{2}$'),
        scopes                text[] NOT NULL CHECK (cardinality(scopes) > 0),
        secret_hash           text NOT NULL CHECK (secret_hash LIKE '$argon2id$%'),
        api_key_prefix        text NOT NULL UNIQUE CHECK (api_key_prefix ~ '^[0-9a-f]{12}$'),
        api_key_hash          text NOT NULL CHECK (api_key_hash ~ '^[0-9a-f]{64}$'),
        rate_limit_per_minute int  NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
        revoked_at            timestamptz,
        created_at            timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'province-officer') = (province_code IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_client`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE signing_key`);
  }
}
