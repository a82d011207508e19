import { setTimeout as sleep } from 'node:timers/promises';
import { fault } from './support/faults';
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
      inject: async (load) => {
        await load.whenAcked(25);
        await fault('kafka-stop');
        const from = Date.now();
        await sleep(OUTAGE_MS); // the fault itself: the broker stays down this long
        await fault('kafka-start');
        return [{ label: 'broker stopped, until it answered again', from, to: Date.now() }];
      },
    });
    expectNothingLost(figures);
    // Writes never wait for the broker: the outbox holds their events until it returns.
    expect(figures.faults[0].ackedDuring).toBeGreaterThan(0);
  });
});
