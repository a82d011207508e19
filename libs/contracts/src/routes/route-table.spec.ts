import { responseJsonSchema, ROUTE_TABLE } from './index';

describe('the route table', () => {
  it('names each method and path once', () => {
    const keys = ROUTE_TABLE.map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('declares the success answer of every route: a JSON schema, the file types, a 204 or a redirect', () => {
    const undeclared = ROUTE_TABLE.filter((r) =>
      r.kind === 'file'
        ? !r.produces?.length
        : r.kind === 'redirect'
          ? r.status !== 302 || r.method !== 'GET' || r.response !== undefined
          : (r.status ?? 200) !== 204 && (r.status === 302 || !r.response),
    ).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps response schemas to what JSON can carry (no transforms), so the document can state them', () => {
    const unrepresentable = ROUTE_TABLE.filter((r) => {
      try {
        responseJsonSchema(r);
        return false;
      } catch {
        return true;
      }
    }).map((r) => `${r.method} ${r.path}`);
    expect(unrepresentable).toEqual([]);
  });

  it("caches only JSON reads a service answers (a write, a file or the gateway's own route has nothing to keep)", () => {
    const misdeclared = ROUTE_TABLE.filter(
      (r) => r.cache && (r.method !== 'GET' || (r.kind ?? 'json') !== 'json' || r.service === 'gateway'),
    ).map((r) => `${r.method} ${r.path}`);
    expect(misdeclared).toEqual([]);
    expect(ROUTE_TABLE.filter((r) => r.cache).length).toBeGreaterThan(0);
  });
});
