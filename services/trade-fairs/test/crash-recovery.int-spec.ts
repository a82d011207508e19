import type { RegistrationView } from '@kc/contracts';
import { business } from '@kc/testing';
import { registrationBody } from './support/fair-givens';
import { useTradeFairsProcess } from './support/trade-fairs-process';

const NORTH = ['40', '01', '31', '38', '19'];
const BOOTHS = 60;
const RUSH = 400;

interface Answer {
  status: number;
  body: RegistrationView;
}

/**
 * The service as its own process, killed with SIGKILL in the middle of a rush and started again on the same
 * database: whatever it answered 2xx before dying is still there, and nothing is overbooked.
 */
describe('a registration answered before the service is killed survives the kill', () => {
  const trade = useTradeFairsProcess('trade_fairs_crash');
  const { as, db, createFair, addBooths, setQuotas } = trade;
  /** Fires every call at once and SIGKILLs the service once `killAfter` of them have been answered. */
  const rushAndKill = async <T>(calls: (() => Promise<T>)[], killAfter: number) => {
    let answered = 0;
    const outcomes = await Promise.all(
      calls.map((send) =>
        send().then(
          (value) => {
            if (++answered === killAfter) trade.service.process.kill('SIGKILL');
            return value;
          },
          () => null,
        ),
      ),
    );
    await trade.service.exited;
    return outcomes;
  };
  let fairId: string;
  const rush = Array.from({ length: RUSH }, (_, i) => {
    const taxCode = String(6_000_000_000 + i);
    const provinceCode = NORTH[i % NORTH.length];
    return {
      caller: business(taxCode),
      key: `crash-${i}`,
      body: registrationBody(taxCode, provinceCode, {
        facility: { name: `Cơ sở dệt thổ cẩm ${taxCode}` },
        products: [{ name: 'Khăn thổ cẩm' }],
      }),
    };
  });

  /** Rush request `r` sent (or sent again) with its Idempotency-Key. */
  const register = (r: (typeof rush)[number]) =>
    as(r.caller).post<RegistrationView>(`/api/v1/fairs/${fairId}/registrations`, r.body, {
      'idempotency-key': r.key,
    });

  beforeAll(async () => {
    await trade.start();
    fairId = (await createFair({ boothCount: BOOTHS })).id;
    await addBooths(fairId, BOOTHS, (i) => ({
      code: `C-${String(i + 1).padStart(3, '0')}`,
      hall: 'Nhà C',
      zone: undefined,
      rentVnd: 9_000_000,
    }));
    await setQuotas(
      fairId,
      NORTH.map((provinceCode) => ({ provinceCode, booths: 6 })),
    );
  }, 180_000);

  const assertNothingOverbooked = async () => {
    expect(
      await db.rows(
        `SELECT bucket FROM booth_bucket b WHERE fair_id = $1 AND (used > capacity OR used <>
           (SELECT coalesce(sum(booth_count), 0) FROM fair_registration r
             WHERE r.fair_id = b.fair_id AND r.charged_to = b.bucket))`,
        [fairId],
      ),
    ).toEqual([]);
    expect(
      await db.rows(
        `SELECT r.id FROM fair_registration r LEFT JOIN booth b ON b.registration_id = r.id WHERE r.fair_id = $1
          GROUP BY r.id HAVING count(b.id) <> CASE WHEN r.state IN ('held', 'allocated') THEN r.booth_count ELSE 0 END`,
        [fairId],
      ),
    ).toEqual([]);
    const [{ taken }] = await db.rows<{ taken: number }>(
      `SELECT count(*)::int AS taken FROM booth WHERE fair_id = $1 AND state <> 'free'`,
      [fairId],
    );
    expect(taken).toBeLessThanOrEqual(BOOTHS);
  };

  it('keeps every registration answered 2xx before a SIGKILL mid-rush, and overbooks nothing', async () => {
    const answers = (await rushAndKill(
      rush.map((r) => () => register(r)),
      RUSH / 4,
    )) as (Answer | null)[];
    const ok = answers.filter((a): a is Answer => a !== null && a.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(RUSH / 4);
    expect(ok.length).toBeLessThan(RUSH); // the kill did cut the rush short

    await trade.start();
    const stored = new Map(
      (
        await db.rows<{ id: string; state: string; facility_tax_code: string }>(
          `SELECT id, state, facility_tax_code FROM fair_registration WHERE fair_id = $1`,
          [fairId],
        )
      ).map((r) => [r.id, r]),
    );
    for (const answer of ok) {
      expect([answer.body.id, stored.get(answer.body.id)?.facility_tax_code]).toEqual([
        answer.body.id,
        answer.body.facility.taxCode,
      ]);
    }
    // Each answered request's fact is in the outbox, to be published whenever Kafka takes it.
    const facts = await db.rows<{ id: string }>(
      `SELECT envelope -> 'payload' ->> 'registrationId' AS id FROM outbox
        WHERE type IN ('trade-fairs.booth.held', 'trade-fairs.registration.waitlisted')`,
    );
    const withFact = new Set(facts.map((f) => f.id));
    expect(ok.filter((a) => !withFact.has(a.body.id))).toEqual([]);
    await assertNothingOverbooked();

    // Clients retry what got no answer with the same key: committed ones replay, the rest register now.
    const retried = await Promise.all(rush.map((r) => register(r)));
    expect(retried.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    for (const answer of ok) {
      expect(retried.find((r) => r.body.id === answer.body.id)).toBeDefined();
    }
    expect(new Set(retried.map((r) => r.body.id)).size).toBe(RUSH);
    const [{ held }] = await db.rows<{ held: number }>(
      `SELECT count(*)::int AS held FROM fair_registration WHERE fair_id = $1 AND state = 'held'`,
      [fairId],
    );
    expect(held).toBe(BOOTHS);
    await assertNothingOverbooked();
  }, 300_000);

  it('keeps every confirmation answered 200 before a SIGKILL, and overbooks nothing', async () => {
    const holds = await db.rows<{ id: string; facility_tax_code: string }>(
      `SELECT id, facility_tax_code FROM fair_registration WHERE fair_id = $1 AND state = 'held'`,
      [fairId],
    );
    const answers = (await rushAndKill(
      holds.map(
        (h) => () =>
          as(business(h.facility_tax_code)).post<RegistrationView>(
            `/api/v1/fairs/${fairId}/registrations/${h.id}/confirm`,
          ),
      ),
      holds.length / 3,
    )) as (Answer | null)[];
    const confirmed = answers.filter((a): a is Answer => a !== null && a.status === 200);
    expect(confirmed.length).toBeGreaterThanOrEqual(holds.length / 3);
    expect(confirmed.every((a) => a.body.state === 'allocated')).toBe(true);

    await trade.start();
    const states = new Map(
      (
        await db.rows<{ id: string; state: string }>(
          `SELECT id, state FROM fair_registration WHERE fair_id = $1`,
          [fairId],
        )
      ).map((r) => [r.id, r.state]),
    );
    expect(confirmed.filter((a) => states.get(a.body.id) !== 'allocated')).toEqual([]);
    const allocatedFacts = await db.rows<{ id: string }>(
      `SELECT envelope -> 'payload' ->> 'registrationId' AS id FROM outbox WHERE type = 'trade-fairs.booth.allocated'`,
    );
    const withFact = new Set(allocatedFacts.map((f) => f.id));
    expect(confirmed.filter((a) => !withFact.has(a.body.id))).toEqual([]);
    await assertNothingOverbooked();
  }, 300_000);
});
