import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { callersAt, type Caller } from './caller';
import { ResponseConformance } from './response-conformance';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createClient } from 'redis';
import { REVOCATIONS_COMPLETE_KEY } from '@kc/auth';
import { parseConfig } from '@kc/config';
import { deadLetterTopic, INTERNAL_AUDIENCE, PRINCIPAL_CLAIM, type Principal } from '@kc/contracts';
import { createServiceApp } from '@kc/http';
import type { DynamicModule } from '@nestjs/common';
import type { z } from 'zod';
import { DataSource } from 'typeorm';
import { KafkaEventServer } from '@kc/messaging';
import { createScratchDatabase, createTopics, testInfrastructure, testKafka, uniqueName } from '@kc/testing';

export const TEST_ISSUER = 'kc-gateway';

/**
 * Stands in for the gateway's revocation keeper: nothing is revoked in these tests, so the sentinel that says
 * "every revocation marker is in Redis" is simply kept there — also when another test flushes the shared db.
 */
async function keepRevocationsComplete(redisUrl: string) {
  const redis = createClient({ url: redisUrl });
  redis.on('error', () => undefined);
  await redis.connect();
  const mark = () => redis.set(REVOCATIONS_COMPLETE_KEY, 'test harness', { condition: 'NX' });
  await mark();
  const timer = setInterval(() => void mark().catch(() => undefined), 200);
  return async () => {
    clearInterval(timer);
    await redis.close();
  };
}

/**
 * Stands in for the gateway's identity provider: serves a JWKS and mints internal tokens with its key; and for
 * its revocation keeper.
 */
export async function startIssuer() {
  const stopKeeping = await keepRevocationsComplete(testInfrastructure().redisUrl);
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  const tokenFor = (principal: Principal) =>
    new SignJWT({ [PRINCIPAL_CLAIM]: principal })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(TEST_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setSubject(principal.id)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  const close = async () => {
    await stopKeeping();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { jwksUrl, tokenFor, close };
}

export interface BootedService {
  app: NestExpressApplication;
  url: string;
  databaseUrl: string;
  tokenFor(principal: Principal): Promise<string>;
  /** HTTP calls as `principal` (its token minted once and reused). */
  as(principal: Principal): Caller;
  close(): Promise<void>;
}

export interface ServiceUnderTest<S extends z.ZodType> {
  service: string;
  envSchema: S;
  module(config: z.infer<S>): DynamicModule;
  /** Extra environment (e.g. a sweeper interval of 0: tests run periodic jobs when they mean to). */
  env?: Record<string, string>;
}

/**
 * A real service app (its module as main.ts boots it) on a scratch database, the test Redis and broker,
 * listening on a free port; callers present tokens signed by a stand-in issuer whose JWKS the service trusts.
 */
export async function bootService<S extends z.ZodType>(
  spec: ServiceUnderTest<S>,
  database: string,
  /**
   * `measured`: a benchmark times the service as it runs in production, without the tests' check of every
   * answer against its route entry (ResponseConformance validates each body: a cost production never pays).
   */
  purpose: 'tested' | 'measured' = 'tested',
): Promise<BootedService> {
  const infra = testInfrastructure();
  const issuer = await startIssuer();
  const databaseUrl = await createScratchDatabase(database);
  const config = parseConfig(spec.envSchema, {
    NODE_ENV: 'test',
    PORT: '3499',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: infra.brokers.join(','),
    REDIS_URL: infra.redisUrl,
    LOG_LEVEL: 'error',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_JWKS_URL: issuer.jwksUrl,
    ...spec.env,
  }) as z.infer<S> & { HOST: string; KAFKA_BROKERS: string[]; PORT: number };
  const app = await createServiceApp(spec.module(config), {
    service: spec.service,
    port: config.PORT,
    host: config.HOST,
    brokers: config.KAFKA_BROKERS,
  });
  if (purpose === 'tested') app.useGlobalInterceptors(new ResponseConformance());
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    url,
    databaseUrl,
    tokenFor: issuer.tokenFor,
    as: callersAt(url, issuer.tokenFor),
    close: async () => {
      await app.close();
      await issuer.close();
    },
  };
}

/**
 * Moves a consumer group to the current end of each topic: a test then sees the events it publishes (and any
 * that other tests publish meanwhile), never the backlog the shared test broker has accumulated.
 */
export async function moveGroupToEnd(groupId: string, topics: readonly string[]): Promise<void> {
  const admin = testKafka('itest-admin').admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Feeds a booted service from the real topics through its real consumer (the Kafka transport, the inbox, the
 * @OnEvent handlers) under a consumer group of its own, starting at the end of each topic; the group's
 * dead-letter topics exist, so a parked event does not stall it. Returns the group's name.
 */
export async function consumeFromEnd(service: BootedService, topics: readonly string[]): Promise<string> {
  const { brokers } = testInfrastructure();
  const group = uniqueName('itest');
  await createTopics(
    testKafka(),
    topics.map((t) => deadLetterTopic(t, group)),
  );
  await moveGroupToEnd(group, topics);
  service.app.connectMicroservice(
    { strategy: new KafkaEventServer({ service: group, brokers, dataSource: service.app.get(DataSource) }) },
    { inheritAppConfig: true },
  );
  await service.app.startAllMicroservices();
  return group;
}
