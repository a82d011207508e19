import { assertBenchTargets, benchPlatformDown, benchPlatformUp } from './bench-platform.mjs';

/** Addresses given on a benchmark's command line, and their flags. */
export interface PlatformFlags {
  gateway?: string;
  database?: string;
  brokers?: string;
}
const FLAG = { database: '--db', brokers: '--brokers' } as const;

/**
 * The platform a benchmark runs on: the bench profile's own, started on a clean slate for the run and stopped by
 * `close` (its data stays until the next run wipes it), or the one `--gateway` names with the other addresses it
 * needs — never another profile's (the demo's or the tests'): those are refused before anything is sent.
 */
export class BenchPlatform {
  private open: boolean;

  private constructor(
    readonly gateway: string,
    readonly database: string,
    readonly brokers: string,
    readonly own: boolean,
  ) {
    this.open = own;
  }

  static async start(
    given: PlatformFlags,
    needs: readonly ('database' | 'brokers')[],
    log: (line: string) => void,
  ): Promise<BenchPlatform> {
    assertBenchTargets(given);
    if (given.gateway === undefined) {
      const stray = (['database', 'brokers'] as const).find((k) => given[k] !== undefined);
      if (stray) throw new Error(`${FLAG[stray]} needs --gateway (the platform it belongs to)`);
      try {
        const t = await benchPlatformUp({ log });
        return new BenchPlatform(t.gateway, t.tradeFairsDatabase, t.brokers, true);
      } catch (e) {
        // Nothing half-started is left behind.
        await benchPlatformDown().catch(() => undefined);
        throw e;
      }
    }
    const missing = needs.find((n) => given[n] === undefined);
    if (missing) throw new Error(`--gateway needs ${FLAG[missing]} too`);
    return new BenchPlatform(given.gateway, given.database ?? '', given.brokers ?? '', false);
  }

  /** Stops the bench profile's platform if this run started it; once. */
  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await benchPlatformDown();
  }
}
