import { z } from 'zod';
import { oauthErrorResponse } from '../http/auth';
import { responseJsonSchema, type RouteDefinition } from '../routes/route';

type JsonObject = Record<string, unknown>;

export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'api-key';
const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** What the public API is, as its document opens (Vietnamese, then English). */
const API_INFO = {
  title: 'Nền tảng khuyến công — Khuyến công platform API',
  description:
    'Cổng API công khai của nền tảng quản lý khuyến công: kế hoạch, đề án, cụm công nghiệp, hội chợ, bình chọn ' +
    'sản phẩm CNNT tiêu biểu, số liệu hội nghị và danh mục dùng chung. Lỗi trả về dạng application/problem+json.\n\n' +
    "Public API of Vietnam's industrial promotion (khuyến công) platform: annual plans, projects, industrial " +
    'clusters, trade fairs, product award rounds, conference figures and reference data. Errors are ' +
    'application/problem+json (RFC 9457); POST requests accept an Idempotency-Key header.\n\n' +
    'Authenticate with a bearer token (POST /api/v1/auth/login for people, POST /api/v1/auth/token for API ' +
    'clients, or a token of the configured OIDC issuer) or with an API key in X-API-Key. Each route lists the ' +
    'roles (and, for API clients, the scope) it allows. Requests are limited per address and per API client ' +
    "(429 with Retry-After). A service that decides on its copy of another service's facts never refuses on a " +
    'copy that lags: it waits for it briefly, else answers 503 consistency.replica-behind with Retry-After — ' +
    'retry, with the same Idempotency-Key.',
};

/** RFC 9457 problem details as every service and the gateway answer them (libs/http problem.ts). */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'messages'],
  properties: {
    type: { type: 'string', example: '/problems/project.above-funding-norm' },
    title: { type: 'string', example: 'Vi phạm quy tắc nghiệp vụ / Business rule violated' },
    status: { type: 'integer', example: 422 },
    detail: {
      type: 'string',
      description: 'Tiếng Việt trước, tiếng Anh sau / Vietnamese first, then English.',
    },
    messages: {
      type: 'object',
      required: ['vi', 'en'],
      properties: { vi: { type: 'string' }, en: { type: 'string' } },
    },
    code: { type: 'string', description: 'Stable machine-readable code, e.g. `project.illegal-transition`.' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message', 'messages'],
        properties: {
          field: { type: 'string', example: 'body.approvedSupportVnd' },
          rule: { type: 'string', example: 'too_small' },
          message: { type: 'string' },
          messages: { type: 'object', properties: { vi: { type: 'string' }, en: { type: 'string' } } },
        },
      },
    },
  },
};

const OAUTH_ERROR_SCHEMA = z.toJSONSchema(oauthErrorResponse, { io: 'output', target: 'openapi-3.0' });

const PROBLEM_ANSWERS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ / The request is malformed or breaks its schema: `errors` names each field and rule',
  401: 'Chưa xác thực / No valid token or API key',
  403: 'Không có quyền / The caller’s role or scope may not use this route',
  404: 'Không tìm thấy / No such resource, or one the caller may not see',
  409: 'Xung đột / The request conflicts with the current state (or a reused / in-flight Idempotency-Key)',
  413: 'Quá lớn / The body is larger than the limit',
  415: 'Sai định dạng / The body is not JSON (or the file type the route takes)',
  422: 'Vi phạm quy tắc nghiệp vụ / A business rule refuses it: `code` names the rule',
  431: 'Phần đầu quá lớn / The request line and headers are larger than the gateway accepts (16 KiB)',
  429: 'Quá nhiều yêu cầu / The rate limit of the caller or address is reached; see Retry-After',
  500: 'Lỗi hệ thống / An unexpected error; quote correlationId',
  503: 'Tạm thời không phục vụ / Not available yet (a dependency is down or a copy is catching up); see Retry-After',
};

const OAUTH_ANSWERS: Record<number, string> = {
  400: 'RFC 6749 §5.2 error (invalid_request, invalid_scope, unsupported_grant_type, …)',
  401: 'invalid_client: the client failed to authenticate (WWW-Authenticate: Basic)',
};

/** Which problem answers a route can give, from its method, its path and whether it is public. */
export function problemStatuses(
  entry: Pick<RouteDefinition, 'method' | 'path' | 'access' | 'whenConfigured' | 'queryNamesResource'>,
): number[] {
  // Any request can be too long in its line and headers (431) before a route is even chosen.
  const statuses = [400, 429, 431, 500, 503];
  if (entry.access !== 'public') statuses.push(401, 403);
  // The credential exchanges are public, and refuse bad credentials.
  else if (entry.path.startsWith('/api/v1/auth/')) statuses.push(401);
  if (entry.path.includes('/:') || entry.whenConfigured || entry.queryNamesResource) statuses.push(404);
  if (entry.method !== 'GET') statuses.push(409, 413, 415, 422);
  return statuses.sort((a, b) => a - b);
}

/** One rule for the Idempotency-Key on every route: every POST takes it, except the credential exchanges. */
export const takesIdempotencyKey = (entry: Pick<RouteDefinition, 'method' | 'path'>) =>
  entry.method === 'POST' && !entry.path.startsWith('/api/v1/auth/');

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  description:
    'Khóa chống gửi trùng / retry key (1–200 visible ASCII characters, per caller), optional on every POST ' +
    'outside /api/v1/auth. The key keeps only an answer no retry could change, for 24 h: a completed write ' +
    '(2xx) and a refusal of the request itself (400, 413, 415) — the same key and body replay it (header ' +
    'idempotent-replayed: true). A refusal that depends on state (401, 403, 404, 409, 422, 429, 503 with ' +
    'Retry-After, 5xx) is not kept: send the same key again. The key with a different body → 409 ' +
    'idempotency.key-reused; while the first is in flight → 409 idempotency.in-flight.',
};

const inputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' }) as JsonObject & {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };

/** `/api/v1/projects/:id` → `/api/v1/projects/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const operationId = (entry: RouteDefinition) =>
  `${entry.method.toLowerCase()}${entry.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string = '') => c.toUpperCase())}`;

function parameters(entry: RouteDefinition): JsonObject[] {
  const of = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const { properties = {}, required = [] } = inputSchema(schema);
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || required.includes(name),
      schema: property,
    }));
  };
  const ifNoneMatch = {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description: 'The ETag of the copy the client holds: 304 without a body while it is still current.',
  };
  return [
    ...(entry.etag || entry.cache ? [ifNoneMatch] : []),
    ...of(entry.params, 'path'),
    ...of(entry.query, 'query'),
    ...(takesIdempotencyKey(entry)
      ? [{ ...IDEMPOTENCY_KEY, required: entry.idempotency === 'service' }]
      : []),
  ];
}

function success(entry: RouteDefinition): JsonObject {
  const status = entry.status ?? 200;
  const description = status === 201 ? 'Đã tạo / Created' : status === 204 ? 'Xong / Done' : 'OK';
  if (entry.kind === 'redirect')
    return {
      description: 'Chuyển hướng / Redirect: the browser goes on to the Location',
      headers: { Location: { schema: { type: 'string' } } },
    };
  if (entry.kind === 'file')
    return {
      description,
      content: Object.fromEntries(
        (entry.produces ?? ['application/octet-stream']).map((type) => [
          type,
          { schema: { type: 'string', format: 'binary' } },
        ]),
      ),
    };
  const schema = responseJsonSchema(entry);
  return schema ? { description, content: { 'application/json': { schema } } } : { description };
}

function responses(entry: RouteDefinition): JsonObject {
  const answers: JsonObject = { [entry.status ?? 200]: success(entry) };
  if (entry.etag || entry.cache)
    answers[304] = { description: 'Không đổi / Not modified since the ETag the client holds' };
  for (const status of problemStatuses(entry))
    answers[status] = {
      description: PROBLEM_ANSWERS[status],
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  // The handler's refusals are OAuth errors; a body the edge cannot read is still refused as problem+json.
  if (entry.refusals === 'oauth')
    for (const [status, description] of Object.entries(OAUTH_ANSWERS))
      answers[status] = {
        description,
        content: {
          'application/json': { schema: OAUTH_ERROR_SCHEMA },
          ...(status === '400' ? (answers[400] as { content: object }).content : {}),
        },
      };
  return answers;
}

function accessNote(entry: RouteDefinition): string | undefined {
  if (entry.access === 'public') return undefined;
  const scope = entry.access.scope ? ` API clients also need the scope \`${entry.access.scope}\`.` : '';
  return `**Quyền / Access:** ${entry.access.roles.join(', ')}.${scope}`;
}

function operation(entry: RouteDefinition): JsonObject {
  const description = [entry.description, accessNote(entry)].filter(Boolean).join('\n\n');
  const body = entry.body ?? entry.rawBody;
  const bodySchema = body ? inputSchema(body) : undefined;
  return {
    operationId: operationId(entry),
    tags: [entry.tag ?? entry.service],
    summary: entry.summary,
    ...(description ? { description } : {}),
    parameters: parameters(entry),
    ...(bodySchema
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              (entry.consumes ?? ['application/json']).map((type) => [type, { schema: bodySchema }]),
            ),
          },
        }
      : {}),
    responses: responses(entry),
    security: entry.access === 'public' ? [] : [{ [BEARER_SCHEME]: [] }, { [API_KEY_SCHEME]: [] }],
  };
}

/**
 * The OpenAPI 3.0 document of the public API, made from the route table alone — paths, access rules, inputs,
 * answers of success and every problem answer — so that it cannot drift from what the gateway mounts and the
 * services bind. The gateway serves it; the e2e proxy holds every answer to it.
 */
export function buildOpenApi(routes: readonly RouteDefinition[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const entry of routes) {
    const path = openApiPath(entry.path);
    paths[path] = { ...paths[path], [entry.method.toLowerCase()]: operation(entry) };
  }
  const tags = [...new Set(routes.map((r) => r.tag ?? r.service))].map((name) => ({ name }));
  return {
    openapi: '3.0.0',
    info: { ...API_INFO, version: '1' },
    tags,
    paths,
    components: {
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An access token from POST /api/v1/auth/login (people) or /api/v1/auth/token (client credentials), ' +
            'or a token of the configured external OIDC issuer.',
        },
        [API_KEY_SCHEME]: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'The API key of a registered API client.',
        },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
  };
}
