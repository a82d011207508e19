// Holds an HTTP answer to an OpenAPI document: is its status declared for the operation, its media type declared
// for that status, its body what the schema says? Shared by the proxy in front of the gateway (every e2e flow)
// and the fuzzer (whose hostile requests go to the gateway straight, byte for byte).
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

/** Which declared answer of `operation` covers `status`: exact, then `4XX`-style, then `default`. */
function declaredStatus(operation, status) {
  const responses = operation.responses ?? {};
  return [String(status), `${String(status)[0]}XX`, 'default'].find((key) => key in responses);
}

const declaredAnswer = (operation, status) => operation.responses?.[declaredStatus(operation, status)];

/**
 * Every operation with a pattern for its path; where two paths could take the same URL, the one with fewer
 * parameters goes first (`/api/v1/projects/export.xlsx` before `/api/v1/projects/{id}`), as the gateway mounts them.
 */
function operationsOf(document) {
  const escape = (s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        path,
        method,
        operation,
        params: (path.match(/\{/g) ?? []).length,
        pattern: new RegExp(
          `^${path
            .split(/\{[^}]+\}/)
            .map(escape)
            .join('[^/]+')}$`,
        ),
      })),
    )
    .sort((a, b) => a.params - b.params);
}

const mediaType = (contentType) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/**
 * `judge(method, url, status, contentType, body)` answers `{ operation }` (`undefined` for a path the document
 * does not have) and, when the answer is not what the document declares, `reason`.
 */
async function conformanceChecker(document) {
  // OpenAPI 3.0 schemas are JSON Schema draft 4 with extras (`nullable`, `example`, a boolean
  // `exclusiveMinimum`): Ajv's draft-4 build reads `nullable` and passes over the rest. The whole document is
  // one schema resource, so `#/components/...` references resolve inside it.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(document, 'openapi');
  const validators = new Map();
  const operations = operationsOf(document);

  function judge(method, url, status, contentType, body) {
    let target;
    try {
      target = new URL(url, 'http://gateway');
    } catch {
      return {};
    }
    const found = operations.find(
      (o) => o.method === method.toLowerCase() && o.pattern.test(target.pathname),
    );
    if (!found) return {};
    const operation = `${found.method.toUpperCase()} ${found.path}`;
    const answer = declaredAnswer(found.operation, status);
    if (!answer) return { operation, reason: `status ${status} is not declared` };
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : (body ?? '');
    if (text.length === 0) return { operation };
    const type = mediaType(contentType);
    const content = answer.content?.[type];
    if (!content) return { operation, reason: `media type "${type}" is not declared for ${status}` };
    if (!content.schema || !type.endsWith('json')) return { operation };
    const key = `${operation} ${status} ${type}`;
    const pointer = [
      'paths',
      found.path,
      found.method,
      'responses',
      declaredStatus(found.operation, status),
      'content',
      type,
      'schema',
    ]
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    if (!validators.has(key)) validators.set(key, ajv.getSchema(`openapi#/${pointer}`));
    const validate = validators.get(key);
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      return { operation, reason: `a ${type} body that is not JSON` };
    }
    if (validate(json)) return { operation };
    const errors = validate.errors.map(
      (e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`,
    );
    return { operation, reason: errors.join('; ') };
  }

  return { judge };
}

module.exports = { conformanceChecker };
