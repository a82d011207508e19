import type { ConferenceReport, PlanView } from '@kc/contracts';
import { collectMessages, eventually, testKafka } from '@kc/testing';
import { as } from './gateway-client';

// A broken message on a real topic must not stop the platform: every consumer group parks it in its own
// dead-letter topic and goes on with the next message.
describe('a malformed message on a live topic', () => {
  it('lands in each consumer group’s dead-letter topic while the platform keeps working', async () => {
    const kafka = testKafka('e2e-poison');
    const producer = kafka.producer();
    await producer.connect();
    const poison = `{"not": "an envelope" ${Date.now()}`;
    await producer.send({
      topic: 'plans.plan.events',
      acks: -1,
      messages: [{ key: 'poison', value: poison }],
    });
    await producer.disconnect();

    const agency = await as('cuc.canbo');
    const plan = await agency.post<PlanView>('/api/v1/plans', {
      year: 2033,
      level: 'national',
      budgetVnd: 1_000_000_000,
    });
    expect(plan.status).toBe(201);
    await eventually(async () => {
      const view = await agency.get<ConferenceReport>('/api/v1/conferences/national?year=2033');
      return view.body.totals?.nationalPlan?.count === 1;
    });

    for (const group of ['projects', 'reporting']) {
      const parked = await collectMessages(kafka, `plans.plan.events.${group}.dlt`, (ms) =>
        ms.some((m) => String(m.value) === poison),
      );
      const letter = parked.find((m) => String(m.value) === poison)!;
      expect([group, String(letter.headers?.['kc-dlt-reason'])]).toEqual([group, 'malformed']);
    }
  });
});
