import { gatewayUrl } from './gateway-client';

interface Conformance {
  exchanges: number;
  operations: string[];
  outside: Record<string, number>;
  undeclared: { operation: string; url: string; status: number; reason: string }[];
}

/**
 * Runs after every other e2e spec (conformance-last.cjs): all their traffic went through the proxy that holds
 * each answer to the gateway's OpenAPI document (openapi-conformance-proxy.mjs). A client generated from the
 * document must never meet an answer it does not declare.
 */
describe('the OpenAPI document declares every answer the e2e flows met', () => {
  let seen: Conformance;

  beforeAll(async () => {
    const reply = await fetch(`${gatewayUrl()}/__openapi-conformance`);
    seen = (await reply.json()) as Conformance;
  });

  it('no status code, media type or body shape outside the document', () => {
    expect(seen.undeclared).toEqual([]);
  });

  it('judged real traffic (the proxy saw the other specs’ exchanges)', () => {
    // Run alone, this spec has nothing to judge: it says so instead of passing on an empty record.
    expect(seen.exchanges).toBeGreaterThan(0);
    console.info(
      `OpenAPI conformance: ${seen.exchanges} exchanges over ${seen.operations.length} operations; outside the ` +
        `document (unknown paths): ${JSON.stringify(seen.outside)}`,
    );
  });
});
