import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { eventually, testInfrastructure } from '@kc/testing';
import type { Principal, RegistrationView } from '@kc/contracts';
import { client, TEST_ISSUER, type startIssuer } from '@kc/service-testing';

const ROOT = resolve(__dirname, '../../../..');

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

/** A free loopback port: listened on, then closed, so nothing answers there. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export interface ChildService {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Waits for the process to end (after a kill or a graceful stop). */
  exited: Promise<number | null>;
}

/**
 * trade-fairs as `npm start` runs it — `node -r @swc-node/register services/trade-fairs/src/main.ts` — with the
 * environment deploy/profiles.mjs `serviceEnv` builds, pointed at the given database and brokers. Resolves
 * once it answers HTTP.
 */
export async function startTradeFairsProcess(options: {
  databaseUrl: string;
  brokers: string;
  port: number;
  jwksUrl: string;
}): Promise<ChildService> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    KC_PROFILE: 'test',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.brokers,
    REDIS_URL: testInfrastructure().redisUrl,
    LOG_LEVEL: 'warn',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_JWKS_URL: options.jwksUrl,
    BOOTH_SWEEP_MS: '0',
  };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'services/trade-fairs/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${options.port}`;
  // Answering HTTP at all means booted; exiting first fails at once with what it printed.
  const answering = eventually(
    () =>
      fetch(`${url}/health`).then(
        () => true,
        () => false,
      ),
    90_000,
    200,
  );
  await Promise.race([
    answering,
    exited.then(() => {
      throw new Error(`trade-fairs exited before answering:\n${output.slice(-3000)}`);
    }),
  ]);
  return { url, process: child, output: () => output, exited };
}
