import { z } from 'zod';
import { envelopeSchema, type EventEnvelope } from './envelope';
import { findEventDefinition, isKnownEventType } from './events/catalog';

/** Why a message cannot be handled; each reason sends it to the dead-letter topic. */
export type RejectionReason =
  | 'oversized'
  | 'malformed'
  | 'invalid-envelope'
  | 'unknown-type'
  | 'unknown-version'
  | 'wrong-topic'
  | 'invalid-payload';

/**
 * The largest event the platform produces or accepts: 256 KiB of UTF-8 JSON, a quarter of the broker's 1 MiB
 * message limit. The largest real events (an assignment decision of 500 allocations, a registration report of
 * 1,000 projects) stay under 100 KiB. A consumer parks anything larger unread (`oversized`): it is either a bug
 * of its producer or hostile, and parsing it would cost the whole partition time.
 */
export const MAX_EVENT_BYTES = 256 * 1024;

export type DecodeResult =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: RejectionReason; detail: string };

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Turns raw message bytes into a validated envelope whose payload matches its (type, version) schema. Given the
 * topic the message was read from, an event that travels on another topic (the catalog says which) is refused:
 * a producer may write only its own streams, and order holds only within one.
 */
export function decodeEvent(raw: Buffer | string | null, topic?: string): DecodeResult {
  if (raw === null) return { ok: false, reason: 'malformed', detail: 'empty message value' };
  const bytes = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
  if (bytes > MAX_EVENT_BYTES) {
    return { ok: false, reason: 'oversized', detail: `${bytes} bytes, more than ${MAX_EVENT_BYTES}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: 'malformed', detail: `not JSON: ${(error as Error).message}` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: 'invalid-envelope', detail: describe(envelope.error) };
  const { type, version } = envelope.data;
  const definition = findEventDefinition(type, version);
  if (!definition) {
    return isKnownEventType(type)
      ? { ok: false, reason: 'unknown-version', detail: `${type} has no version ${version}` }
      : { ok: false, reason: 'unknown-type', detail: `unknown event type ${type}` };
  }
  if (topic !== undefined && definition.topic !== topic) {
    return {
      ok: false,
      reason: 'wrong-topic',
      detail: `${type} travels on ${definition.topic}, not ${topic}`,
    };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: 'invalid-payload', detail: describe(payload.error) };
  return { ok: true, envelope: { ...envelope.data, payload: payload.data as Record<string, unknown> } };
}
