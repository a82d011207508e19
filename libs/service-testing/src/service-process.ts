import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { eventually } from '@kc/testing';

const ROOT = resolve(__dirname, '../../..');

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
  /** What it printed so far. */
  output: () => string;
  /** Settles when the process ends (after a kill or a graceful stop). */
  exited: Promise<number | null>;
  /** SIGTERM (unless it already ended), then wait for it. */
  stop(): Promise<void>;
}

/**
 * A service as `npm start` runs it (`node -r @swc-node/register services/<name>/src/main.ts`), as its own process:
 * for tests that kill it, cut its broker or flush its Redis. `env` holds its database, broker, Redis and token
 * settings; resolves once it answers HTTP, and fails at once with what it printed if it exits first.
 */
export async function startServiceProcess(
  name: string,
  port: number,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `services/${name}/src/main.ts`], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      KC_PROFILE: 'test',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  // Answering HTTP at all means booted.
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
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
