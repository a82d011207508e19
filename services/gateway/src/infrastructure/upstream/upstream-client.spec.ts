import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpException } from '@nestjs/common';
import { runWithContext } from '@kc/observability';
import { UpstreamClient, UPSTREAMS, type Upstream } from './upstream-client';

/** Every byte value, as in a zip (.xlsx): not valid UTF-8 text. */
const BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A stand-in service: a file, an echo of what arrived, a redirect, and answers that never come (whole). */
function serviceStandIn(): Server {
  return createServer(async (req, res) => {
    if (req.url === '/file') {
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', 'attachment; filename="x.xlsx"');
      res.end(BYTES);
    } else if (req.url?.startsWith('/echo')) {
      const body = await bodyOf(req);
      res.writeHead(201, { 'content-type': 'application/json', location: '/created/1', 'retry-after': '3' });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/elsewhere' }).end();
    } else if (req.url === '/half') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    }
    // '/silent': no answer at all.
  });
}

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
const everyUpstreamAt = (url: string) =>
  Object.fromEntries(UPSTREAMS.map((u) => [u, url])) as Record<Upstream, string>;

/** The problem an exchange failed with: its status and body. */
async function refusal(
  exchange: Promise<unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const error = await exchange.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpException)) throw new Error(`expected an HttpException, got ${String(error)}`);
  return { status: error.getStatus(), body: error.getResponse() as Record<string, unknown> };
}

describe('upstream client', () => {
  let server: Server;
  let url: string;
  let client: UpstreamClient;
  let impatient: UpstreamClient;

  beforeAll(async () => {
    server = serviceStandIn();
    url = await listen(server);
    client = new UpstreamClient({ baseUrls: everyUpstreamAt(url), timeoutMs: 5_000 });
    impatient = new UpstreamClient({ baseUrls: everyUpstreamAt(url), timeoutMs: 200 });
  });

  afterAll(async () => {
    await Promise.all([client.onApplicationShutdown(), impatient.onApplicationShutdown()]);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('downloads a file byte for byte, with its type and name', async () => {
    const file = await client.download('trade-fairs', { method: 'GET', path: '/file' });
    expect(file.body.equals(BYTES)).toBe(true);
    expect(file.status).toBe(200);
    expect(file.headers).toEqual({
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="x.xlsx"',
    });
  });

  it('would lose those bytes as text, which is why files take the other path', async () => {
    const text = await client.send('trade-fairs', { method: 'GET', path: '/file' });
    expect(Buffer.from(text.body).equals(BYTES)).toBe(false);
  });

  it('forwards the method, path, JSON body and headers, and hands back the answer', async () => {
    const answer = await runWithContext({ correlationId: 'corr-42', causationId: null, actor: null }, () =>
      client.send('plans', {
        method: 'POST',
        path: '/echo?page=2',
        body: { name: 'Hội chợ Bắc Ninh' },
        idempotencyKey: 'key-1',
        authorization: 'Bearer internal',
        forwardedFor: '203.0.113.9',
        userAgent: 'booth-app/1.0',
        ifNoneMatch: '"v1"',
      }),
    );
    expect(answer).toMatchObject({
      status: 201,
      contentType: 'application/json',
      location: '/created/1',
      retryAfter: '3',
    });
    const seen = JSON.parse(answer.body) as { method: string; url: string; headers: object; body: string };
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/echo?page=2');
    expect(JSON.parse(seen.body)).toEqual({ name: 'Hội chợ Bắc Ninh' });
    expect(seen.headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'x-correlation-id': 'corr-42',
      'idempotency-key': 'key-1',
      authorization: 'Bearer internal',
      'x-forwarded-for': '203.0.113.9',
      'user-agent': 'booth-app/1.0',
      'if-none-match': '"v1"',
    });
  });

  it('hands back a redirect instead of following it', async () => {
    const answer = await client.send('awards', { method: 'GET', path: '/moved' });
    expect(answer).toMatchObject({ status: 302, location: '/elsewhere' });
  });

  it('answers 504 naming the service when no answer comes in time', async () => {
    const { status, body } = await refusal(impatient.send('projects', { method: 'GET', path: '/silent' }));
    expect(status).toBe(504);
    expect(body).toMatchObject({ code: 'upstream.timeout', service: 'projects' });
  });

  it('answers 504 when the body stops coming before the deadline', async () => {
    const { status } = await refusal(impatient.send('projects', { method: 'GET', path: '/half' }));
    expect(status).toBe(504);
  });

  it('answers 502 naming the service, not its address, when nobody listens', async () => {
    const closed = serviceStandIn();
    const nowhere = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = new UpstreamClient({ baseUrls: everyUpstreamAt(nowhere), timeoutMs: 5_000 });
    try {
      const { status, body } = await refusal(
        unreachable.download('reporting', { method: 'GET', path: '/file' }),
      );
      expect(status).toBe(502);
      expect(body).toMatchObject({ code: 'upstream.unavailable', service: 'reporting' });
      expect(JSON.stringify(body)).not.toContain(new URL(nowhere).port);
    } finally {
      await unreachable.onApplicationShutdown();
    }
  });

  it('keeps its connections open from one request to the next', async () => {
    let opened = 0;
    const count = () => (opened += 1);
    server.on('connection', count);
    try {
      for (let i = 0; i < 3; i += 1) await client.send('clusters', { method: 'GET', path: '/moved' });
    } finally {
      server.off('connection', count);
    }
    expect(opened).toBeLessThanOrEqual(1);
  });
});
