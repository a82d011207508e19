// An OpenAPI-validating proxy in front of the gateway: the e2e tests speak to it, it relays every request as it
// came and every answer as it went, and holds each answer to the gateway's own OpenAPI document
// (openapi-conformance.cjs). What it saw is served at CONFORMANCE_PATH for the spec that runs last
// (openapi-conformance.e2e-spec.ts). Requests hostile at the HTTP level (the fuzzer's) go to the gateway
// straight: a proxy would parse them itself.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import conformance from './openapi-conformance.cjs';

export const CONFORMANCE_PATH = '/__openapi-conformance';

/** Starts the proxy on a free port of 127.0.0.1; `close()` stops it. */
export async function startConformanceProxy(gatewayUrl) {
  const documentReply = await fetch(`${gatewayUrl}/api/docs-json`);
  if (!documentReply.ok) throw new Error(`the gateway's OpenAPI document: HTTP ${documentReply.status}`);
  const { judge } = await conformance.conformanceChecker(await documentReply.json());
  const seen = { exchanges: 0, operations: new Set(), outside: {}, undeclared: [] };

  function record(method, url, status, contentType, body) {
    const { operation, reason } = judge(method, url, status, contentType, body);
    if (!operation) {
      const key = `${method} ${status}`;
      seen.outside[key] = (seen.outside[key] ?? 0) + 1;
      return;
    }
    seen.exchanges += 1;
    seen.operations.add(operation);
    if (reason && seen.undeclared.length < 500) seen.undeclared.push({ operation, url, status, reason });
  }

  const target = new URL(gatewayUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const server = http.createServer((req, res) => {
    if (req.url === CONFORMANCE_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...seen, operations: [...seen.operations].sort() }));
      return;
    }
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        const chunks = [];
        res.writeHead(answer.statusCode, answer.rawHeaders);
        answer.on('data', (chunk) => {
          chunks.push(chunk);
          res.write(chunk);
        });
        answer.on('end', () => {
          res.end();
          const body = Buffer.concat(chunks);
          record(
            req.method,
            req.url,
            answer.statusCode,
            answer.headers['content-type'],
            // The edge gzips the answers it keeps for clients that take gzip (fetch does).
            answer.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body,
          );
        });
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
