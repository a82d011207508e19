import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { parseConfig } from '@kc/config';
import { createScratchDatabase, testInfrastructure } from '@kc/testing';
import { gatewayEnvSchema } from '../../src/config/gateway.config';
import { createGatewayApp } from '../../src/interface/http/gateway-app';
import { topicsConsumedBy } from '@kc/contracts';
import { moveGroupToEnd, ResponseConformance } from '@kc/service-testing';

export interface UpstreamCall {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * Stands in for the six services (and an external OIDC issuer's JWKS): answers 200 with what it received and
 * remembers each call, so a test can see exactly what the gateway forwarded.
 */
export async function startStubUpstream(jwks: () => unknown = () => ({ keys: [] })) {
  const calls: UpstreamCall[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === '/oidc/jwks') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwks()));
      return;
    }
    calls.push({ method: req.method!, url: req.url!, headers: req.headers });
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ items: [], page: 1, limit: 50, total: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface BootedGateway {
  app: NestExpressApplication;
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The real gateway app (createGatewayApp, as main.ts runs it) on a scratch database, the test Redis (db 1)
 * and the test broker, listening on a free port.
 */
export async function bootGateway(options: {
  database: string;
  upstreamUrl: string;
  env?: Record<string, string>;
  consumeEvents?: boolean;
}): Promise<BootedGateway> {
  const infra = testInfrastructure();
  const databaseUrl = await createScratchDatabase(options.database);
  const services = ['PLANS', 'PROJECTS', 'CLUSTERS', 'TRADE_FAIRS', 'AWARDS', 'REPORTING'];
  const config = parseConfig(gatewayEnvSchema, {
    NODE_ENV: 'test',
    PORT: '3499',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: infra.brokers.join(','),
    REDIS_URL: infra.redisUrl,
    LOG_LEVEL: 'error',
    ...Object.fromEntries(services.map((s) => [`${s}_URL`, options.upstreamUrl])),
    ...options.env,
  });
  const app = await createGatewayApp(config);
  if (options.consumeEvents) {
    // The shared test broker holds every earlier run's audit events: start after them.
    await moveGroupToEnd('gateway', topicsConsumedBy('gateway'));
    await app.startAllMicroservices();
  }
  app.useGlobalInterceptors(new ResponseConformance());
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return { app, url, databaseUrl, close: () => app.close() };
}

/** The one HTTP client of the service tests. */
export { client, type Reply } from '@kc/service-testing';
