import { fault, stoppedFor } from './support/faults';
import { runScenario } from './support/scenario';
import { expectNothingLost } from './support/verdict';

/** How long Redis stays down; it comes back empty (flushed, no persistence). */
const DOWN_MS = 10_000;

describe('Redis flushed and restarted under a mixed write load', () => {
  afterAll(() => fault('restore'));

  it('has every service reconnect by itself, with no acknowledged write lost or doubled', async () => {
    const figures = await runScenario({
      name: 'redis-restart',
      year: 2044,
      sizes: { projects: 40, decisions: 12, bookings: 30, clusters: 20, awardRounds: 12 },
      clients: 4,
      opsPerSecond: 2,
      inject: stoppedFor('redis', DOWN_MS, 40, 'Redis flushed and stopped, until it answered again (empty)'),
    });
    expectNothingLost(figures);
  });
});
