import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { decodeEvent, deadLetterTopic } from '@kc/contracts';
import { DLT_HEADERS } from '../consumer/dead-letter';

export interface RedriveOptions {
  kafka: Kafka;
  /** The original topic and the consumer group whose dead letters to replay. */
  topic: string;
  group: string;
  dryRun?: boolean;
}

export interface RedriveReport {
  replayed: number;
  /** Dead letters that still do not decode: replaying them would only park them again, so they stay. */
  skipped: { offset: string; reason: string }[];
}

const dltHeaderNames = new Set<string>(Object.values(DLT_HEADERS));

/**
 * Replays a group's dead letters to the original topic, once: the redrive has its own consumer group
 * (`<group>.redrive`) whose committed offsets remember what was already replayed, and it stops at the
 * end offsets it saw when it started. Other groups on the topic see the replay too, and their inboxes
 * drop it because they already handled that event id.
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<RedriveReport> {
  const dlt = deadLetterTopic(options.topic, options.group);
  const admin = options.kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(dlt);
  const committed = await admin.fetchOffsets({ groupId: `${options.group}.redrive`, topics: [dlt] });
  await admin.disconnect();

  const startOf = (partition: number) => {
    const offset = committed[0]?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
    const low = ends.find((e) => e.partition === partition)?.low ?? '0';
    return Number(offset) >= 0 ? Number(offset) : Number(low);
  };
  const pending = new Map(
    ends
      .map((e) => [e.partition, Number(e.high)] as const)
      .filter(([partition, high]) => startOf(partition) < high),
  );
  const report: RedriveReport = { replayed: 0, skipped: [] };
  if (pending.size === 0) return report;

  const producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = options.kafka.consumer({ groupId: `${options.group}.redrive` });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: dlt, fromBeginning: true });

  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const high = pending.get(partition);
          if (high === undefined || Number(message.offset) >= high) return;
          await replayOne(message);
          if (!options.dryRun) {
            await consumer.commitOffsets([
              { topic: dlt, partition, offset: String(Number(message.offset) + 1) },
            ]);
          }
          if (Number(message.offset) + 1 >= high) pending.delete(partition);
          if (pending.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  await producer.disconnect();
  return report;

  async function replayOne(message: KafkaMessage): Promise<void> {
    const dropped = message.headers?.[DLT_HEADERS.droppedBytes];
    if (dropped !== undefined) {
      const at = `${message.headers?.[DLT_HEADERS.originalPartition]}@${message.headers?.[DLT_HEADERS.originalOffset]}`;
      report.skipped.push({
        offset: message.offset,
        reason: `parked without its ${dropped} bytes (original at ${at})`,
      });
      return;
    }
    const decoded = decodeEvent(message.value);
    if (!decoded.ok) {
      report.skipped.push({ offset: message.offset, reason: `${decoded.reason}: ${decoded.detail}` });
      return;
    }
    report.replayed++;
    if (options.dryRun) return;
    const headers: IHeaders = Object.fromEntries(
      Object.entries(message.headers ?? {}).filter(([name]) => !dltHeaderNames.has(name)),
    );
    headers['kc-redriven-from'] = `${dlt}@${message.offset}`;
    await producer.send({
      topic: options.topic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers }],
    });
  }
}
