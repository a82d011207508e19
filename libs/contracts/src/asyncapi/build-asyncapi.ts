import { z } from 'zod';
import { envelopeSchema } from '../envelope';
import { EVENT_CATALOG } from '../events/catalog';
import { ALL_TOPICS, deadLetterTopic } from '../topics';

type JsonObject = Record<string, unknown>;

const messageId = (type: string, version: number) => `${type.replace(/[.-]/g, '_')}_v${version}`;
const channelId = (topic: string) => topic.replace(/[.-]/g, '_');

/**
 * The AsyncAPI 3.0 document for every topic, generated from the contracts so that it cannot drift:
 * CI regenerates it and compares with the checked-in libs/contracts/asyncapi.json.
 */
export function buildAsyncApi(): JsonObject {
  const messages: JsonObject = {};
  for (const def of EVENT_CATALOG) {
    const envelope = envelopeSchema.extend({
      type: z.literal(def.type),
      version: z.literal(def.version),
      payload: def.payload,
    });
    messages[messageId(def.type, def.version)] = {
      name: def.type,
      title: `${def.type} v${def.version}`,
      summary: def.summary,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'kc-event-id': { type: 'string' },
          'kc-event-type': { type: 'string', const: def.type },
          'kc-event-version': { type: 'string', const: String(def.version) },
          'kc-correlation-id': { type: 'string' },
        },
      },
      payload: z.toJSONSchema(envelope, { target: 'draft-7', io: 'input' }),
    };
  }

  const channels: JsonObject = {};
  const operations: JsonObject = {};
  for (const topic of ALL_TOPICS) {
    const defs = EVENT_CATALOG.filter((d) => d.topic === topic.name);
    const refs = Object.fromEntries(
      defs.map((d) => [
        messageId(d.type, d.version),
        { $ref: `#/components/messages/${messageId(d.type, d.version)}` },
      ]),
    );
    const id = channelId(topic.name);
    channels[id] = {
      address: topic.name,
      description: `${topic.description} Key: aggregate id. Dead-letter topics: ${topic.consumers
        .map((c) => deadLetterTopic(topic.name, c))
        .join(', ')}.`,
      messages: refs,
    };
    const channelMessages = Object.keys(refs).map((m) => ({ $ref: `#/channels/${id}/messages/${m}` }));
    for (const producer of topic.producers) {
      operations[`${producer.replace(/-/g, '_')}_publishes_${id}`] = {
        action: 'send',
        channel: { $ref: `#/channels/${id}` },
        summary: `${producer} publishes through its transactional outbox.`,
        messages: channelMessages,
      };
    }
    for (const consumer of topic.consumers) {
      operations[`${consumer.replace(/-/g, '_')}_consumes_${id}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${id}` },
        summary: `Consumer group ${consumer} (idempotent through its inbox).`,
        messages: channelMessages,
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Khuyến công platform events',
      version: '1.0.0',
      description:
        'Integration events between the services of the khuyến công platform. Every message is a JSON envelope; ' +
        'the envelope id is the idempotency key.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'Broker started by deploy/launcher.mjs',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
