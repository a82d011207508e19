import { DataSource } from 'typeorm';
import { serviceDataSourceOptions } from '@kc/persistence';
import { createScratchDatabase } from '@kc/testing';
import type { IdempotencyRecord } from '../src/domain/idempotency';
import { IdempotencyStore } from '../src/infrastructure/idempotency/idempotency.store';
import { IdempotencyRecord1763900000720 } from '../src/infrastructure/persistence/migrations/1763900000720-idempotency-record';

const answer = (fingerprint: string, body: string): IdempotencyRecord => ({
  state: 'completed',
  fingerprint,
  status: 201,
  contentType: 'application/json',
  location: '/api/v1/plans/1',
  body,
});

describe('Idempotency-Key records in PostgreSQL', () => {
  let dataSource: DataSource;
  let store: IdempotencyStore;
  let n = 0;
  const newKey = () => `user:u1:key-${++n}`;
  const expire = (key: string) =>
    dataSource.query(
      `UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE key = $1`,
      [key],
    );

  beforeAll(async () => {
    dataSource = new DataSource(
      serviceDataSourceOptions({
        url: await createScratchDatabase('gateway_idempotency'),
        service: 'gateway-test',
        entities: [],
        migrations: [IdempotencyRecord1763900000720],
      }),
    );
    await dataSource.initialize();
    store = new IdempotencyStore(dataSource);
  });

  afterAll(() => dataSource?.destroy());

  it('lets exactly one of 40 parallel claims of a key through; the others see it in flight', async () => {
    const key = newKey();
    const claims = await Promise.all(Array.from({ length: 40 }, () => store.claim(key, 'fp', 30_000)));
    const winners = claims.filter((c) => c.claimed);
    expect(winners).toHaveLength(1);
    const marker = winners[0].claimed ? winners[0].marker : '';
    for (const claim of claims.filter((c) => !c.claimed)) {
      expect(claim).toEqual({
        claimed: false,
        stored: { state: 'in-flight', fingerprint: 'fp', token: marker },
      });
    }
  });

  it('stores the answer in place of its own marker only, byte for byte', async () => {
    const key = newKey();
    const claim = await store.claim(key, 'fp', 30_000);
    if (!claim.claimed) throw new Error('not claimed');
    // Any text an upstream answered, even with a NUL character (which a text column would refuse).
    const body = '{"name":"Cụm công nghiệp Nghi Phú"} \u0000 🏭';
    await store.complete(key, '00000000-0000-4000-8000-000000000000', answer('fp', 'not ours'));
    expect(await store.claim(key, 'fp', 30_000)).toMatchObject({ stored: { state: 'in-flight' } });
    await store.complete(key, claim.marker, answer('fp', body));
    expect(await store.claim(key, 'fp', 30_000)).toEqual({ claimed: false, stored: answer('fp', body) });
  });

  it('frees a key on release by its own marker only', async () => {
    const key = newKey();
    const claim = await store.claim(key, 'fp', 30_000);
    if (!claim.claimed) throw new Error('not claimed');
    await store.release(key, '00000000-0000-4000-8000-000000000000');
    expect((await store.claim(key, 'fp', 30_000)).claimed).toBe(false);
    await store.release(key, claim.marker);
    expect((await store.claim(key, 'fp', 30_000)).claimed).toBe(true);
  });

  it('frees a key whose in-flight marker expired (a crashed gateway); the late answer is then not stored', async () => {
    const key = newKey();
    const crashed = await store.claim(key, 'fp', 50);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await store.claim(key, 'fp', 30_000);
    expect(next.claimed).toBe(true);
    if (!crashed.claimed || !next.claimed) throw new Error('not claimed');
    await store.complete(key, crashed.marker, answer('fp', 'late'));
    await store.complete(key, next.marker, answer('fp', 'current'));
    expect(await store.claim(key, 'fp', 30_000)).toMatchObject({ stored: { body: 'current' } });
  });

  it('keeps an answer 24 hours, then lets the key be used again', async () => {
    const key = newKey();
    const claim = await store.claim(key, 'fp', 30_000);
    if (!claim.claimed) throw new Error('not claimed');
    await store.complete(key, claim.marker, answer('fp', 'first'));
    const [{ hours }] = await dataSource.query(
      `SELECT round(extract(epoch FROM expires_at - now()) / 3600) AS hours FROM idempotency_record WHERE key = $1`,
      [key],
    );
    expect(Number(hours)).toBe(24);
    await expire(key);
    expect(await store.claim(key, 'another request', 30_000)).toMatchObject({ claimed: true });
  });

  it('sweeps expired records in bounded batches and keeps the live ones', async () => {
    await dataSource.query(`DELETE FROM idempotency_record`);
    const keys = Array.from({ length: 5 }, newKey);
    for (const key of keys) await store.claim(key, 'fp', 30_000);
    for (const key of keys.slice(0, 3)) await expire(key);
    expect(await store.sweepExpired(2)).toBe(2);
    expect(await store.sweepExpired(2)).toBe(1);
    expect(await store.sweepExpired(2)).toBe(0);
    const left = await dataSource.query(`SELECT key FROM idempotency_record ORDER BY key`);
    expect(left.map((r: { key: string }) => r.key)).toEqual(keys.slice(3).sort());
  });
});
