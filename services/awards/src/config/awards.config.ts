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
});

export type AwardsConfig = z.infer<typeof awardsEnvSchema>;
export const loadAwardsConfig = (): AwardsConfig => loadConfigOrExit(awardsEnvSchema);
