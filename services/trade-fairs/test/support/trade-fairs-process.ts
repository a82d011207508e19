import {
  callersAt,
  connectDatabase,
  deferredDatabase,
  freePort,
  startIssuer,
  startServiceProcess,
  TEST_ISSUER,
  type ConnectedDatabase,
  type ServiceProcess,
} from '@kc/service-testing';
import { createScratchDatabase, testInfrastructure } from '@kc/testing';
import { fairGivens } from './fair-givens';

/**
 * trade-fairs as `npm start` runs it (a process of its own, to be killed or cut from its broker), on a scratch
 * database, trusting a stand-in issuer; its sweeper off (tests run it when they mean to). `start` launches it
 * (the test broker unless told), again after it stopped; the afterAll stops it if it still runs.
 */
export function useTradeFairsProcess(database: string) {
  let issuer: Awaited<ReturnType<typeof startIssuer>> | undefined;
  let databaseUrl: string;
  let port: number;
  let connected: ConnectedDatabase | undefined;
  let current: ServiceProcess | undefined;
  const running = () => {
    if (!current) throw new Error('trade-fairs is used before start() launched it');
    return current;
  };
  // Tokens are minted once the issuer runs; the URL is read per call (the process restarts).
  const as = callersAt(
    () => running().url,
    (principal) => issuer!.tokenFor(principal),
  );
  const db = deferredDatabase(() => connected!);

  beforeAll(async () => {
    issuer = await startIssuer();
    databaseUrl = await createScratchDatabase(database);
    port = await freePort();
    connected = await connectDatabase(databaseUrl);
  }, 30_000);

  afterAll(async () => {
    await connected?.close();
    await current?.stop();
    await issuer?.close();
  });

  return {
    as,
    db,
    /** The process running now (to kill it, or wait for its exit). */
    get service() {
      return running();
    },
    async start(brokers = testInfrastructure().brokers.join(',')) {
      current = await startServiceProcess('trade-fairs', port, {
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: brokers,
        REDIS_URL: testInfrastructure().redisUrl,
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_JWKS_URL: issuer!.jwksUrl,
        BOOTH_SWEEP_MS: '0',
      });
    },
    ...fairGivens(as),
  };
}
