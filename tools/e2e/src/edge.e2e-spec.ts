import type { PlanView, ProvincesView } from '@kc/contracts';
import { anonymous, as, call, type Session } from './gateway-client';

const { get } = anonymous;

describe('the public edge', () => {
  let agency: Session;

  beforeAll(async () => {
    agency = await as('cuc.canbo');
  });

  it('serves the 34 provincial units in force today and the 63 of 2018 with their successors', async () => {
    const today = await get<ProvincesView>('/api/v1/reference/provinces');
    expect(today.body.items).toHaveLength(34);
    const then = await get<ProvincesView>('/api/v1/reference/provinces?asOf=2018-06-01');
    expect(then.body.items).toHaveLength(63);
    expect(then.body.items.find((p) => p.code === '15')).toMatchObject({
      nameVi: 'Yên Bái',
      successorCode: '15',
    });
    const regions = await get<{ items: { code: string; provinceCodes: string[] }[] }>(
      '/api/v1/reference/regions',
    );
    expect(regions.body.items.map((r) => [r.code, r.provinceCodes.length])).toEqual([
      ['north', 18],
      ['central', 8],
      ['south', 8],
    ]);
    const contents = await get<{ items: unknown[] }>('/api/v1/reference/activity-contents');
    expect(contents.body.items).toHaveLength(9);
  });

  it('answers bad input with problem+json that names the field and the rule, and changes nothing', async () => {
    const before = await agency.get<{ total: number }>('/api/v1/plans?year=2031');
    const bad = await agency.post('/api/v1/plans', {
      year: 2031,
      level: 'provincial',
      budgetVnd: 1.5,
      surprise: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = (bad.body['errors'] as { field: string; rule: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.budgetVnd', 'body.surprise']));
    const badDate = await get('/api/v1/reference/provinces?asOf=2025-02-30');
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toMatch(/query\.asOf/);
    const notJson = await call('POST', '/api/v1/plans', '{"year": 20', {
      authorization: `Bearer ${agency.token}`,
    });
    expect(notJson.status).toBe(400);
    const after = await agency.get<{ total: number }>('/api/v1/plans?year=2031');
    expect(after.body.total).toBe(before.body.total);
  });

  it('returns the same result for a repeated Idempotency-Key without a second plan', async () => {
    const body = { year: 2031, level: 'provincial', provinceCode: '92', budgetVnd: 3_000_000_000 };
    const first = await agency.post<PlanView>('/api/v1/plans', body, { 'idempotency-key': 'e2e-plan-92' });
    const second = await agency.post<PlanView>('/api/v1/plans', body, { 'idempotency-key': 'e2e-plan-92' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const other = await agency.post(
      '/api/v1/plans',
      { ...body, budgetVnd: 1 },
      { 'idempotency-key': 'e2e-plan-92' },
    );
    expect([other.status, other.body.code]).toEqual([409, 'idempotency.key-reused']);
    const list = await agency.get<{ total: number }>('/api/v1/plans?year=2031&provinceCode=92');
    expect(list.body.total).toBe(1);
  });

  it('echoes the caller correlation id', async () => {
    const reply = await agency.get('/api/v1/plans?year=2031', { 'x-correlation-id': 'e2e-corr-42' });
    expect(reply.headers.get('x-correlation-id')).toBe('e2e-corr-42');
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const reply = await get('/api/v1/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });
});
