import { fault, stoppedFor } from './support/faults';
import { runScenario } from './support/scenario';
import { expectNothingLost } from './support/verdict';

/** How long PostgreSQL stays down: every connection is cut and none can be made meanwhile. */
const DOWN_MS = 10_000;

describe('PostgreSQL restarted under a mixed write load', () => {
  // Whatever happens in the scenario, the profile's PostgreSQL is running again afterwards.
  afterAll(() => fault('restore'));

  it('has every service reconnect by itself, with no acknowledged write lost or doubled', async () => {
    const figures = await runScenario({
      name: 'postgres-restart',
      year: 2043,
      sizes: { projects: 40, decisions: 12, bookings: 30, clusters: 20, awardRounds: 12 },
      clients: 4,
      opsPerSecond: 2,
      inject: stoppedFor(
        'postgres',
        DOWN_MS,
        40,
        'PostgreSQL stopped (fast shutdown), until it answered again',
      ),
    });
    expectNothingLost(figures);
  });
});
