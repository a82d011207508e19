import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiParam, ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** The request-side JSON schema of a contract (what a client sends, before defaults and transforms). */
function jsonSchemaOf(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' }) as SchemaObject;
}

/** Documents a JSON body with the same zod schema the edge validates it with. */
export const ApiZodBody = (schema: z.ZodType) => ApiBody({ schema: jsonSchemaOf(schema) });

/** Documents each query parameter of a zod object schema. */
export function ApiZodQuery(schema: z.ZodType) {
  const { properties = {}, required = [] } = jsonSchemaOf(schema);
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiQuery({ name, required: required.includes(name), schema: property as SchemaObject }),
    ),
  );
}

export const ApiUuidParam = () => ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid' } });

export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Khóa chống gửi trùng / retry key (1–200 visible ASCII characters, per caller). The key keeps only an ' +
      'answer no retry could change, for 24 h: a completed write (2xx) and a refusal of the request itself (400, ' +
      '413, 415) — the same key and body replay it (header idempotent-replayed: true). A refusal that depends on ' +
      'state (401, 403, 404, 409, 422, 429, 503 with Retry-After, 5xx) is not kept: send the same key again. ' +
      'The key with a different body → 409 idempotency.key-reused; while the first is in flight → 409 ' +
      'idempotency.in-flight.',
  });

/** Path parameters of the proxied resources: validated at the edge so a bad id never travels upstream. */
export const idParams = z.strictObject({ id: z.uuid() });

/** The body of a POST that takes none: nothing, or `{}` — anything else is refused, never relayed. */
export const noBody = z.strictObject({});
