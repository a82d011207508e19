import { z } from 'zod';

/** Who caused a fact: a person, an integrating system (API client) or the platform itself. */
export const actorSchema = z.strictObject({
  kind: z.enum(['user', 'client', 'system']),
  id: z.string().min(1).max(200),
  role: z.string().max(100).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /** The external OIDC client a person acted through (see Principal.via). */
  via: z.string().min(1).max(200).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'platform' };

/** `<context>.<entity>.<past-tense>`, e.g. `projects.project.approved`. */
export const eventTypePattern = /^[a-z][a-z-]*\.[a-z][a-z-]*\.[a-z][a-z-]*$/;

/**
 * The envelope every integration event travels in. `id` is the dedupe key consumers record in their inbox;
 * `payload` is validated separately against the schema of (`type`, `version`).
 */
export const envelopeSchema = z.strictObject({
  id: z.uuid(),
  type: z.string().regex(eventTypePattern, 'must look like <context>.<entity>.<past-tense>'),
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().min(1).max(50),
  aggregateId: z.string().min(1).max(100),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable(),
  actor: actorSchema,
  correlationId: z.string().min(1).max(100),
  causationId: z.string().min(1).max(100).nullable(),
  payload: z.record(z.string(), z.unknown()),
});

export type EventEnvelope<P = Record<string, unknown>> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & {
  payload: P;
};

/** Kafka headers that mirror the envelope so tools can route and filter without parsing the value. */
export const ENVELOPE_HEADERS = {
  id: 'kc-event-id',
  type: 'kc-event-type',
  version: 'kc-event-version',
  correlationId: 'kc-correlation-id',
} as const;
