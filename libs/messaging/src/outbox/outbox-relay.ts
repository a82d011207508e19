import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Kafka, Message, Producer } from 'kafkajs';
import { ENVELOPE_HEADERS, type EventEnvelope } from '@kc/contracts';

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  envelope: EventEnvelope;
}

export interface OutboxRelayOptions {
  databaseUrl: string;
  /** Fallback poll period; a NOTIFY from the outbox trigger wakes the relay at once. */
  pollMs: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
  /**
   * Rows were committed (a notification came) or published: the service's data changed. Every write commits
   * outbox rows (its audit record at least), so this is the earliest moment anyone can be told.
   */
  onCommitted?: () => void;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * Publishes committed outbox rows in commit order with an idempotent producer (acks=all), then marks them
 * published in the same transaction that locked them. A crash between send and mark republishes the
 * batch; consumers' inboxes make that invisible. Several relays may run: SKIP LOCKED splits the work.
 */
export class OutboxRelay {
  private producer: Producer;
  private listener: Client | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A notification came since the current drain began: drain again rather than sleep (it would be lost). */
  private nudged = false;
  private backoffMs = 0;
  private connected = false;

  constructor(
    private readonly dataSource: DataSource,
    kafka: Kafka,
    private readonly options: OutboxRelayOptions,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
  }

  async start(): Promise<void> {
    if (this.running) return;
    // Kafka is connected on first publish, not here: a service must start and commit its writes while the
    // broker is down; the rows wait in the outbox and go out when it returns.
    await this.listen();
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after publishing what is already committed (bounded by a few seconds), then disconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    const deadline = Date.now() + 5_000;
    try {
      while (Date.now() < deadline && (await this.publishBatch()) > 0);
    } catch (error) {
      this.options.onError?.(error);
    }
    await this.listener?.end().catch(() => undefined);
    if (this.connected) await this.producer.disconnect();
  }

  /** Publishes at most one batch; returns how many rows it published. Exposed for tests and tools. */
  async publishBatch(): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, topic, message_key, envelope FROM outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length === 0) return { published: 0 };
      const seqs = rows.map((r) => r.seq);
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
      } catch (error) {
        // Recorded in this transaction, which holds the rows' locks (an UPDATE from another connection
        // would wait for them forever), and committed so operators can see stuck rows.
        await manager.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1)`,
          [seqs, String((error as Error).message).slice(0, 1000)],
        );
        return { published: 0, error };
      }
      await manager.query(
        `UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY($1)`,
        [seqs],
      );
      return { published: rows.length };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.published;
  }

  private async listen(): Promise<Client> {
    const listener = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'outbox-relay',
    });
    listener.on('notification', () => this.nudge());
    listener.on('error', (error) => this.options.onError?.(error));
    // Postgres restarted or cut the connection: listen again, or the relay would only poll from then on.
    listener.once('end', () => {
      if (this.listener === listener && this.running) void this.listenAgain();
    });
    try {
      await listener.connect();
      await listener.query('LISTEN outbox');
    } catch (error) {
      await listener.end().catch(() => undefined);
      throw error;
    }
    this.listener = listener;
    return listener;
  }

  /** Reconnects the LISTEN connection with capped backoff; polling carries on meanwhile. */
  private async listenAgain(): Promise<void> {
    this.listener = null;
    for (let delay = 100; this.running; delay = Math.min(delay * 2, MAX_BACKOFF_MS)) {
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      if (!this.running) return;
      try {
        const listener = await this.listen();
        // Stopped meanwhile: stop() found no listener to close.
        if (!this.running) await listener.end().catch(() => undefined);
        // Rows committed while nobody listened: publish them now rather than at the next poll.
        else this.nudge();
        return;
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  /** New rows are committed: wake the loop if it sleeps, or make it drain once more if it is draining. */
  private nudge(): void {
    this.nudged = true;
    this.wake?.();
    this.options.onCommitted?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      let published = 0;
      try {
        published = await this.publishBatch();
        this.backoffMs = 0;
        // Rows no notification announced (the listener was down, or a poll found them first).
        if (published > 0 && !this.nudged) this.options.onCommitted?.();
      } catch (error) {
        this.options.onError?.(error);
        this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 100), MAX_BACKOFF_MS);
      }
      if ((published > 0 || this.nudged) && this.backoffMs === 0) continue;
      await this.sleep(this.backoffMs || this.options.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      // A notification during backoff must not cut the backoff short.
      this.wake = this.backoffMs ? () => (this.running ? undefined : done()) : done;
    });
  }
}

function groupByTopic(rows: OutboxRow[]): { topic: string; messages: Message[] }[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const e = row.envelope;
    const message: Message = {
      key: row.message_key,
      value: JSON.stringify(e),
      headers: {
        [ENVELOPE_HEADERS.id]: e.id,
        [ENVELOPE_HEADERS.type]: e.type,
        [ENVELOPE_HEADERS.version]: String(e.version),
        [ENVELOPE_HEADERS.correlationId]: e.correlationId,
      },
    };
    byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), message]);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
