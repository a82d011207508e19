import * as fc from 'fast-check';
import {
  exampleOf,
  FIXED_UUID,
  objectSchema,
  type JsonSchema,
  type Parameter,
  type Route,
} from './fuzz-routes';
import {
  badAuthorizations,
  badIdempotencyKeys,
  badIds,
  badQueryValues,
  deepJson,
  hugeText,
  isConstrainedString,
  isFreeText,
  notJson,
  outOfRangeJson,
  unknownKey,
  WRONG_CONTENT_TYPES,
  wrongTypeValues,
} from './fuzz-values';

// Hostile requests for one route of the gateway's OpenAPI document, as fast-check arbitraries. Every case is
// invalid in at least one respect (body, query, path or credentials), so no case may change state: a 2xx to
// a POST, or to any case marked `invalid`, means the platform accepted input it should have refused.

export type CaseKind =
  | 'body.wrong-type'
  | 'body.missing-required'
  | 'body.unknown-field'
  | 'body.huge-string'
  | 'body.out-of-range'
  | 'body.deep-nesting'
  | 'body.not-json'
  | 'body.wrong-content-type'
  | 'body.oversized'
  | 'query.wrong-type'
  | 'query.unknown-param'
  | 'query.huge'
  | 'query.malformed'
  | 'path.bad-id'
  | 'header.idempotency-key'
  | 'header.authorization'
  | 'header.api-key'
  | 'header.correlation-id';

export interface FuzzCase {
  kind: CaseKind;
  method: string;
  /** The request target exactly as it goes on the request line (percent-encoding already applied). */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Send these credentials instead of the caller's own (garbage authorization cases). */
  credentials?: Record<string, string>;
  /** Invalid by construction: any 2xx means the platform accepted what it must refuse. */
  invalid: boolean;
  /** When the fault is one field: a 400 must name it (an `errors[].field` starting with this). */
  field?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const BODY_LIMIT_BYTES = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------
// Places in the example body where a mutation can go.

interface Slot {
  path: string[];
  schema: JsonSchema;
}

/** Every property path of the example, with the schema there (array items through their first element). */
function slotsOf(schema: JsonSchema, value: unknown, path: string[] = []): Slot[] {
  const s = objectSchema(schema);
  if (s.type === 'object' && value && typeof value === 'object') {
    return Object.keys(value).flatMap((key) => {
      const child = s.properties?.[key] ?? {};
      return [
        { path: [...path, key], schema: child },
        ...slotsOf(child, (value as Record<string, unknown>)[key], [...path, key]),
      ];
    });
  }
  if (s.type === 'array' && Array.isArray(value) && value.length > 0)
    return slotsOf(s.items ?? {}, value[0], [...path, '0']);
  return [];
}

/** Objects in the example (the root included) that refuse unknown properties. */
function strictObjectsOf(schema: JsonSchema, value: unknown): Slot[] {
  const root: Slot = { path: [], schema: objectSchema(schema) };
  return [root, ...slotsOf(schema, value)].filter(
    (slot) => objectSchema(slot.schema).type === 'object' && slot.schema.additionalProperties === false,
  );
}

const fieldOf = (path: string[]) => ['body', ...path].join('.');

/** A placeholder that JSON.stringify keeps as a string, replaced afterwards by raw JSON text. */
const RAW = '\u0000raw\u0000';

function withValueAt(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete target[last];
  // defineProperty: `__proto__` and friends become own keys, as JSON.parse makes them on the server.
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function valueAt(base: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], base);
}

/** JSON text of `value`, with the RAW placeholder (if any) replaced by `raw`. */
function jsonWith(value: unknown, raw?: string): string {
  const text = JSON.stringify(value);
  return raw === undefined ? text : text.replace(JSON.stringify(RAW), raw);
}

// ---------------------------------------------------------------------------------------------------------
// The cases of one route.

/** The route's path with valid-looking (unknown) ids, or with one parameter replaced by `bad`. */
function pathWith(route: Route, ids: string[], bad?: { name: string; raw: string }): string {
  let i = 0;
  return route.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const param = route.pathParams.find((p) => p.name === name);
    const fallback = param?.schema?.enum?.length ? String(param.schema.enum[0]) : ids[i++ % ids.length];
    return bad?.name === name ? bad.raw : fallback;
  });
}

function bodyCases(route: Route, ids: string[]): fc.Arbitrary<FuzzCase>[] {
  const path = pathWith(route, ids);
  const post = (kind: CaseKind, body: string, extra: Partial<FuzzCase> = {}): FuzzCase => ({
    kind,
    method: route.method,
    path,
    headers: JSON_HEADERS,
    body,
    invalid: true,
    ...extra,
  });
  const schema = route.body;
  const cases: fc.Arbitrary<FuzzCase>[] = [
    notJson.map((text) => post('body.not-json', text)),
    fc
      .integer({ min: 1_024, max: 64 * 1_024 })
      .map((extra) => post('body.oversized', `{"x":"${'a'.repeat(BODY_LIMIT_BYTES + extra)}"}`)),
    deepJson.map((raw) =>
      post('body.deep-nesting', schema ? jsonWith({ ...asObject(exampleOf(schema)), deep: RAW }, raw) : raw),
    ),
  ];
  if (!schema) {
    // A route that takes no body: anything sent is unexpected.
    cases.push(
      unknownKey([]).map((key) => post('body.unknown-field', jsonWith(withValueAt({}, [key], 'surprise')))),
    );
    return cases;
  }
  const base = exampleOf(schema);
  const known = (slot: Slot) => Object.keys(objectSchema(slot.schema).properties ?? {});
  const strictObjects = strictObjectsOf(schema, base);
  const invalidBase = strictObjects.length
    ? jsonWith(withValueAt(base, [...strictObjects[0].path, 'fuzzUnknown'], 1))
    : null;
  if (invalidBase) {
    cases.push(
      fc
        .constantFrom(...WRONG_CONTENT_TYPES, '')
        .map((type) =>
          post('body.wrong-content-type', invalidBase, { headers: type ? { 'content-type': type } : {} }),
        ),
    );
  }
  if (strictObjects.length) {
    cases.push(
      fc
        .constantFrom(...strictObjects)
        .chain((slot) => unknownKey(known(slot)).map((key) => ({ slot, key })))
        .map(({ slot, key }) =>
          post('body.unknown-field', jsonWith(withValueAt(base, [...slot.path, key], 'surprise')), {
            field: fieldOf([...slot.path, key]),
          }),
        ),
    );
  }
  const slots = slotsOf(schema, base);
  const typed = slots.filter((slot) => wrongTypeValues(slot.schema).length > 0);
  if (typed.length) {
    cases.push(
      fc
        .constantFrom(...typed)
        .chain((slot) => fc.constantFrom(...wrongTypeValues(slot.schema)).map((value) => ({ slot, value })))
        .map(({ slot, value }) =>
          post('body.wrong-type', jsonWith(withValueAt(base, slot.path, value)), {
            field: fieldOf(slot.path),
          }),
        ),
    );
  }
  const required = [{ path: [], schema }, ...slots].flatMap((slot) =>
    (objectSchema(slot.schema).required ?? []).map((key) => [...slot.path, key]),
  );
  const present = required.filter((path) => slots.some((s) => s.path.join('.') === path.join('.')));
  if (present.length) {
    cases.push(
      fc.constantFrom(...present).map((path) =>
        post('body.missing-required', jsonWith(withValueAt(base, path, undefined)), {
          field: fieldOf(path),
        }),
      ),
    );
  }
  const strings = slots.filter((slot) => isConstrainedString(slot.schema));
  if (strings.length) {
    cases.push(
      fc
        .record({
          slot: fc.constantFrom(...strings),
          unit: fc.constantFrom('a', 'ệ', 'Nghệ An ', '\u0301', '🏭'),
          extra: fc.integer({ min: 1, max: 200_000 }),
        })
        .map(({ slot, unit, extra }) => {
          const length = (slot.schema.maxLength ?? 64) + extra;
          return post('body.huge-string', jsonWith(withValueAt(base, slot.path, hugeText(unit, length))), {
            field: fieldOf(slot.path),
          });
        }),
    );
  }
  const bounded = slots
    .map((slot) => ({ slot, values: outOfRangeJson(slot.schema, valueAt(base, slot.path)) }))
    .filter((b) => b.values.length > 0);
  if (bounded.length) {
    cases.push(
      fc
        .constantFrom(...bounded)
        .chain(({ slot, values }) => fc.constantFrom(...values).map((raw) => ({ slot, raw })))
        .map(({ slot, raw }) =>
          post('body.out-of-range', jsonWith(withValueAt(base, slot.path, RAW), raw), {
            field: fieldOf(slot.path),
          }),
        ),
    );
  }
  if (slots.length) {
    cases.push(
      fc.record({ slot: fc.constantFrom(...slots), raw: deepJson }).map(({ slot, raw }) =>
        post('body.deep-nesting', jsonWith(withValueAt(base, slot.path, RAW), raw), {
          field: fieldOf(slot.path),
        }),
      ),
    );
  }
  return cases;
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function queryCases(route: Route, ids: string[]): fc.Arbitrary<FuzzCase>[] {
  if (route.query.length === 0) return [];
  const path = pathWith(route, ids);
  const valid = (p: Parameter) => `${p.name}=${encodeURIComponent(String(exampleOf(p.schema ?? {})))}`;
  /** The query with every required parameter valid except `bad`, plus `extra`. */
  const get = (kind: CaseKind, bad: Parameter | null, extra: string[], more: Partial<FuzzCase> = {}) => ({
    kind,
    method: route.method,
    path: `${path}?${[...route.query.filter((p) => p.required && p !== bad).map(valid), ...extra].join('&')}`,
    headers: {},
    invalid: true,
    ...more,
  });
  const names = route.query.map((p) => p.name);
  const constrained = route.query.filter((p) => badQueryValues(p.schema ?? {}).length > 0);
  // Garbage bytes break a number, enum, date, uuid or pattern, but may be a fine free-text value.
  const typed = constrained.filter((p) => p.schema?.type !== 'string' || !isFreeText(p.schema));
  const cases: fc.Arbitrary<FuzzCase>[] = [
    unknownKey(names)
      .filter((key) => key !== '' && !key.includes('['))
      .map((key) =>
        get('query.unknown-param', null, [`${encodeURIComponent(key)}=1`], { field: `query.${key}` }),
      ),
    fc
      .record({ p: fc.constantFrom(...route.query), length: fc.integer({ min: 2_000, max: 40_000 }) })
      .map(({ p, length }) =>
        // Past the HTTP server's 16 KiB header limit the request is refused whatever the parameter.
        get('query.huge', p, [`${p.name}=${'%C3%A9'.repeat(Math.ceil(length / 6))}`], {
          invalid: constrained.includes(p) || length > 16_500,
        }),
      ),
  ];
  if (constrained.length) {
    cases.push(
      fc
        .constantFrom(...constrained)
        .chain((p) => fc.constantFrom(...badQueryValues(p.schema ?? {})).map((value) => ({ p, value })))
        .map(({ p, value }) =>
          get('query.wrong-type', p, [`${p.name}=${encodeURIComponent(value)}`], {
            field: `query.${p.name}`,
          }),
        ),
    );
  }
  if (typed.length) {
    cases.push(
      fc
        .record({
          p: fc.constantFrom(...typed),
          raw: fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%C0%AF', '%00', 'a%00b', '%FF%FE'),
          twice: fc.boolean(),
        })
        .map(({ p, raw, twice }) =>
          get('query.malformed', p, twice ? [`${p.name}=${raw}`, `${p.name}=${raw}x`] : [`${p.name}=${raw}`]),
        ),
    );
  }
  return cases;
}

/** The route with unknown (valid) ids, the example body and the required query: what path cases vary. */
export function exampleRequest(route: Route, ids = [FIXED_UUID, FIXED_UUID]) {
  const query = route.query
    .filter((p) => p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(exampleOf(p.schema ?? {}, p.name)))}`);
  const body = route.method === 'POST' && route.body ? jsonWith(exampleOf(route.body)) : undefined;
  return {
    method: route.method,
    path: (bad?: { name: string; raw: string }) =>
      pathWith(route, ids, bad) + (query.length ? `?${query.join('&')}` : ''),
    headers: body === undefined ? {} : JSON_HEADERS,
    body,
  };
}

/** `exampleValid`: the example passed validation, so a 400 to a bad path id must be about the path. */
function pathCases(route: Route, ids: string[], exampleValid: boolean): fc.Arbitrary<FuzzCase>[] {
  if (route.pathParams.length === 0) return [];
  const example = exampleRequest(route, ids);
  return [
    fc.record({ param: fc.constantFrom(...route.pathParams), id: badIds }).map(({ param, id }) => ({
      kind: 'path.bad-id' as const,
      method: route.method,
      path: example.path({ name: param.name, raw: id.raw }),
      headers: example.headers,
      body: example.body,
      invalid: true,
      field: id.field && exampleValid ? `params.${param.name}` : undefined,
    })),
  ];
}

function headerCases(route: Route, ids: string[], token: string | null): fc.Arbitrary<FuzzCase>[] {
  const path = pathWith(route, ids);
  // The body (if any) is refused anyway, so a credential that slipped through still changes nothing.
  const base = route.body ? exampleOf(route.body) : undefined;
  const refusedBody = route.method === 'POST' ? jsonWith({ ...asObject(base), fuzzUnknown: 1 }) : undefined;
  const request = (kind: CaseKind, extra: Partial<FuzzCase>): FuzzCase => ({
    kind,
    method: route.method,
    path,
    headers: route.method === 'POST' ? JSON_HEADERS : {},
    body: refusedBody,
    invalid: route.access !== 'public',
    ...extra,
  });
  const cases: fc.Arbitrary<FuzzCase>[] = [
    badAuthorizations(token ?? 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln').map((authorization) =>
      request('header.authorization', { credentials: { authorization } }),
    ),
    fc
      .oneof(fc.constantFrom('', 'kc_live_garbage', 'x'.repeat(5_000)), fc.string({ maxLength: 80 }))
      .map((apiKey) => request('header.api-key', { credentials: { 'x-api-key': apiKey } })),
    fc
      .oneof(
        fc.constantFrom('', 'bad value with spaces', 'ü'.repeat(300), 'x'.repeat(8_000)),
        fc.string({ unit: 'grapheme-ascii', maxLength: 200 }),
      )
      .map((id) =>
        request('header.correlation-id', {
          headers: { ...request('header.correlation-id', {}).headers, 'x-correlation-id': id },
          invalid: route.method === 'POST',
        }),
      ),
  ];
  if (route.idempotencyKey) {
    // The example body may be valid: only the key can stop it, and it must (any 2xx is a finding).
    const body = route.body ? jsonWith(base) : undefined;
    cases.push(
      badIdempotencyKeys.map((key) => ({
        ...request('header.idempotency-key', {}),
        headers: { ...JSON_HEADERS, 'idempotency-key': key },
        body,
        invalid: true,
        field: route.body ? undefined : 'header.idempotency-key',
      })),
    );
  }
  return cases;
}

/**
 * Every hostile case of a route: each part of the request (body, query, path, headers) equally often, then one
 * way of breaking it. `token` is the caller's own (tampered with for the authorization cases); path ids that
 * should be valid are fresh uuids nobody owns.
 */
export function casesFor(route: Route, token: string | null, exampleValid: boolean): fc.Arbitrary<FuzzCase> {
  return fc.array(fc.uuid({ version: 4 }), { minLength: 2, maxLength: 2 }).chain((ids) => {
    const parts = [
      route.method === 'POST' ? bodyCases(route, ids) : [],
      queryCases(route, ids),
      pathCases(route, ids, exampleValid),
      headerCases(route, ids, token),
    ].filter((cases) => cases.length > 0);
    return fc.oneof(...parts.map((cases) => fc.oneof(...cases)));
  });
}
