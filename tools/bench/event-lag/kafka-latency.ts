import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, type Admin, type Consumer, type Producer } from 'kafkajs';
import { atSteadyRate } from '../shared/stats';

export const SCRATCH_TOPIC = 'bench.latency';

export interface KafkaLatencyResult {
  sent: number;
  /** send() → acknowledged by the broker (acks=-1). */
  ackMs: number[];
  /** send() → delivered to the consumer's eachMessage. */
  endToEndMs: number[];
  lost: number;
}

/**
 * Raw produce → consume latency on a scratch topic, with the producer settings of the outbox relay
 * (idempotent, acks=-1, one request in flight) and kafkajs's default consumer, in one process (one clock).
 */
export class KafkaLatencyProbe {
  private readonly kafka: Kafka;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly consumer: Consumer;
  private readonly group = `kc-bench-latency-${process.pid}-${Date.now()}`;
  private readonly sentAt = new Map<number, number>();
  private readonly endToEnd: number[] = [];
  private topicCreated = false;
  private consumerJoined = false;
  private warmedUp = false;

  constructor(brokers: string[]) {
    this.kafka = new Kafka({ clientId: 'kc-bench-event-lag', brokers, logLevel: logLevel.NOTHING });
    this.admin = this.kafka.admin();
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.consumer = this.kafka.consumer({ groupId: this.group });
  }

  /** A fresh scratch topic, the consumer in its group, and one message seen end to end. */
  async prepare(): Promise<void> {
    await this.admin.connect();
    if ((await this.admin.listTopics()).includes(SCRATCH_TOPIC)) await this.deleteTopic(); // left by an interrupted run
    await this.admin.createTopics({
      topics: [{ topic: SCRATCH_TOPIC, numPartitions: 1 }],
      waitForLeaders: true,
    });
    this.topicCreated = true;

    await this.producer.connect();
    await this.consumer.connect();
    this.consumerJoined = true;
    await this.consumer.subscribe({ topic: SCRATCH_TOPIC, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const at = performance.now();
        const i = Number(message.key?.toString());
        const sent = this.sentAt.get(i);
        if (sent !== undefined && i >= 0) this.endToEnd.push(at - sent);
        if (i < 0) this.warmedUp = true;
      },
    });
    const deadline = Date.now() + 30_000;
    while (!this.warmedUp) {
      if (Date.now() > deadline)
        throw new Error(`the consumer of ${SCRATCH_TOPIC} received nothing within 30 s`);
      await this.producer.send({
        topic: SCRATCH_TOPIC,
        acks: -1,
        messages: [{ key: '-1', value: 'warm-up' }],
      });
      await sleep(500);
    }
  }

  async run(
    rate: number,
    durationSeconds: number,
    settleSeconds: number,
    signal: AbortSignal,
  ): Promise<KafkaLatencyResult> {
    const ackMs: number[] = [];
    const pending: Promise<unknown>[] = [];
    const sent = await atSteadyRate(
      rate,
      durationSeconds,
      (i) => {
        const t = performance.now();
        this.sentAt.set(i, t);
        const value = JSON.stringify({ i, note: 'khuyến công event-lag benchmark' });
        pending.push(
          this.producer
            .send({ topic: SCRATCH_TOPIC, acks: -1, messages: [{ key: String(i), value }] })
            .then(() => ackMs.push(performance.now() - t)),
        );
      },
      signal,
    );
    await Promise.allSettled(pending);
    const deadline = Date.now() + settleSeconds * 1000;
    while (this.endToEnd.length < sent && Date.now() < deadline && !signal.aborted) await sleep(50);
    return { sent, ackMs, endToEndMs: [...this.endToEnd], lost: sent - this.endToEnd.length };
  }

  /** Disconnects, deletes the consumer group and the scratch topic. Never throws; returns what it could not remove. */
  async close(): Promise<string[]> {
    const left: string[] = [];
    await this.consumer.disconnect().catch(() => undefined);
    await this.producer.disconnect().catch(() => undefined);
    if (this.consumerJoined)
      await this.admin.deleteGroups([this.group]).catch(() => left.push(`consumer group ${this.group}`));
    if (this.topicCreated) await this.deleteTopic().catch(() => left.push(`topic ${SCRATCH_TOPIC}`));
    await this.admin.disconnect().catch(() => undefined);
    return left;
  }

  private async deleteTopic(): Promise<void> {
    await this.admin.deleteTopics({ topics: [SCRATCH_TOPIC], timeout: 10_000 });
    // Deletion is asynchronous on the broker; creating the same name too early fails.
    const deadline = Date.now() + 10_000;
    while ((await this.admin.listTopics()).includes(SCRATCH_TOPIC) && Date.now() < deadline) await sleep(200);
  }
}
