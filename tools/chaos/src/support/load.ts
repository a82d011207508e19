/**
 * A bounded mixed write load through the gateway: a fixed list of operations (each one or two writes), taken
 * by a few parallel clients at a fixed pace. Every write is recorded with how the client lived it, so a
 * scenario can say what was acknowledged, when, and check each acknowledged write afterwards.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Session, WriteResult } from './gateway';

export type WriteKind =
  | 'project.create'
  | 'project.register'
  | 'plan.decision'
  | 'booking.request'
  | 'booking.confirm'
  | 'cluster.register'
  | 'award-round.open';

export interface WriteEntry {
  kind: WriteKind;
  key: string;
  result: WriteResult;
  /** The record the write made or changed (project, decision, registration, cluster, round). */
  entityId?: string;
  /** For a write whose record is known before the answer (a decision's project, a project's title tag). */
  subject?: string;
}

/** One operation of the load: a short sequence of dependent writes. */
export type Operation = (write: Writer) => Promise<void>;

export type Writer = (
  kind: WriteKind,
  by: Session,
  path: string,
  body: unknown,
  options?: { subject?: string },
) => Promise<WriteEntry>;

export interface LoadOptions {
  clients: number;
  /** Operations started per second at most: the load lasts about operations ÷ this. */
  opsPerSecond: number;
  /** Prefix of every Idempotency-Key (unique per scenario run). */
  keyPrefix: string;
}

export class Load {
  readonly writes: WriteEntry[] = [];
  private readonly waiters: { acked: number; resolve: () => void }[] = [];
  private keys = 0;
  private running: Promise<void> | null = null;
  startedAt = 0;
  endedAt = 0;

  constructor(
    private readonly operations: Operation[],
    private readonly options: LoadOptions,
  ) {}

  private paced = true;

  /** The faults are over: the clients take the remaining operations as fast as they go. */
  unpace(): void {
    this.paced = false;
  }

  get acked(): number {
    return this.writes.filter((w) => w.result.acked).length;
  }

  start(): void {
    this.startedAt = Date.now();
    let next = 0;
    const client = async () => {
      for (;;) {
        const index = next++;
        if (index >= this.operations.length) return;
        const slot = this.startedAt + (index * 1000) / this.options.opsPerSecond;
        if (this.paced && slot > Date.now()) await sleep(slot - Date.now());
        await this.operations[index](this.write);
      }
    };
    this.running = Promise.all(Array.from({ length: this.options.clients }, client)).then(() => {
      this.endedAt = Date.now();
      for (const w of this.waiters.splice(0)) w.resolve();
    });
  }

  /** Resolves once `count` writes are acknowledged (or the load is over). */
  whenAcked(count: number): Promise<void> {
    if (this.acked >= count || this.endedAt) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ acked: count, resolve }));
  }

  done(): Promise<void> {
    if (!this.running) throw new Error('the load was not started');
    return this.running;
  }

  /** Writes acknowledged while [from, to] lasted (their answer arrived in it). */
  ackedBetween(from: number, to: number): number {
    return this.writes.filter((w) => w.result.acked && w.result.endedAt >= from && w.result.endedAt <= to)
      .length;
  }

  private readonly write: Writer = async (kind, by, path, body, options = {}) => {
    const key = `${this.options.keyPrefix}-${++this.keys}`;
    const result = await by.write(path, body, key);
    const id = result.acked ? (result.body as { id?: unknown } | undefined)?.id : undefined;
    const entry: WriteEntry = {
      kind,
      key,
      result,
      entityId: typeof id === 'string' ? id : undefined,
      subject: options.subject,
    };
    this.writes.push(entry);
    const acked = this.acked;
    for (const w of this.waiters.filter((x) => x.acked <= acked)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
    return entry;
  };
}
