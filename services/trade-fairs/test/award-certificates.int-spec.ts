import { deadLetterTopic, type RegistrationView } from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import { business, collectMessages, eventually, testKafka } from '@kc/testing';
import { CERTIFICATE_TOPIC, certificateIssued, certificateWithdrawn } from './support/award-certificates';
import { registrationBody } from './support/fair-givens';
import { useTradeFairsContext } from './support/trade-fairs-context';

const OPENS = '2027-04-20';

/** Facilities of Hà Nội: who holds what is set by the events each test publishes. */
const HOLDER = '0109000001';
const WITHDRAWN_BEFORE = '0109000002';
const WITHDRAWN_WHILE_WAITING = '0109000003';
const NONE = '0109000004';
const ALLOCATED = '0109000005';

const body = (taxCode: string, awardCertificateNumber?: string) =>
  registrationBody(taxCode, '01', {
    facility: { name: `Cơ sở gốm ${taxCode}` },
    products: [{ name: 'Bình gốm men rạn', ...(awardCertificateNumber ? { awardCertificateNumber } : {}) }],
  });

/**
 * Award priority comes from the certificates the awards service announces on awards.certificate.events — read
 * through the service's real consumer from the test broker — never from what a registrant types.
 */
describe('award priority from the awards service’s certificate events', () => {
  const context = useTradeFairsContext('trade_fairs_award_certificates', { consumeEvents: true });
  const { as, db, createFair, addBooths } = context;
  const publish = (...events: Parameters<typeof context.service.publish>) =>
    context.service.publish(...events);

  const issued = Object.fromEntries(
    [HOLDER, WITHDRAWN_BEFORE, WITHDRAWN_WHILE_WAITING, ALLOCATED].map((t) => [t, certificateIssued(t)]),
  );
  const copied = async (numbers: string[]) =>
    (
      await db.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM award_certificate_ref WHERE number = ANY($1)`,
        [numbers],
      )
    )[0].n === numbers.length;

  let fairId: string;
  const path = () => `/api/v1/fairs/${fairId}/registrations`;
  const register = (taxCode: string, awardCertificateNumber?: string) =>
    as(business(taxCode)).post<RegistrationView & { code?: string; errors?: { field: string }[] }>(
      path(),
      body(taxCode, awardCertificateNumber),
      { 'idempotency-key': `cert-${taxCode}-${awardCertificateNumber ?? 'none'}` },
    );
  const registrationOf = async (taxCode: string) => {
    const [row] = await db.rows<{ id: string }>(
      `SELECT id FROM fair_registration WHERE fair_id = $1 AND facility_tax_code = $2`,
      [fairId, taxCode],
    );
    return (await as(business(taxCode)).get<RegistrationView>(`${path()}/${row.id}`)).body;
  };

  beforeAll(async () => {
    fairId = (
      await createFair({
        name: 'Hội chợ triển lãm hàng CNNT tiêu biểu quốc gia 2027',
        year: 2027,
        scale: 'national',
        regionCode: undefined,
        startDate: OPENS,
        endDate: '2027-04-23',
        boothCount: 1,
        awardPriority: true,
      })
    ).id;
    await addBooths(fairId, 1);
  });

  it('copies issued certificates once each, and parks a malformed event in the dead-letter topic', async () => {
    const malformed = {
      ...certificateIssued(NONE),
      payload: { ...certificateIssued(NONE).payload, level: 'x' },
    };
    const all = Object.values(issued);
    // The same event twice: the inbox lets it take effect once.
    await publish(...all, all[0], malformed as never);
    await eventually(() => copied(all.map((e) => e.payload.number)));

    const audits = await db.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox
        WHERE type = 'audit.record.appended' AND envelope -> 'payload' ->> 'resourceId' = $1`,
      [issued[HOLDER].payload.number],
    );
    expect(audits).toEqual([{ n: 1 }]);
    expect(await db.rows(`SELECT 1 FROM award_certificate_ref WHERE holder_tax_code = $1`, [NONE])).toEqual(
      [],
    );
    const parked = await collectMessages(
      testKafka('award-certificates-dlt'),
      deadLetterTopic(CERTIFICATE_TOPIC, context.service.consumerGroup!),
      (messages) => messages.some((m) => JSON.parse(m.value!.toString()).id === malformed.id),
    );
    expect(parked.length).toBeGreaterThan(0);
  });

  it('gives priority to a facility holding a certificate though it names none, and none once withdrawn', async () => {
    // The fair's one booth goes to a certified facility, which confirms it.
    const first = await register(ALLOCATED);
    expect([first.status, first.body.state, first.body.awardCertified]).toEqual([201, 'held', true]);
    expect((await as(business(ALLOCATED)).post(`${path()}/${first.body.id}/confirm`)).status).toBe(200);

    await publish(certificateWithdrawn(issued[WITHDRAWN_BEFORE], vietnamDate(new Date())));
    await eventually(
      async () =>
        (
          await db.rows(
            `SELECT 1 FROM award_certificate_ref WHERE number = $1 AND withdrawn_on IS NOT NULL`,
            [issued[WITHDRAWN_BEFORE].payload.number],
          )
        ).length === 1,
    );

    // In this order on the waiting list: withdrawn before registering, holder (naming nothing), then the one
    // whose certificate is withdrawn later.
    const replies = [];
    for (const taxCode of [WITHDRAWN_BEFORE, HOLDER, WITHDRAWN_WHILE_WAITING])
      replies.push(await register(taxCode));
    expect(replies.map((r) => [r.status, r.body.state, r.body.awardCertified])).toEqual([
      [201, 'waitlisted', false],
      [201, 'waitlisted', true],
      [201, 'waitlisted', true],
    ]);
  });

  it('refuses a certificate number of another facility, naming the field', async () => {
    const reply = await register(NONE, issued[HOLDER].payload.number);
    expect([reply.status, reply.body.code, reply.body.errors?.map((e) => e.field)]).toEqual([
      422,
      'registration.certificate-not-held',
      ['products.0.awardCertificateNumber'],
    ]);
  });

  it('takes priority from a waiting request within a second of the withdrawal; allocated booths stay', async () => {
    await publish(certificateWithdrawn(issued[WITHDRAWN_WHILE_WAITING], vietnamDate(new Date())));
    await eventually(async () => !(await registrationOf(WITHDRAWN_WHILE_WAITING)).awardCertified, 1_000, 20);

    await publish(certificateWithdrawn(issued[ALLOCATED], vietnamDate(new Date())));
    await eventually(
      async () =>
        (
          await db.rows(
            `SELECT 1 FROM award_certificate_ref WHERE number = $1 AND withdrawn_on IS NOT NULL`,
            [issued[ALLOCATED].payload.number],
          )
        ).length === 1,
    );
    const allocated = await registrationOf(ALLOCATED);
    expect([allocated.state, allocated.booths.map((b) => b.code)]).toEqual(['allocated', ['A-001']]);

    // The booth comes back: the certified holder first; when it gives the booth back too, the next by place on
    // the list — the one withdrawn before registering, ahead of the one withdrawn while waiting.
    const cancel = (taxCode: string, id: string) =>
      as(business(taxCode)).post<RegistrationView>(`${path()}/${id}/cancel`, {
        reason: 'Cơ sở không tham gia',
      });
    expect((await cancel(ALLOCATED, allocated.id)).status).toBe(200);
    const holder = await registrationOf(HOLDER);
    expect(holder.state).toBe('held');
    expect((await cancel(HOLDER, holder.id)).status).toBe(200);
    expect([
      (await registrationOf(WITHDRAWN_BEFORE)).state,
      (await registrationOf(WITHDRAWN_WHILE_WAITING)).state,
    ]).toEqual(['held', 'waitlisted']);
  });
});
