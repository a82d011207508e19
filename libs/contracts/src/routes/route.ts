import { z } from 'zod';
import { CENTRAL_ROLES, ROLES, type Role } from '../principal';
import type { ServiceName } from '../topics';

/** Who answers a route: a service behind the gateway, or the gateway itself (identity, audit, reference data). */
export type RouteService = ServiceName;

/** The scopes of the programme's work, which the agency's and the departments' systems may hold. */
export const AGENCY_SCOPES = [
  'plans:read',
  'plans:write',
  'projects:read',
  'projects:write',
  'clusters:read',
  'clusters:write',
  'fairs:read',
  'fairs:write',
  'awards:read',
  'awards:write',
  'reports:read',
  'reports:write',
] as const;

/** API scopes (`<resource>:read|write`): the scope an API client must hold for a route. */
export const SCOPES = [
  ...AGENCY_SCOPES,
  'audit:read',
  'clients:read',
  'clients:write',
  'users:read',
  'users:write',
] as const;
export type Scope = (typeof SCOPES)[number];

/** The role lists routes share, named once (a list copied under another name drifts). */
export const ROLE_GROUPS = {
  /** Everyone signed in. */
  all: ROLES,
  /** The agency. */
  central: CENTRAL_ROLES,
  /** The agency and the provincial departments. */
  staff: [...CENTRAL_ROLES, 'province-officer'],
  /** Who books booths: the departments for their delegation, businesses for their facility, the agency. */
  registrants: [...CENTRAL_ROLES, 'province-officer', 'business'],
  /** Who runs a fair: the agency, or the organiser bound to it (the service checks the binding). */
  fairRunners: [...CENTRAL_ROLES, 'fair-organizer'],
  /** Who reads award rounds: staff, and the jurors (the service shows a juror only the rounds they sit on). */
  roundReaders: [...CENTRAL_ROLES, 'province-officer', 'juror'],
  /** The agency's administrators. */
  admins: ['central-admin'],
} as const satisfies Record<string, readonly Role[]>;

/** `scope` is left out only where API clients of those roles need none: the caller's own session (me, logout). */
export type RouteAccess = 'public' | { roles: readonly Role[]; scope?: Scope };

/**
 * One public HTTP route, declared once: the gateway mounts and documents it from this entry, the owning
 * service binds its handler to it (`@Route(entry)`), and both validate with the same schemas.
 */
export interface RouteDefinition {
  /** The OpenAPI group (Vietnamese / English), set for a whole context by `routeGroup`. */
  tag?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express-style, e.g. `/api/v1/programmes/:id`. */
  path: string;
  service: RouteService;
  access: RouteAccess;
  /** Vietnamese / English, as the OpenAPI summary. */
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * The handler reads the body itself with this schema, and `@Input` leaves the body alone (no `body` then): for
   * a body whose refusals have a shape of their own — the OAuth 2.0 token endpoint answers RFC 6749 errors, not
   * problem+json. The document still states the schema.
   */
  rawBody?: z.ZodType;
  /** The body's media types when not only JSON (the token endpoint also takes a form). */
  consumes?: readonly string[];
  /** `oauth`: 400 and 401 are RFC 6749 `{error, error_description}` JSON, not problem+json. */
  refusals?: 'oauth';
  /**
   * `service`: the owning service keeps the Idempotency-Key itself, in the transaction of the write (it requires
   * the key and replays its answer): the gateway passes the key on and keeps no record of its own — one store on
   * the path, not two.
   */
  idempotency?: 'service';
  /**
   * The route works only where the deployment sets this variable (an external issuer for browsers); elsewhere
   * it answers 404 `<context>.<x>-not-configured`.
   */
  whenConfigured?: string;
  /** The query names a resource (a form, by its id) that may not exist: then the answer is 404. */
  queryNamesResource?: true;
  /** The status of success (default 200; 201 for a create; 302 for a redirect). */
  status?: 200 | 201 | 202 | 204 | 302;
  /**
   * `file`: the answer is bytes (a spreadsheet, an image, a page), relayed untouched. `redirect`: a browser
   * navigation answered 302 with a Location and no body (the OIDC sign-in's legs).
   */
  kind?: 'json' | 'file' | 'redirect';
  /**
   * The JSON body of success, as it travels (dates as strings, no transforms): the OpenAPI document declares it
   * and the conformance checks hold every answer to it. Every json route but a 204 has one.
   */
  response?: z.ZodType;
  /** A file route's media types of success, e.g. the spreadsheet type. */
  produces?: readonly string[];
  /** The answer carries an ETag: a request with If-None-Match gets 304 while it stands (cheap polling). */
  etag?: true;
  /**
   * `shared`: the answer of success depends only on the path, the query, the day and the owning service's data
   * — the same for every caller the access rule admits. The gateway keeps it and answers from it until an event
   * says that service's data changed (or a write is relayed to it), with an ETag and a 304 to If-None-Match:
   * see docs/design/edge-cache.md.
   */
  cache?: 'shared';
}

/** The media type of the spreadsheets the platform takes and gives (templates, exports, contract data). */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Declares a route, keeping its literal types (the schemas type the handler's input). */
export const route = <const D extends RouteDefinition>(definition: D): D => definition;

/** A bounded context's routes under one OpenAPI tag. */
export function routeGroup<T extends Record<string, RouteDefinition>>(
  tag: string,
  routes: T,
): { [K in keyof T]: T[K] & { tag: string } } {
  return Object.fromEntries(Object.entries(routes).map(([key, r]) => [key, { ...r, tag }])) as {
    [K in keyof T]: T[K] & { tag: string };
  };
}

/** Path parameters of a resource addressed by its id: validated where it arrives, so a bad id travels nowhere. */
export const idParams = z.strictObject({ id: z.uuid() });

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** What a handler bound to `D` receives: its params, query and body, validated by the entry's schemas. */
export interface RouteInput<D extends RouteDefinition> {
  params: Parsed<D['params']>;
  query: Parsed<D['query']>;
  body: Parsed<D['body']>;
}

/**
 * OpenAPI 3.0's `nullable` widens `type` only; an `enum` still refuses null unless it lists it (OAS 3.0.3, the
 * Clarify-Nullable proposal), which zod's output of `z.enum([...]).nullable()` leaves out.
 */
const nullInNullableEnum = ({ jsonSchema }: { jsonSchema: { nullable?: boolean; enum?: unknown[] } }) => {
  if (jsonSchema.nullable && jsonSchema.enum && !jsonSchema.enum.includes(null)) jsonSchema.enum.push(null);
};

/**
 * The JSON schema of a json route's success body, as OpenAPI 3.0 declares it (an object allows no other fields):
 * the gateway's document and the conformance checks of the tests both read it from here.
 */
export const responseJsonSchema = (entry: RouteDefinition): Record<string, unknown> | undefined =>
  entry.response && (entry.kind ?? 'json') === 'json'
    ? (z.toJSONSchema(entry.response, {
        io: 'output',
        target: 'openapi-3.0',
        override: nullInNullableEnum,
      }) as Record<string, unknown>)
    : undefined;

/**
 * What the handler of a json entry answers: the body its `response` schema declares. Typing a handler with it
 * makes the compiler hold the use case to the route table, as the conformance check does at run time.
 */
export type RouteAnswer<D extends RouteDefinition & { response: z.ZodType }> = Promise<
  z.output<D['response']>
>;
