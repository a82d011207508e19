import { fault, stoppedFor } from './support/faults';
import { expectNothingLost } from './support/verdict';
import { runScenario } from './support/scenario';

/** How long the broker stays down: the outage the issue names. */
const OUTAGE_MS = 30_000;

describe('the Kafka broker stopped for 30 s under a mixed write load', () => {
  afterAll(() => fault('restore'));

  it('commits every acknowledged write and, once the broker is back, shows each in the read models once', async () => {
    const figures = await runScenario({
      name: 'kafka-outage',
      year: 2041,
      sizes: { projects: 40, decisions: 12, bookings: 30, clusters: 20, awardRounds: 12 },
      clients: 4,
      opsPerSecond: 2,
      inject: stoppedFor('kafka', OUTAGE_MS, 25, 'broker stopped, until it answered again'),
    });
    expectNothingLost(figures);
    // Writes never wait for the broker: the outbox holds their events until it returns.
    expect(figures.faults[0].ackedDuring).toBeGreaterThan(0);
  });
});
