import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamClient, UPSTREAMS, type Upstream } from './upstream-client';

/** Every byte value, as in a zip (.xlsx): not valid UTF-8 text. */
const BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('upstream client', () => {
  let server: Server;
  let client: UpstreamClient;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('content-disposition', 'attachment; filename="x.xlsx"');
      res.end(BYTES);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const baseUrls = Object.fromEntries(UPSTREAMS.map((u) => [u, url])) as Record<Upstream, string>;
    client = new UpstreamClient({ baseUrls, timeoutMs: 5_000 });
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads a file byte for byte, with its type and name', async () => {
    const file = await client.download('trade-fairs', {
      method: 'GET',
      path: '/api/v1/fairs/x/contract-data.xlsx',
    });
    expect(file.body.equals(BYTES)).toBe(true);
    expect(file.status).toBe(200);
    expect(file.headers).toEqual({
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="x.xlsx"',
    });
  });

  it('would lose those bytes as text, which is why files take the other path', async () => {
    const text = await client.send('trade-fairs', { method: 'GET', path: '/x' });
    expect(Buffer.from(text.body).equals(BYTES)).toBe(false);
  });
});
