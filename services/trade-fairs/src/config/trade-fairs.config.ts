import { z } from 'zod';
import { loadConfigOrExit, serviceEnvSchema, urlVariable } from '@kc/config';

export const tradeFairsEnvSchema = serviceEnvSchema.extend({
  /** How often lapsed holds are returned, due quotas released and the waiting lists promoted; 0 turns it off. */
  BOOTH_SWEEP_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** The subsidy policy (code in table subsidy_policy) a new fair follows unless another is chosen. */
  FAIR_DEFAULT_SUBSIDY_POLICY: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .default('domestic-fair-organiser'),
  /** The policy a new international fair (a fair abroad) follows unless another is chosen. */
  FAIR_INTERNATIONAL_SUBSIDY_POLICY: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .default('international-fair'),
  /** The awards service, asked before a refusal based on trade-fairs' copy of its certificates stands. */
  AWARDS_URL: urlVariable(['http', 'https']).optional(),
});

export type TradeFairsConfig = z.infer<typeof tradeFairsEnvSchema>;
export const loadTradeFairsConfig = (): TradeFairsConfig => loadConfigOrExit(tradeFairsEnvSchema);
