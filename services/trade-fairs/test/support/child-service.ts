import { testInfrastructure } from '@kc/testing';
import type { Principal, RegistrationView } from '@kc/contracts';
import {
  client,
  startServiceProcess,
  TEST_ISSUER,
  type ServiceProcess,
  type startIssuer,
} from '@kc/service-testing';

/**
 * One HTTP call to a service run as a process, as `principal` (a token from the stand-in issuer, minted once),
 * with an optional Idempotency-Key. `url` is read per call: the process restarts on another port.
 */
export function callerFor(issuer: Awaited<ReturnType<typeof startIssuer>>, url: () => string) {
  const tokens = new Map<string, Promise<string>>();
  return async (principal: Principal, method: string, path: string, body?: unknown, key?: string) => {
    if (!tokens.has(principal.id)) tokens.set(principal.id, issuer.tokenFor(principal));
    const reply = await client(url())<RegistrationView & Record<string, unknown>>(method, path, {
      token: await tokens.get(principal.id),
      body,
      headers: key ? { 'idempotency-key': key } : undefined,
    });
    return { status: reply.status, body: reply.body };
  };
}

/**
 * trade-fairs as `npm start` runs it, with the environment deploy/profiles.mjs `serviceEnv` builds, pointed at
 * the given database and brokers (its sweeper off: tests run it when they mean to).
 */
export function startTradeFairsProcess(options: {
  databaseUrl: string;
  brokers: string;
  port: number;
  jwksUrl: string;
}): Promise<ServiceProcess> {
  return startServiceProcess('trade-fairs', options.port, {
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.brokers,
    REDIS_URL: testInfrastructure().redisUrl,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_JWKS_URL: options.jwksUrl,
    BOOTH_SWEEP_MS: '0',
  });
}
