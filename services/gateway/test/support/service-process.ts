import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { eventually } from '@kc/testing';

const ROOT = resolve(__dirname, '../../../..');

/** A free loopback port: listened on, then closed, so nothing answers there yet. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

export interface ServiceProcess {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A domain service as `npm start` runs it (`node -r @swc-node/register services/<name>/src/main.ts`), as its
 * own process with its own Redis connection, trusting the given gateway's JWKS. Resolves once it answers HTTP.
 */
export async function startServiceProcess(
  name: string,
  options: { port: number; databaseUrl: string; brokers: string; redisUrl: string; gatewayUrl: string },
): Promise<ServiceProcess> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    KC_PROFILE: 'test',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.brokers,
    REDIS_URL: options.redisUrl,
    LOG_LEVEL: 'warn',
    AUTH_JWKS_URL: `${options.gatewayUrl}/api/v1/auth/jwks`,
  };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `services/${name}/src/main.ts`], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${options.port}`;
  const answering = eventually(
    () =>
      fetch(`${url}/health`).then(
        () => true,
        () => false,
      ),
    90_000,
    200,
  );
  try {
    await Promise.race([
      answering,
      exited.then(() => {
        throw new Error(`${name} exited before answering:\n${output.slice(-3000)}`);
      }),
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    process: child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
