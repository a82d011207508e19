import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .url({ message: `must be a URL (${protocols.join(' or ')})` })
    .refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

export const port = z.coerce.number().int().min(1).max(65535);

/** Compose passes unset variables as empty strings: treat them as absent. */
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
/** A variable that may be unset (or blank). */
export const optionalVariable = <S extends z.ZodType>(schema: S) =>
  z.preprocess(blankAsUnset, schema.optional());
/** A variable with a default when unset (or blank). */
export const variableWithDefault = <S extends z.ZodType>(schema: S, fallback: z.input<S>) =>
  z.preprocess(blankAsUnset, schema.default(fallback as never));

/** The variables every service process needs: its port, its own database, the broker and Redis. */
export const serviceEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port,
  DATABASE_URL: url(['postgres', 'postgresql']),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((value) => value.split(',').map((b) => b.trim()))
    .pipe(z.array(z.string().regex(/^[\w.-]+:\d+$/, 'must be a comma-separated list of host:port'))),
  REDIS_URL: url(['redis', 'rediss']),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Issuer of the access tokens every service verifies (the gateway's built-in identity provider). */
  AUTH_ISSUER: z.string().min(1).default('kc-gateway'),
  /** Where the gateway publishes its token-signing public keys; services need it, the gateway does not. */
  AUTH_JWKS_URL: url(['http', 'https']).optional(),
  /** How often the outbox relay polls when no notification arrives (it is woken by LISTEN/NOTIFY). */
  /**
   * How long a request refused on a copy of another service's facts waits for the copy to catch up, once the
   * owner has said it would allow it (then 503 consistency.replica-behind).
   */
  REPLICA_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
});

export type ServiceEnv = z.infer<typeof serviceEnvSchema>;

export { url as urlVariable };
