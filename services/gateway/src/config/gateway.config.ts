import { z } from 'zod';
import { loadConfigOrExit, serviceEnvSchema, urlVariable } from '@kc/config';

const upstreamUrl = urlVariable(['http', 'https']);

/** The services behind the gateway and how long it waits for any of them. */
export const gatewayEnvSchema = serviceEnvSchema.extend({
  PLANS_URL: upstreamUrl,
  PROJECTS_URL: upstreamUrl,
  CLUSTERS_URL: upstreamUrl,
  TRADE_FAIRS_URL: upstreamUrl,
  AWARDS_URL: upstreamUrl,
  REPORTING_URL: upstreamUrl,
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export type GatewayConfig = z.infer<typeof gatewayEnvSchema>;
export const loadGatewayConfig = (): GatewayConfig => loadConfigOrExit(gatewayEnvSchema);
