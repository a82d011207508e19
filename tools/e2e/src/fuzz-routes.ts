// The gateway's OpenAPI document as the fuzzer sees it: its routes, who may call each, and a best-effort valid
// example of each request schema (the base that fuzz-cases.ts breaks one part at a time).

import type { Role } from '@kc/contracts';

export { ROLES, type Role } from '@kc/contracts';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
  description?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

export interface Route {
  method: 'GET' | 'POST';
  template: string;
  pathParams: Parameter[];
  query: Parameter[];
  body: JsonSchema | null;
  idempotencyKey: boolean;
  /** Who may call it, from the `**Quyền / Access:**` line of its description; `public` needs no credentials. */
  access: Role[] | 'public';
}

export const routeName = (route: Route) => `${route.method} ${route.template}`;

export function routesOf(doc: OpenApiDocument): Route[] {
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    Object.entries(operations)
      .filter(([method]) => method === 'get' || method === 'post')
      .map(([method, op]): Route => {
        const params = op.parameters ?? [];
        const roles = /\*\*Quyền \/ Access:\*\* ([^.]+)\./.exec(op.description ?? '')?.[1];
        return {
          method: method.toUpperCase() as Route['method'],
          template,
          pathParams: params.filter((p) => p.in === 'path'),
          query: params.filter((p) => p.in === 'query'),
          body: op.requestBody?.content?.['application/json']?.schema ?? null,
          idempotencyKey: params.some((p) => p.in === 'header' && /^idempotency-key$/i.test(p.name)),
          access:
            (op.security ?? []).length === 0
              ? 'public'
              : (roles ?? '').split(',').map((r) => r.trim() as Role),
        };
      }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// A best-effort valid example of a schema, the base the mutations start from.

export const FIXED_UUID = '3f2a8c4e-9b1d-4e7a-8c2f-5d6e7f809a1b';
const PATTERN_CANDIDATES = [
  '01',
  '0101010101',
  '0100100100',
  '2030-06',
  'AB-01',
  'abc',
  'a:read',
  'x',
  '1',
  '2030',
  '2030-Q2',
];

function stringExample(schema: JsonSchema): string {
  if (schema.enum?.length) return String(schema.enum[0]);
  if (schema.format === 'uuid') return FIXED_UUID;
  if (schema.format === 'date') return '2030-06-15';
  if (schema.format === 'date-time') return '2030-06-15T08:00:00+07:00';
  if (schema.format === 'email') return 'fuzz@example.vn';
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  const fits = (s: string) =>
    (!pattern || pattern.test(s)) &&
    s.length >= (schema.minLength ?? 0) &&
    s.length <= (schema.maxLength ?? Infinity);
  const candidate = [...PATTERN_CANDIDATES, 'x'.repeat(Math.max(1, schema.minLength ?? 1))].find(fits);
  return candidate ?? 'x';
}

function numberExample(schema: JsonSchema): number {
  const low =
    typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : (schema.minimum ?? 1);
  return Math.min(Math.max(low, 1), schema.maximum ?? Infinity);
}

export function exampleOf(schema: JsonSchema, name = ''): unknown {
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return exampleOf(variant);
  // A coerced query year carries no bounds in the document.
  if (/year$/i.test(name) && schema.minimum === undefined) return 2030;
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, exampleOf(schema.properties?.[key] ?? {}, key)]),
      );
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => exampleOf(schema.items ?? {}));
    case 'string':
      return stringExample(schema);
    case 'integer':
    case 'number':
      return numberExample(schema);
    case 'boolean':
      return false;
    default:
      return 'x';
  }
}

/** The object a schema describes, looking through a top-level anyOf/oneOf (the first variant). */
export function objectSchema(schema: JsonSchema): JsonSchema {
  return schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema;
}
