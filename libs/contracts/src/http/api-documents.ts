import { z } from 'zod';

/** GET / — where to start: the gateway's documents, login and the public reference data, by path. */
export const apiIndexView = z.object({
  name: z.string(),
  links: z.object({
    /** The conference web app. */
    app: z.string(),
    docs: z.string(),
    openApi: z.string(),
    events: z.string(),
    asyncApi: z.string(),
    health: z.string(),
    login: z.string(),
    jwks: z.string(),
    reference: z.array(z.string()),
    conferences: z.array(z.string()),
  }),
});
export type ApiIndexView = z.infer<typeof apiIndexView>;

/** A part of the AsyncAPI document keyed by id, each entry as the AsyncAPI 3.0 specification shapes it. */
const keyed = z.record(z.string(), z.record(z.string(), z.unknown()));

/**
 * GET /api/asyncapi.json — the AsyncAPI 3.0 document of every topic (libs/contracts/asyncapi.json): its frame
 * is declared here, its channels, operations and messages are the AsyncAPI specification's to define.
 */
export const asyncApiDocument = z.object({
  asyncapi: z.literal('3.0.0'),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  defaultContentType: z.literal('application/json'),
  servers: keyed,
  channels: keyed,
  operations: keyed,
  components: z.object({ messages: keyed }),
});
