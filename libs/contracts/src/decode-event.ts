import { z } from 'zod';
import { envelopeSchema, type EventEnvelope } from './envelope';
import { findEventDefinition, isKnownEventType } from './events/catalog';

/** Why a message cannot be handled; each reason sends it to the dead-letter topic. */
export type RejectionReason =
  | 'malformed'
  | 'invalid-envelope'
  | 'unknown-type'
  | 'unknown-version'
  | 'invalid-payload';

export type DecodeResult =
  | { ok: true; envelope: EventEnvelope }
  | { ok: false; reason: RejectionReason; detail: string };

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Turns raw message bytes into a validated envelope whose payload matches its (type, version) schema. */
export function decodeEvent(raw: Buffer | string | null): DecodeResult {
  if (raw === null) return { ok: false, reason: 'malformed', detail: 'empty message value' };
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
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: 'invalid-payload', detail: describe(payload.error) };
  return { ok: true, envelope: { ...envelope.data, payload: payload.data as Record<string, unknown> } };
}
