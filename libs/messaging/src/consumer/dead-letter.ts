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
} as const;

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: string;
  error: string;
  attempts: number;
}

/** Parks a message in `<topic>.<group>.dlt` with headers that say where it came from and why it failed. */
export async function sendToDeadLetter(
  producer: Producer,
  consumerGroup: string,
  letter: DeadLetter,
): Promise<void> {
  const headers: IHeaders = {
    ...(letter.message.headers ?? {}),
    [DLT_HEADERS.reason]: letter.reason,
    [DLT_HEADERS.error]: letter.error.slice(0, 2000),
    [DLT_HEADERS.originalTopic]: letter.topic,
    [DLT_HEADERS.originalPartition]: String(letter.partition),
    [DLT_HEADERS.originalOffset]: letter.message.offset,
    [DLT_HEADERS.consumerGroup]: consumerGroup,
    [DLT_HEADERS.failedAt]: new Date().toISOString(),
    [DLT_HEADERS.attempts]: String(letter.attempts),
  };
  await producer.send({
    topic: deadLetterTopic(letter.topic, consumerGroup),
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}
