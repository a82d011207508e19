import type { ConferenceFiguresGlossary, ProvinceDetailView, RegionsView } from '@kc/contracts';
import { conferenceFigures } from '@kc/contracts';
import { TokenIssuer } from '../src/infrastructure/identity/token-issuer';
import { SCOPES_OF_ROLE } from '../src/domain/identity/scopes';
import { bootGateway, client, startStubUpstream, type BootedGateway } from './support/gateway-harness';

/** The reference routes the gateway answers itself: one unit with its lineage, regions on a date. */
describe('reference data of provincial units, through the gateway', () => {
  let gateway: BootedGateway;
  let upstream: Awaited<ReturnType<typeof startStubUpstream>>;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    upstream = await startStubUpstream();
    gateway = await bootGateway({ database: 'gateway_reference_units', upstreamUrl: upstream.url });
    call = client(gateway.url);
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it("answers today's unit with the units merged into it", async () => {
    const reply = await call<ProvinceDetailView>('GET', '/api/v1/reference/provinces/37?asOf=2026-01-01');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ code: '37', nameVi: 'Ninh Bình', inForce: true, validTo: null });
    expect(reply.body.predecessors.map((p) => [p.code, p.nameVi])).toEqual([
      ['35', 'Hà Nam'],
      ['36', 'Nam Định'],
      ['37', 'Ninh Bình'],
    ]);
  });

  it('answers an ended code with its unit as it last stood and the successor', async () => {
    const reply = await call<ProvinceDetailView>('GET', '/api/v1/reference/provinces/30?asOf=2026-01-01');
    expect([reply.status, reply.body.inForce, reply.body.successorCode, reply.body.nameVi]).toEqual([
      200,
      false,
      '31',
      'Hải Dương',
    ]);
  });

  it('answers 404 problem for a code that never named a unit, 400 for a bad code or date', async () => {
    const unknown = await call('GET', '/api/v1/reference/provinces/99');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknown.body.code).toBe('reference.province-not-found');
    expect((await call('GET', '/api/v1/reference/provinces/3')).status).toBe(400);
    const badDate = await call('GET', '/api/v1/reference/provinces/31?asOf=2025-02-30');
    expect([badDate.status, JSON.stringify(badDate.body)]).toEqual([400, expect.stringContaining('asOf')]);
  });

  it('gives the regions on a date asked for, and refuses a date that is not one', async () => {
    const old = await call<RegionsView>('GET', '/api/v1/reference/regions?asOf=2018-06-01');
    expect(old.status).toBe(200);
    expect(old.body.items.flatMap((r) => r.provinceCodes)).toHaveLength(63);
    for (const asOf of ['2025-02-30', '2025-7-1', '2008-07-31']) {
      const bad = await call('GET', `/api/v1/reference/regions?asOf=${asOf}`);
      expect([asOf, bad.status, JSON.stringify(bad.body)]).toEqual([
        asOf,
        400,
        expect.stringContaining('asOf'),
      ]);
    }
  });

  it('serves the glossary of the conference figures', async () => {
    const { token } = await gateway.app.get(TokenIssuer).issue({
      kind: 'user',
      id: 'u-viewer',
      name: 'xem',
      role: 'viewer',
      scopes: [...SCOPES_OF_ROLE.viewer],
    });
    const reply = await call<ConferenceFiguresGlossary>('GET', '/api/v1/conferences/figures', { token });
    expect(reply.status).toBe(200);
    expect(reply.body.items).toEqual(conferenceFigures);
  });
});
