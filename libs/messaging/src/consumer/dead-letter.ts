import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterTopic } from '@kc/contracts';

export const DLT_HEADERS = {
  reason: 'kc-dlt-reason',
  error: 'kc-dlt-error',
  originalTopic: 'kc-dlt-original-topic',
  originalPartition: 'kc-dlt-original-partition',
  originalOffset: 'kc-dlt-original-offset',
  consumerGroup: 'kc-dlt-consumer-group',
  failedAt: 'kc-dlt-failed-at',
  attempts: 'kc-dlt-attempts',
  /** Set when the message was parked without its key, value and headers: how many bytes its value had. */
  droppedBytes: 'kc-dlt-dropped-bytes',
} as const;

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: string;
  error: string;
  attempts: number;
}

/** The broker refused the message as larger than its limit (message.max.bytes, 1 MiB by default). */
function isTooLarge(error: unknown): boolean {
  let e = error as { type?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e)
    if (e.type === 'MESSAGE_TOO_LARGE') return true;
  return false;
}

/**
 * Parks a message in `<topic>.<group>.dlt` with headers that say where it came from and why it failed. A message
 * near the broker's size limit no longer fits once those headers are added: it is parked without its key, value
 * and own headers (`kc-dlt-dropped-bytes` says so), and stays readable on its topic at the recorded offset until
 * retention. Without that, a letter too large to park would stop its partition for good.
 */
export async function sendToDeadLetter(
  producer: Producer,
  consumerGroup: string,
  letter: DeadLetter,
): Promise<void> {
  const facts: IHeaders = {
    [DLT_HEADERS.reason]: letter.reason,
    [DLT_HEADERS.error]: letter.error.slice(0, 2000),
    [DLT_HEADERS.originalTopic]: letter.topic,
    [DLT_HEADERS.originalPartition]: String(letter.partition),
    [DLT_HEADERS.originalOffset]: letter.message.offset,
    [DLT_HEADERS.consumerGroup]: consumerGroup,
    [DLT_HEADERS.failedAt]: new Date().toISOString(),
    [DLT_HEADERS.attempts]: String(letter.attempts),
  };
  const topic = deadLetterTopic(letter.topic, consumerGroup);
  const { key, value, headers } = letter.message;
  try {
    await producer.send({ topic, acks: -1, messages: [{ key, value, headers: { ...headers, ...facts } }] });
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    const dropped = { ...facts, [DLT_HEADERS.droppedBytes]: String(value?.length ?? 0) };
    await producer.send({ topic, acks: -1, messages: [{ key: null, value: null, headers: dropped }] });
  }
}
