import { SERVICES } from './support/db';
import { fault } from './support/faults';
import type { FaultWindow } from './support/scenario';
import { runScenario } from './support/scenario';
import { expectNothingLost } from './support/verdict';

/** Writes acknowledged between one restart and the next kill: the restarted service serves load first. */
const BETWEEN_KILLS = 15;

describe('each of the seven services SIGKILLed in turn under a mixed write load, then restarted', () => {
  afterAll(() => fault('restore'));

  it('loses no acknowledged write, handles no event twice and leaves no outbox row unpublished', async () => {
    const figures = await runScenario({
      name: 'service-kill',
      year: 2042,
      sizes: { projects: 80, decisions: 24, bookings: 60, clusters: 40, awardRounds: 30 },
      clients: 4,
      opsPerSecond: 1,
      inject: async (load) => {
        const windows: FaultWindow[] = [];
        let threshold = 20;
        for (const name of SERVICES) {
          await load.whenAcked(threshold);
          if (load.endedAt !== 0) throw new Error(`the load ended before ${name} was killed`);
          const from = Date.now();
          await fault('service-kill', name);
          await fault('service-start', name);
          windows.push({ label: `${name} SIGKILLed, until healthy again`, from, to: Date.now() });
          threshold = load.acked + BETWEEN_KILLS;
        }
        return windows;
      },
    });
    expectNothingLost(figures);
    expect(figures.faults).toHaveLength(SERVICES.length);
  });
});
