// Types of bench-platform.mjs (plain JavaScript, shared with the launcher) for the benchmarks' TypeScript.

export interface BenchTargets {
  gateway: string;
  /** The trade-fairs service's database (the booth rush's SQL floor). */
  tradeFairsDatabase: string;
  /** The Postgres server, without a database. */
  pgUrl: string;
  /** Comma-separated. */
  brokers: string;
  redis: string;
  services: string[];
  databases: string[];
}

export const BENCH_PROFILE: 'bench';
export function targetsOf(profileName: string, env?: NodeJS.ProcessEnv): BenchTargets;
export function sharedAddresses(a: string, b: string, env?: NodeJS.ProcessEnv): string[];
export function assertBenchTargets(
  given: { gateway?: string; database?: string; brokers?: string; redis?: string },
  env?: NodeJS.ProcessEnv,
): void;
export function benchPlatformUp(opts?: { log?: (line: string) => void }): Promise<BenchTargets>;
export function benchInfraUp(): Promise<BenchTargets>;
export function benchPlatformDown(): Promise<void>;
