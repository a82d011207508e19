import type { OpenAPIObject, OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from '@kc/http';

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

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

const ANSWERS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ / The request is malformed or breaks its schema: `errors` names each field and rule',
  401: 'Chưa xác thực / No valid token or API key',
  403: 'Không có quyền / The caller’s role or scope may not use this route',
  404: 'Không tìm thấy / No such resource, or one the caller may not see',
  409: 'Xung đột / The request conflicts with the current state (or a reused / in-flight Idempotency-Key)',
  413: 'Quá lớn / The body is larger than the limit',
  415: 'Sai định dạng / The body is not JSON (or the file type the route takes)',
  422: 'Vi phạm quy tắc nghiệp vụ / A business rule refuses it: `code` names the rule',
  429: 'Quá nhiều yêu cầu / The rate limit of the caller or address is reached; see Retry-After',
  500: 'Lỗi hệ thống / An unexpected error; quote correlationId',
  503: 'Tạm thời không phục vụ / Not available yet (a dependency is down or a copy is catching up); see Retry-After',
};

/** Which problem answers an operation can give, from its method, its path and whether it is public. */
export function problemStatuses(method: string, path: string, isPublic: boolean): number[] {
  const statuses = [400, 429, 500, 503];
  if (!isPublic) statuses.push(401, 403);
  if (path.includes('{')) statuses.push(404);
  if (method !== 'get') statuses.push(409, 413, 415, 422);
  return statuses.sort((a, b) => a - b);
}

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header' as const,
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

/** One rule for the Idempotency-Key on every route: every POST takes it, except the credential exchanges. */
export const takesIdempotencyKey = (method: string, path: string) =>
  method === 'post' && !path.startsWith('/api/v1/auth/');

/**
 * Declares on every operation each problem answer it can give (with the one problem schema) and the
 * Idempotency-Key header where the rule above says so — derived, so no route can forget one.
 */
export function withProblemAnswers(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA as never },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (typeof operation !== 'object' || !operation.responses) continue;
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      for (const status of problemStatuses(method, path, isPublic)) {
        // An answer the route declares with its own content (the OAuth token endpoint's errors) stands.
        if ((operation.responses[status] as { content?: unknown } | undefined)?.content) continue;
        operation.responses[status] = {
          description: ANSWERS[status],
          content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
        };
      }
      if (takesIdempotencyKey(method, path)) {
        const others = (operation.parameters ?? []).filter(
          (p) => !('name' in p && p.name === 'Idempotency-Key'),
        );
        operation.parameters = [...others, IDEMPOTENCY_KEY];
      }
    }
  }
  return document;
}
