import { ROUTE_TABLE } from '../routes';
import { buildOpenApi, openApiPath, problemStatuses, takesIdempotencyKey } from './build-openapi';

type Operation = {
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  security: unknown[];
};
const document = buildOpenApi(ROUTE_TABLE) as {
  paths: Record<string, Record<string, Operation>>;
};
const op = (method: string, path: string) => document.paths[path][method];

describe('the OpenAPI document made from the route table', () => {
  it('has one operation per entry, each with its answer of success', () => {
    for (const entry of ROUTE_TABLE) {
      const operation = op(entry.method.toLowerCase(), openApiPath(entry.path));
      expect(operation.responses[String(entry.status ?? 200)]).toBeDefined();
    }
    const count = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(count).toBe(ROUTE_TABLE.length);
  });

  it('gives a public read only the answers of the edge', () => {
    expect(problemStatuses({ method: 'GET', path: '/api/v1/reference/regions', access: 'public' })).toEqual([
      400, 429, 431, 500, 503,
    ]);
    expect(op('get', '/api/v1/reference/regions').security).toEqual([]);
  });

  it('adds authentication, not-found and the refusals of a write', () => {
    const contract = op('post', '/api/v1/projects/{id}/contract');
    expect(
      Object.keys(contract.responses)
        .map(Number)
        .filter((s) => s >= 400),
    ).toEqual([400, 401, 403, 404, 409, 413, 415, 422, 429, 431, 500, 503]);
    expect(contract.responses['422'].content?.['application/problem+json']).toBeDefined();
    expect(contract.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    );
  });

  it('takes an Idempotency-Key on writes, never on the credential exchanges or reads', () => {
    expect(takesIdempotencyKey({ method: 'POST', path: '/api/v1/projects' })).toBe(true);
    expect(takesIdempotencyKey({ method: 'POST', path: '/api/v1/auth/token' })).toBe(false);
    expect(takesIdempotencyKey({ method: 'GET', path: '/api/v1/projects' })).toBe(false);
    const keyed = (method: string, path: string) =>
      op(method, path).parameters.some((p) => p.name === 'Idempotency-Key');
    expect(keyed('post', '/api/v1/projects')).toBe(true);
    expect(keyed('post', '/api/v1/auth/login')).toBe(false);
  });

  it('states the token endpoint as OAuth 2.0 does: a form (or JSON) body, RFC 6749 refusals', () => {
    const token = op('post', '/api/v1/auth/token');
    expect(Object.keys(token.requestBody?.content ?? {})).toEqual([
      'application/x-www-form-urlencoded',
      'application/json',
    ]);
    for (const status of ['400', '401'])
      expect(token.responses[status].content?.['application/json']?.schema).toMatchObject({
        required: ['error', 'error_description'],
      });
    expect(token.responses['429'].content?.['application/problem+json']).toBeDefined();
    // An unreadable body is refused at the edge, before the handler, as problem+json.
    expect(token.responses['400'].content?.['application/problem+json']).toBeDefined();
    expect(op('post', '/api/v1/auth/login').responses['401']).toBeDefined();
  });

  it('states a file route by its media types', () => {
    const exported = op('get', '/api/v1/projects/export.xlsx').responses['200'].content ?? {};
    expect(Object.keys(exported)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
  });
});
