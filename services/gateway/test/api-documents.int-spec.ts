import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TOPICS } from '@kc/contracts';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

type Operation = {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  security?: unknown[];
};

describe('the API documents the gateway publishes', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    upstream = await startStubUpstream();
    gateway = await bootGateway({ database: 'gateway_documents', upstreamUrl: upstream.url });
    call = client(gateway.url);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('declares every problem answer of every operation with the problem schema', async () => {
    const doc = (await call<{ paths: Record<string, Record<string, Operation>> }>('GET', '/api/docs-json'))
      .body;
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const expected = ['400', '429', '431', '500', '503'];
        if (operation.security?.length !== 0) expected.push('401', '403');
        if (path.includes('{')) expected.push('404');
        if (method !== 'get') expected.push('409', '413', '415', '422');
        for (const status of expected) {
          const schema = operation.responses[status]?.content?.['application/problem+json']?.schema;
          if (!schema) missing.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // The OAuth token endpoint's handler refuses in RFC 6749's shape (the edge still answers problem+json).
    const token = doc.paths['/api/v1/auth/token'].post.responses;
    expect(token['400'].content?.['application/json']?.schema).toMatchObject({
      required: ['error', 'error_description'],
    });
    expect(doc.paths['/api/v1/projects/{id}'].get.responses['404']).toBeDefined();
  });

  it('takes an optional Idempotency-Key on every POST except the credential exchanges', async () => {
    const doc = (await call<{ paths: Record<string, Record<string, Operation>> }>('GET', '/api/docs-json'))
      .body;
    const posts = Object.entries(doc.paths).flatMap(([path, item]) =>
      item.post
        ? [{ path, keyed: (item.post.parameters ?? []).some((p) => p.name === 'Idempotency-Key') }]
        : [],
    );
    expect(posts.length).toBeGreaterThan(20);
    expect(posts.filter((p) => p.keyed !== !p.path.startsWith('/api/v1/auth/'))).toEqual([]);
  });

  it('serves the AsyncAPI document the contracts generate, and a page that renders every topic', async () => {
    const json = await call('GET', '/api/asyncapi.json');
    expect(json.status).toBe(200);
    const checkedIn = JSON.parse(
      readFileSync(join(__dirname, '../../../libs/contracts/asyncapi.json'), 'utf8'),
    ) as unknown;
    expect(json.body).toEqual(checkedIn);

    const page = await fetch(`${gateway.url}/api/asyncapi`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    for (const topic of ALL_TOPICS) expect(html).toContain(`<code>${topic.name}</code>`);
    expect(html).toContain('plans.plan.created v1');
    expect(html).not.toContain('<script');
  });
});
