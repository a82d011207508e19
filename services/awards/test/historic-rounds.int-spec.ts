import type {
  AwardEntryView,
  AwardRoundView,
  CertificateVerificationView,
  RecordAwardCertificatesView,
} from '@kc/contracts';
import { client } from '@kc/service-testing';
import { central, officer } from '@kc/testing';
import { workingDayCalendar } from '@kc/reference-data';
import { communeRound, dossier, entryBody, juror, scores } from './support/award-givens';
import { useAwardsContext } from './support/awards-context';

const ROUNDS = '/api/v1/award-rounds';

/** The 2018 north regional round as recorded: entries April–June, scoring to the end of August. */
const round2018 = (overrides: Record<string, unknown> = {}) => ({
  name: 'Bình chọn sản phẩm CNNT tiêu biểu khu vực phía Bắc năm 2018',
  year: 2018,
  level: 'regional',
  regionCode: 'north',
  historic: true,
  schedule: { entriesOpenOn: '2018-04-02', entriesCloseOn: '2018-06-29', scoringClosesOn: '2018-08-31' },
  ...overrides,
});

/**
 * A past round run again through the API by the agency (historic rounds), against the real service: the dates
 * are the recorded ones — entries received in the window, the province as it was then, the result announced
 * and the certificates issued on the announcement day, their validity counted from it — and the jurors score
 * for real.
 */
describe('historic award rounds', () => {
  const context = useAwardsContext('kc_it_awards_historic');
  const { as, seatCouncil, move, score, publish } = context;
  let round: AwardRoundView;
  /** Hà Giang (02) until its merger into Tuyên Quang in 2025; Hà Nội (01). */
  const holders = [
    {
      number: 'T-02-2017-0001',
      taxCode: '5100100101',
      provinceCode: '02',
      name: 'HTX chè Shan tuyết Hà Giang',
    },
    { number: 'T-01-2017-0001', taxCode: '0100100102', provinceCode: '01', name: 'Cơ sở gốm Bát Tràng' },
  ];
  const entryOf = (h: (typeof holders)[number], extra: Record<string, unknown> = {}) => ({
    facility: { name: h.name, taxCode: h.taxCode, provinceCode: h.provinceCode },
    productGroup: 'agro-food',
    product: { kind: 'product', name: `Sản phẩm ${h.name}` },
    lowerCertificateNumber: h.number,
    dossier: dossier(h.taxCode),
    ...extra,
  });

  it('is the agency’s alone, with a schedule already past', async () => {
    const byProvince = await as(officer('40')).post(ROUNDS, round2018());
    expect([byProvince.status, byProvince.body.code]).toEqual([403, 'award-round.historic-agency-only']);
    const future = await as(central).post(
      ROUNDS,
      round2018({
        year: 2026,
        schedule: {
          entriesOpenOn: '2026-04-01',
          entriesCloseOn: '2026-06-30',
          scoringClosesOn: '2027-12-31',
        },
      }),
    );
    expect([future.status, future.body.code, future.body.errors?.[0]?.field]).toEqual([
      422,
      'award-round.historic-schedule-not-past',
      'schedule.scoringClosesOn',
    ]);
    const opened = await as(central).post<AwardRoundView>(ROUNDS, round2018());
    expect([opened.status, opened.body.historic, opened.body.state]).toEqual([201, true, 'entries-open']);
    round = opened.body;
  });

  it('takes entries with the day they were received, checking the window and the province as it then was', async () => {
    const recorded = await as(central).post<RecordAwardCertificatesView>(
      '/api/v1/award-certificates/records',
      {
        certificates: holders.map((h) => ({
          number: h.number,
          productGroup: 'agro-food',
          productName: `Sản phẩm ${h.name}`,
          holder: { facilityName: h.name, taxCode: h.taxCode, provinceCode: h.provinceCode },
          issuedOn: '2017-10-16',
        })),
      },
    );
    expect([recorded.status, recorded.body.results?.map((r) => r.outcome)]).toEqual([
      200,
      ['recorded', 'recorded'],
    ]);
    for (const h of holders) {
      const put = await as(central).put(`${ROUNDS}/${round.id}/shortlist/${h.provinceCode}`, {
        certificateNumbers: [h.number],
      });
      expect(put.status).toBe(200);
    }
    const refusals: [Record<string, unknown>, number, string, string][] = [
      [{}, 422, 'award-entry.submitted-on-required', 'submittedOn'],
      [{ submittedOn: '2018-07-02' }, 422, 'award-entry.closed', 'entriesCloseOn'],
    ];
    for (const [extra, status, code, field] of refusals) {
      const reply = await as(central).post(`${ROUNDS}/${round.id}/entries`, entryOf(holders[0], extra));
      expect([reply.status, reply.body.code, reply.body.errors?.[0]?.field]).toEqual([status, code, field]);
    }
    const byProvince = await as(officer('02')).post(
      `${ROUNDS}/${round.id}/entries`,
      entryOf(holders[0], { submittedOn: '2018-06-20' }),
    );
    expect([byProvince.status, byProvince.body.code]).toEqual([403, 'award-round.historic-agency-only']);
    const entries: AwardEntryView[] = [];
    for (const [i, h] of holders.entries()) {
      const reply = await as(central).post<AwardEntryView>(
        `${ROUNDS}/${round.id}/entries`,
        entryOf(h, { submittedOn: `2018-06-2${i}` }),
      );
      expect([reply.status, reply.status === 201 ? undefined : reply.body]).toEqual([201, undefined]);
      entries.push(reply.body);
    }
    // Hà Giang (02) was a province in 2018: received then, its entry stands, though 02 is no unit today.
    expect(entries.map((e) => [e.facility.provinceCode, e.submittedOn])).toEqual([
      ['02', '2018-06-20'],
      ['01', '2018-06-21'],
    ]);
    const events = await context.db.rows<{ submittedOn: string }>(
      `SELECT envelope->'payload'->>'submittedOn' AS "submittedOn" FROM outbox
       WHERE type = 'awards.entry.submitted' ORDER BY seq`,
    );
    expect(events.map((e) => e.submittedOn)).toEqual(['2018-06-20', '2018-06-21']);
  });

  it('is scored for real by its jurors and published on the recorded announcement day', async () => {
    await seatCouncil(round.id, { size: 9, jurySize: 3, secretary: central, by: central });
    const byProvince = await as(officer('01')).post(`${ROUNDS}/${round.id}/start-scoring`);
    expect(byProvince.status).toBe(403);
    await move(round.id, 'start-scoring', central);
    const listed = await as(central).get<{ items: AwardEntryView[] }>(`${ROUNDS}/${round.id}/entries`);
    for (const [i, entry] of listed.body.items.entries()) {
      for (const n of [1, 2, 3])
        await score(round.id, entry.id, juror(n), scores(30, i === 0 ? 40 : 20, 5, 5));
    }
    await move(round.id, 'close', central);
    for (const [body, code] of [
      [{}, 'award-round.announced-on-required'],
      [{ announcedOn: '2018-08-30' }, 'award-round.announced-on-outside'],
    ] as const) {
      const reply = await as(central).post(`${ROUNDS}/${round.id}/publish`, body);
      expect([reply.status, reply.body.code, reply.body.errors?.[0]?.field]).toEqual([
        422,
        code,
        'body.announcedOn',
      ]);
    }
    const published = await publish(round.id, central, { announcedOn: '2018-09-20' });
    const calendar = workingDayCalendar();
    const complaintsCloseOn = calendar.addWorkingDays('2018-09-20', 15);
    expect(published.round.schedule).toMatchObject({
      announcedOn: '2018-09-20',
      complaintsCloseOn,
      complaintAnswersDueBy: calendar.addWorkingDays(complaintsCloseOn, 10),
    });
    expect([published.entries, published.passed, published.certificates.map((c) => c.number)]).toEqual([
      2,
      1,
      ['KV-B-2018-0001'],
    ]);
    // Issued on the announcement day, valid to 31/12 of the third year counted from 2018: expired today.
    const verified = await client(context.service.url)<CertificateVerificationView>(
      'GET',
      '/api/v1/award-certificates/KV-B-2018-0001/verification',
    );
    expect(verified.body).toMatchObject({
      issuedOn: '2018-09-20',
      validUntil: '2020-12-31',
      status: 'expired',
    });
    const valid2019 = await client(context.service.url)<CertificateVerificationView>(
      'GET',
      '/api/v1/award-certificates/KV-B-2018-0001/verification?asOf=2019-06-01',
    );
    expect(valid2019.body.status).toBe('valid');
  });

  it('keeps recorded dates out of live rounds', async () => {
    const live = (await as(officer('40')).post<AwardRoundView>(ROUNDS, communeRound())).body;
    expect(live.historic).toBe(false);
    const reply = await as(officer('40')).post(`${ROUNDS}/${live.id}/entries`, {
      ...entryBody('2900000601'),
      submittedOn: live.schedule!.entriesOpenOn,
    });
    expect([reply.status, reply.body.code, reply.body.errors?.[0]?.field]).toEqual([
      422,
      'award-entry.submitted-on-live-round',
      'submittedOn',
    ]);
    // Today the same Hà Giang facility could not enter: 02 names no province in force.
    const today = await as(central).post(
      ROUNDS,
      round2018({
        year: 2026,
        historic: false,
        name: 'Bình chọn khu vực phía Bắc 2026',
        schedule: live.schedule && {
          entriesOpenOn: live.schedule.entriesOpenOn,
          entriesCloseOn: live.schedule.entriesCloseOn,
          scoringClosesOn: live.schedule.scoringClosesOn,
        },
      }),
    );
    expect(today.status).toBe(201);
    await as(central).put(`${ROUNDS}/${today.body.id}/shortlist/02`, { certificateNumbers: [] });
    const hagiang = await as(central).post(`${ROUNDS}/${today.body.id}/entries`, entryOf(holders[0]));
    expect([hagiang.status, hagiang.body.code]).toEqual([422, 'award-entry.unknown-province']);
  });
});
