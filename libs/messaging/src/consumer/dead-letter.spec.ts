import { KafkaJSNonRetriableError, KafkaJSProtocolError, type Producer, type ProducerRecord } from 'kafkajs';
import { DLT_HEADERS, sendToDeadLetter } from './dead-letter';

/** A broker that refuses messages above `limit` bytes of value, the way Kafka answers message.max.bytes. */
function brokerWithLimit(limit: number) {
  const parked: ProducerRecord[] = [];
  const producer = {
    send: jest.fn(async (record: ProducerRecord) => {
      if (record.messages.some((m) => (m.value?.length ?? 0) > limit)) {
        const tooLarge = new KafkaJSProtocolError({
          message: 'The request included a message larger than the max message size the server will accept',
          type: 'MESSAGE_TOO_LARGE',
          code: 10,
          retriable: false,
        } as unknown as Error);
        // As kafkajs' retrier throws it: the protocol error as the cause.
        throw Object.assign(new KafkaJSNonRetriableError(tooLarge), { cause: tooLarge });
      }
      parked.push(record);
      return [];
    }),
  };
  return { producer: producer as unknown as Producer, parked };
}

const letter = (value: Buffer) => ({
  topic: 'plans.plan.events',
  partition: 2,
  reason: 'oversized',
  error: `${value.length} bytes`,
  attempts: 0,
  message: {
    key: Buffer.from('k'),
    value,
    offset: '41',
    timestamp: '0',
    attributes: 0,
    headers: { 'kc-event-type': 'plans.plan.created' },
  },
});

describe('parking a dead letter', () => {
  it('keeps the original key, value and headers next to the reason when they fit', async () => {
    const { producer, parked } = brokerWithLimit(1_000);
    await sendToDeadLetter(producer, 'reporting', letter(Buffer.from('{"not": "an envelope"')));
    expect(parked).toHaveLength(1);
    expect(parked[0].topic).toBe('plans.plan.events.reporting.dlt');
    const [message] = parked[0].messages;
    expect(String(message.value)).toBe('{"not": "an envelope"');
    expect(message.headers).toMatchObject({
      'kc-event-type': 'plans.plan.created',
      [DLT_HEADERS.reason]: 'oversized',
      [DLT_HEADERS.originalOffset]: '41',
    });
    expect(message.headers?.[DLT_HEADERS.droppedBytes]).toBeUndefined();
  });

  it('parks a letter the broker finds too large without its bytes, saying how many there were', async () => {
    const { producer, parked } = brokerWithLimit(1_000);
    await sendToDeadLetter(producer, 'reporting', letter(Buffer.alloc(1_500, 'x')));
    expect(parked).toHaveLength(1);
    const [message] = parked[0].messages;
    expect([message.key, message.value]).toEqual([null, null]);
    expect(message.headers).toMatchObject({
      [DLT_HEADERS.reason]: 'oversized',
      [DLT_HEADERS.originalTopic]: 'plans.plan.events',
      [DLT_HEADERS.originalPartition]: '2',
      [DLT_HEADERS.originalOffset]: '41',
      [DLT_HEADERS.droppedBytes]: '1500',
    });
  });

  it('lets any other failure through, so the message is retried rather than lost', async () => {
    const producer = { send: jest.fn().mockRejectedValue(new Error('broker unreachable')) };
    await expect(
      sendToDeadLetter(producer as unknown as Producer, 'reporting', letter(Buffer.from('x'))),
    ).rejects.toThrow('broker unreachable');
    expect(producer.send).toHaveBeenCalledTimes(1);
  });
});
