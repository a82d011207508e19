import { assertBenchTargets, sharedAddresses, targetsOf } from './bench-platform.mjs';

// The machine's own overrides (KC_PG_URL, KC_KAFKA_BROKERS…) are left out: the table as the repository has it.
const plain = {};
const PROFILES = ['dev', 'test', 'chaos', 'bench'];

describe('the bench profile', () => {
  it('has databases, a Redis db, a broker and ports of its own', () => {
    const bench = targetsOf('bench', plain);
    expect(bench.databases.every((url) => /\/kc_bench_[a-z_]+$/.test(url))).toBe(true);
    expect(bench.redis).toBe('redis://127.0.0.1:6379/3');
    expect(bench.brokers).toBe('127.0.0.1:31092');
    expect(bench.gateway).toBe('http://127.0.0.1:3700');
  });

  it.each(PROFILES.flatMap((a, i) => PROFILES.slice(i + 1).map((b) => [a, b])))(
    'shares no database, Redis db, broker or port between %s and %s',
    (a, b) => {
      expect(sharedAddresses(a, b, plain)).toEqual([]);
    },
  );
});

describe('a benchmark pointed at another profile', () => {
  const dev = targetsOf('dev', plain);

  it.each([
    ['the demo gateway', { gateway: 'http://localhost:3000' }, /--gateway .* dev profile \(the demo\)/],
    ['a demo service', { gateway: 'http://127.0.0.1:3104' }, /dev profile/],
    ['the demo trade-fairs database', { database: dev.tradeFairsDatabase }, /--db .* a database of the dev/],
    ['the demo broker', { brokers: '127.0.0.1:31092,localhost:9092' }, /--brokers localhost:9092 .* dev/],
    ['the demo Redis db (no db named: db 0)', { redis: 'redis://127.0.0.1:6379' }, /--redis .* dev/],
    ['the tests broker', { brokers: '127.0.0.1:19092' }, /test profile/],
    ['the tests databases', { database: 'postgres://postgres@127.0.0.1/kc_test_plans' }, /test profile/],
  ])('is refused: %s', (_what, given, message) => {
    expect(() => assertBenchTargets(given, plain)).toThrow(message);
  });

  it("accepts the bench profile's own addresses and another machine's", () => {
    const bench = targetsOf('bench', plain);
    expect(() =>
      assertBenchTargets(
        {
          gateway: bench.gateway,
          database: bench.tradeFairsDatabase,
          brokers: bench.brokers,
          redis: bench.redis,
        },
        plain,
      ),
    ).not.toThrow();
    expect(() =>
      assertBenchTargets(
        { gateway: 'http://bench-host:3000', database: 'postgres://db-host/kc_trade_fairs' },
        plain,
      ),
    ).not.toThrow();
  });

  it('refuses to run at all where the environment gives every profile one broker or one Redis db', () => {
    expect(() => assertBenchTargets({}, { KC_KAFKA_BROKERS: 'kafka:9092' })).toThrow(
      /shares kafka kafka:9092 with the dev profile/,
    );
    expect(() => assertBenchTargets({}, { KC_REDIS_URL: 'redis://cache:6379/5' })).toThrow(
      /shares redis cache:6379\/5 with the dev profile/,
    );
  });
});
