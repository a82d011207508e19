import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import express, { json, urlencoded } from 'express';
import type { Request, Response } from 'express';
import { answerClientErrors, assignCorrelationId, refuseUnreadableBodies } from './edge-guards';

/** Sends raw bytes and returns the raw answer (the server closes the connection after a client error). */
function exchange(server: Server, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.end(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

const listening = (server: Server) =>
  new Promise<Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));

describe('a request the HTTP server cannot parse', () => {
  let server: Server;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    answerClientErrors(server);
    await listening(server);
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is answered 431 problem+json when its headers are too large', async () => {
    const answer = await exchange(server, `GET /x?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/Content-Type: application\/problem\+json/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({ status: 431, type: expect.any(String) });
  });

  it('is answered 400 problem+json when its request line is not HTTP', async () => {
    const answer = await exchange(server, 'GET /caf\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toMatchObject({
      status: 400,
      title: 'Yêu cầu không hợp lệ / Invalid request',
      code: 'request.malformed',
      detail: expect.any(String),
      messages: { vi: expect.any(String), en: expect.any(String) },
    });
  });
});

describe('a body in a type no parser reads', () => {
  let server: Server;
  let base: string;
  const post = (path: string, body: string, type?: string) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: type ? { 'content-type': type } : {} });

  beforeAll(async () => {
    const app = express();
    app.use(refuseUnreadableBodies(['/token']));
    app.use(json());
    app.use('/token', urlencoded({ extended: false }));
    app.post(['/action', '/token'], (req, res) => {
      res.json({ read: req.body ?? null });
    });
    server = await listening(createServer(app));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is refused 415 naming the content-type header instead of being treated as no body', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const res = await post('/action', '{"a":1}', type);
      expect([type, res.status, res.headers.get('content-type')]).toEqual([
        type,
        415,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
      expect(await res.json()).toMatchObject({ errors: [{ field: 'header.content-type' }] });
    }
  });

  it('lets JSON through, a form only where one is expected, and a request without a body', async () => {
    expect(await (await post('/action', '{"a":1}', 'application/json; charset=utf-8')).json()).toEqual({
      read: { a: 1 },
    });
    expect((await post('/token', 'grant_type=x', 'application/x-www-form-urlencoded')).status).toBe(200);
    expect((await fetch(`${base}/action`, { method: 'POST' })).status).toBe(200);
  });
});

describe('the correlation id given before the body is read', () => {
  const assign = (header?: string) => {
    const req = { headers: header === undefined ? {} : { 'x-correlation-id': header } } as Request;
    const sent: Record<string, string> = {};
    const res = { setHeader: (name: string, value: string) => (sent[name] = value) } as unknown as Response;
    const next = jest.fn();
    assignCorrelationId(req, res, next);
    expect(next).toHaveBeenCalledTimes(1);
    return { request: req.headers['x-correlation-id'], response: sent['x-correlation-id'] };
  };

  it("keeps the caller's id, and writes the one it answers with back into the request for the later context", () => {
    expect(assign('kc-abc.1')).toEqual({ request: 'kc-abc.1', response: 'kc-abc.1' });
    for (const header of [undefined, 'không hợp lệ']) {
      const { request, response } = assign(header);
      expect(response).toMatch(/^[0-9a-f-]{36}$/);
      expect(request).toBe(response);
    }
  });
});
