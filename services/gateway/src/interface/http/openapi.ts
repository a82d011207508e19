import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { OAUTH_ERROR_CODES } from '@kc/contracts';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** The request-side JSON schema of a contract (what a client sends, before defaults and transforms). */
export function jsonSchemaOf(schema: z.ZodType): SchemaObject {
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

const OAUTH_ERROR: SchemaObject = {
  type: 'object',
  required: ['error', 'error_description'],
  properties: {
    error: { type: 'string', enum: [...OAUTH_ERROR_CODES] },
    error_description: { type: 'string', description: 'Printable ASCII (RFC 6749 §5.2), so English.' },
  },
};

/**
 * The token endpoint speaks OAuth 2.0 (RFC 6749): a form body (or JSON), and refusals as `{error,
 * error_description}` JSON instead of problem+json — declared here so the generic problem answers leave them be.
 */
export const ApiOAuthTokenEndpoint = () =>
  applyDecorators(
    ApiConsumes('application/x-www-form-urlencoded', 'application/json'),
    ApiResponse({
      status: 400,
      description: 'RFC 6749 §5.2 error (invalid_request, invalid_scope, unsupported_grant_type, …)',
      content: { 'application/json': { schema: OAUTH_ERROR } },
    }),
    ApiResponse({
      status: 401,
      description: 'invalid_client: the client failed to authenticate (WWW-Authenticate: Basic)',
      content: { 'application/json': { schema: OAUTH_ERROR } },
    }),
  );
