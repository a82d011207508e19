import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Redis } from '@kc/cache';
import type { KafkaProbe } from '@kc/messaging';
import { HealthController } from './health.controller';

/** Stand-ins that count the probes (a pure unit test: the real dependencies are the int and chaos tiers'). */
function controller(redisUp: () => boolean) {
  const calls = { database: 0, kafka: 0, redis: 0 };
  const health = new HealthController(
    { query: async () => (calls.database++, [{}]) } as unknown as DataSource,
    { check: async () => void calls.kafka++ } as unknown as KafkaProbe,
    {
      ping: async () => {
        calls.redis++;
        if (!redisUp()) throw new Error('connection refused');
        return 'PONG';
      },
    } as unknown as Redis,
  );
  const response = () => {
    const res = { statusCode: 200, status: (code: number) => ((res.statusCode = code), res) };
    return res;
  };
  return { health, calls, response };
}

describe('the health check', () => {
  afterEach(() => jest.useRealTimers());

  it('asks each dependency once for concurrent callers, and answers from that round for a second', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    const { health, calls, response } = controller(() => true);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => health.check(response() as unknown as Response)),
    );
    expect(answers.every((a) => a.status === 'ok')).toBe(true);
    expect(calls).toEqual({ database: 1, kafka: 1, redis: 1 });
    await health.check(response() as unknown as Response);
    expect(calls.database).toBe(1);
    jest.advanceTimersByTime(1_001);
    await health.check(response() as unknown as Response);
    expect(calls.database).toBe(2);
  });

  it('answers 503 naming the dependency that does not answer, and ok again once it is back', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    let redisUp = false;
    const { health, response } = controller(() => redisUp);
    const down = response();
    const refused = await health.check(down as unknown as Response);
    expect([down.statusCode, refused.status, refused.checks.redis]).toEqual([
      503,
      'error',
      { status: 'down', error: 'connection refused' },
    ]);
    redisUp = true;
    jest.advanceTimersByTime(1_001);
    const up = response();
    expect((await health.check(up as unknown as Response)).status).toBe('ok');
    expect(up.statusCode).toBe(200);
  });
});
