import { performance } from 'node:perf_hooks';
import type { LoadedEntry } from './entries';
import { problem, type GatewayClient } from './http-client';
import type { CouncilMember } from './round-setup';
import { sheetBody } from './sheets';

export interface ScoringRun {
  sent: number;
  elapsedMs: number;
  /** Send → answer of every 200. */
  latencyMs: number[];
  /** Answers other than 200 and dropped connections, by status or message. */
  errors: Map<string, number>;
  /** The sheets not stored (their task numbers), to send again after the timed run. */
  failed: number[];
}

/** Sheet k: entry ⌊k / jurors⌋ by juror k mod jurors, so every juror works all the time, side by side. */
function task(k: number, jurors: number) {
  return { entry: Math.floor(k / jurors), juror: k % jurors };
}

/**
 * PUTs the sheets numbered `tasks` through the gateway, each with its juror's token, at most `concurrency` on
 * the wire (a closed loop: a finished request makes room for the next). Prints progress every 30 s.
 */
export async function submitSheets(
  http: GatewayClient,
  roundId: string,
  entries: LoadedEntry[],
  jury: CouncilMember[],
  totals: number[][],
  tasks: number[],
  concurrency: number,
  log: (line: string) => void = () => {},
): Promise<ScoringRun> {
  const run: ScoringRun = { sent: tasks.length, elapsedMs: 0, latencyMs: [], errors: new Map(), failed: [] };
  const fail = (k: number, why: string) => {
    run.failed.push(k);
    run.errors.set(why, (run.errors.get(why) ?? 0) + 1);
  };
  let next = 0;
  const started = performance.now();
  const ticker = setInterval(() => {
    const done = run.latencyMs.length + run.failed.length;
    const s = (performance.now() - started) / 1000;
    log(`${done} of ${tasks.length} sheets in ${s.toFixed(0)} s (${(done / s).toFixed(0)}/s so far)`);
  }, 30_000);
  const worker = async () => {
    while (next < tasks.length) {
      const k = tasks[next++];
      const { entry, juror } = task(k, jury.length);
      try {
        const reply = await http.send(
          'PUT',
          `/api/v1/award-rounds/${roundId}/entries/${entries[entry].id}/sheet`,
          { token: await jury[juror].session.accessToken(), body: sheetBody(totals[entry][juror]) },
        );
        if (reply.status === 200) run.latencyMs.push(reply.ms);
        else fail(k, `${reply.status} ${problem(reply.text)}`);
      } catch (error) {
        fail(k, (error as Error).message);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  } finally {
    clearInterval(ticker);
  }
  run.elapsedMs = performance.now() - started;
  return run;
}
