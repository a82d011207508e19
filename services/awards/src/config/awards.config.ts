import { z } from 'zod';
import {
  loadConfigOrExit,
  optionalVariable,
  serviceEnvSchema,
  urlVariable,
  variableWithDefault,
} from '@kc/config';

export const awardsEnvSchema = serviceEnvSchema.extend({
  /**
   * Where the public web app is reached: a printed certificate's QR code opens `${PUBLIC_BASE_URL}/verify/<number>`.
   * Without a trailing slash.
   */
  PUBLIC_BASE_URL: variableWithDefault(urlVariable(['http', 'https']), 'http://localhost:3000').transform(
    (url) => url.replace(/\/+$/, ''),
  ),
  /**
   * The HMAC key behind the jurors' pseudonyms in published results (at least 32 bytes). Unset: a random key is
   * made once and kept in the awards database, so results are published under one key for good.
   */
  AWARDS_PSEUDONYM_KEY: optionalVariable(
    z.string().refine((key) => Buffer.byteLength(key, 'utf8') >= 32, 'must be at least 32 bytes'),
  ),
  /**
   * How often the background worker looks for publications still pending (asked for, or left by a stopped
   * instance); a request to publish also wakes it at once. 0 turns the polling off (the wake-up still works).
   */
  AWARDS_PUBLICATION_POLL_MS: variableWithDefault(z.coerce.number().int().min(0).max(3_600_000), 5_000),
});

export type AwardsConfig = z.infer<typeof awardsEnvSchema>;
export const loadAwardsConfig = (): AwardsConfig => loadConfigOrExit(awardsEnvSchema);
