// An OpenAPI-validating proxy in front of the gateway: the e2e tests speak to it, it relays every request as it
// came and every answer as it went, and holds each answer to the gateway's own OpenAPI document — is its status
// declared for the operation, its media type declared for that status, its body what the schema says? What it
// saw is served at CONFORMANCE_PATH for the spec that runs last (openapi-conformance.e2e-spec.ts).
import http from 'node:http';
import OpenAPIBackendModule from 'openapi-backend';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const { OpenAPIBackend } = OpenAPIBackendModule;
export const CONFORMANCE_PATH = '/__openapi-conformance';

/** The declared answer of `operation` for `status`: exact, then `4XX`-style, then `default`. */
function declaredAnswer(operation, status) {
  const responses = operation.responses ?? {};
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

const mediaType = (contentType) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** Starts the proxy on a free port of 127.0.0.1; `close()` stops it. */
export async function startConformanceProxy(gatewayUrl) {
  const documentReply = await fetch(`${gatewayUrl}/api/docs-json`);
  if (!documentReply.ok) throw new Error(`the gateway's OpenAPI document: HTTP ${documentReply.status}`);
  const api = new OpenAPIBackend({ definition: await documentReply.json(), validate: false, quick: true });
  await api.init(); // dereferences the document, so each answer carries its schema inline
  // OpenAPI 3.0 schemas are JSON Schema draft 4 with extras (`nullable`, `example`, a boolean
  // `exclusiveMinimum`): Ajv's draft-4 build reads `nullable` and passes over the rest.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validators = new Map();
  const seen = { exchanges: 0, operations: new Set(), outside: {}, undeclared: [] };

  function check(method, url, status, contentType, body) {
    const { pathname, searchParams } = new URL(url, 'http://proxy');
    const operation = api.router.matchOperation({ method, path: pathname, query: Object.fromEntries(searchParams), headers: {} });
    if (!operation) {
      const key = `${method} ${status}`;
      seen.outside[key] = (seen.outside[key] ?? 0) + 1;
      return;
    }
    seen.exchanges += 1;
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    seen.operations.add(name);
    const refuse = (reason) => {
      if (seen.undeclared.length < 500) seen.undeclared.push({ operation: name, url, status, reason });
    };
    const answer = declaredAnswer(operation, status);
    if (!answer) return refuse(`status ${status} is not declared`);
    if (body.length === 0) return;
    const type = mediaType(contentType);
    const content = answer.content?.[type];
    if (!content) return refuse(`media type "${type}" is not declared for ${status}`);
    if (!content.schema || !type.endsWith('json')) return;
    const key = `${name} ${status} ${type}`;
    if (!validators.has(key)) validators.set(key, ajv.compile(content.schema));
    const validate = validators.get(key);
    let json;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(`a ${type} body that is not JSON`);
    }
    if (!validate(json))
      refuse(validate.errors.map((e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`).join('; '));
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
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        const chunks = [];
        res.writeHead(answer.statusCode, answer.rawHeaders);
        answer.on('data', (chunk) => {
          chunks.push(chunk);
          res.write(chunk);
        });
        answer.on('end', () => {
          res.end();
          check(req.method, req.url, answer.statusCode, answer.headers['content-type'], Buffer.concat(chunks));
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
