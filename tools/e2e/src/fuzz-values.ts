import * as fc from 'fast-check';
import type { JsonSchema } from './fuzz-routes';

// Hostile values: each is certainly invalid where fuzz-cases.ts puts it (for the schema it is chosen for).

/** Values of any JSON type but the one the schema declares (bodies are not coerced: all are wrong). */
export function wrongTypeValues(schema: JsonSchema): unknown[] {
  const nullish = schema.nullable ? [] : [null];
  switch (schema.type) {
    case 'string':
      return [12345, true, { x: 1 }, [1, 'a'], ...nullish];
    case 'integer':
      return ['12', 1.5, true, { x: 1 }, [], ...nullish];
    case 'number':
      return ['12', true, { x: 1 }, [], ...nullish];
    case 'boolean':
      return ['true', 1, { x: 1 }, ...nullish];
    case 'array':
      return [{ x: 1 }, 'a', 1, ...nullish];
    case 'object':
      return [[], 'a', 1, ...nullish];
    default:
      return [];
  }
}

/** A string field that a huge string certainly breaks (a maximum length, an enum, a format or a pattern). */
export function isConstrainedString(schema: JsonSchema): boolean {
  return (
    schema.type === 'string' &&
    (schema.maxLength !== undefined ||
      schema.enum !== undefined ||
      schema.format !== undefined ||
      schema.pattern !== undefined)
  );
}

/** JSON texts just outside a field's bounds (money past 2^53, 1e400 = Infinity, an empty required list, …). */
export function outOfRangeJson(schema: JsonSchema, example: unknown): string[] {
  if (schema.type === 'integer' || schema.type === 'number') {
    const exclusive = typeof schema.exclusiveMinimum === 'number' ? [String(schema.exclusiveMinimum)] : [];
    const below = schema.minimum !== undefined ? [String(schema.minimum - 1)] : [];
    const above = schema.maximum !== undefined ? [String(schema.maximum + 1), '1e400'] : [];
    return [...exclusive, ...below, ...above];
  }
  if (schema.type === 'string' && (schema.minLength ?? 0) > 0) return ['""'];
  if (schema.type === 'array') {
    const few = (schema.minItems ?? 0) > 0 ? ['[]'] : [];
    const items = Array.isArray(example) ? example : [];
    const many =
      schema.maxItems !== undefined && items.length > 0
        ? [JSON.stringify(Array.from({ length: schema.maxItems + 1 }, (_, i) => items[i % items.length]))]
        : [];
    return [...few, ...many];
  }
  return [];
}

export const isFreeText = (schema: JsonSchema) =>
  schema.enum === undefined && schema.format === undefined && schema.pattern === undefined;

export const hugeText = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length));

/** Deeply nested arrays or objects as raw JSON text (too deep for a recursive JSON.stringify). */
export const deepJson = fc.oneof(
  fc.integer({ min: 100, max: 100_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 100, max: 50_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
);

/** Texts that are not a JSON object or array. */
export const notJson = fc.oneof(
  fc.constantFrom(
    '{"year": 20',
    '{',
    '}',
    '{"a":1,}',
    "{'a':1}",
    '{"a":1}{"b":2}',
    'undefined',
    'NaN',
    'null',
    '123',
    '"text"',
    'true',
    '\u0000',
    '{"a":"\\x41"}',
    '<?xml version="1.0"?><plan/>',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((s) => {
    try {
      const parsed: unknown = JSON.parse(s);
      return parsed === null || typeof parsed !== 'object';
    } catch {
      return true;
    }
  }),
);

export const WRONG_CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/xml',
  'multipart/form-data; boundary=fuzz',
  'application/x-www-form-urlencoded',
  'application/json-patch+json',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/jsonx',
];

export const unknownKey = (known: string[]) =>
  fc
    .oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'ghi chú', '', '$where', 'x'.repeat(300)),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    )
    .filter((key) => !known.includes(key));

/** Path ids that are not uuids: garbage, unicode, very long, dot segments, broken percent-encoding. */
export const badIds = fc.oneof(
  fc.constantFrom(
    { raw: 'not-a-uuid', field: true },
    { raw: '123', field: true },
    { raw: '..', field: true },
    { raw: '.', field: true },
    { raw: '%2e%2e', field: true },
    { raw: '%2E%2E%2F%2E%2E%2Fauth%2Fclients', field: true },
    { raw: '%2F', field: true },
    { raw: '%00', field: true },
    { raw: '%', field: false },
    { raw: '%E0%A4%A', field: false },
    { raw: '%ZZ', field: false },
    { raw: '1%27%20OR%20%271%27%3D%271', field: true },
    { raw: '3f2a8c4e-9b1d-4e7a-8c2f-5d6e7f809a1g', field: true },
    { raw: '%7B3f2a8c4e-9b1d-4e7a-8c2f-5d6e7f809a1b%7D', field: true },
    { raw: '3f2a8c4e-9b1d-4e7a-8c2f-5d6e7f809a1b%20', field: true },
    { raw: '\u00e9\u00e8', field: false },
  ),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .map((s) => ({ raw: encodeURIComponent(s), field: true })),
  fc.integer({ min: 300, max: 30_000 }).map((n) => ({ raw: 'a'.repeat(n), field: n < 8_000 })),
);

/** Idempotency keys outside "1 to 200 visible ASCII characters" (only Latin-1: what HTTP can carry). */
export const badIdempotencyKeys = fc.oneof(
  fc.constantFrom('', '   ', 'has space', 'tab\there', 'clé-ü', '\u00ff\u00fe'),
  fc.integer({ min: 201, max: 4_000 }).map((n) => 'k'.repeat(n)),
);

function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** Authorization headers that must never authenticate (given a real token to tamper with). */
export function badAuthorizations(token: string) {
  const [header, payload, signature = ''] = token.split('.');
  const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
  const claims = { sub: 'cuc.admin', role: 'central-admin', exp: 4_102_444_800, iss: 'kc-gateway' };
  return fc.oneof(
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Bearer garbage',
      'Basic Zm9vOmJhcg==',
      'Token abc',
      `Bearer ${header}.${payload}.${flipped}`,
      `Bearer ${header}.${base64url({ ...claims })}.${signature}`,
      `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
      `Bearer ${token}${token}`,
      `Bearer ${token.slice(0, -1)}`,
      'Bearer \u00e9\u00e8\u00ff',
    ),
    fc.integer({ min: 1_000, max: 12_000 }).map((n) => `Bearer ${'A'.repeat(n)}`),
    fc.string({ unit: 'grapheme-ascii', maxLength: 100 }).map((s) => `Bearer ${s}`),
  );
}

/** Query values certainly invalid for a parameter's schema (query strings are coerced: no numeric strings). */
export function badQueryValues(schema: JsonSchema): string[] {
  if (schema.type === 'number' || schema.type === 'integer') {
    const ints = schema.type === 'integer' ? ['1.5'] : [];
    const below = schema.minimum !== undefined ? [String(schema.minimum - 1)] : [];
    const above = schema.maximum !== undefined ? [String(schema.maximum + 1)] : [];
    return ['abc', 'NaN', '1e400', '--1', '0x', '[object Object]', ...ints, ...below, ...above];
  }
  if (schema.enum?.length) return ['not-in-the-list', 'NATIONAL', `${String(schema.enum[0])} `];
  if (schema.format === 'date') return ['2025-02-30', '30/06/2030', '2030-6-1', 'yesterday'];
  if (schema.format === 'date-time') return ['2030-06-15 25:00', 'now'];
  if (schema.format === 'uuid') return ['not-a-uuid', '..'];
  if (schema.pattern) return ['\u00fc\u00fc\u00fc', '!!', '0'.repeat(40)];
  if (schema.maxLength !== undefined) return ['x'.repeat(schema.maxLength + 1)];
  return [];
}
