import type { ComplaintView, Page, Principal } from '@kc/contracts';
import { vietnamDate, workingDayCalendar } from '@kc/reference-data';
import { business, central, officer } from '@kc/testing';
import { useAwardsContext } from './support/awards-context';

const ROUNDS = '/api/v1/award-rounds';
const ngheAnFacility = business('2900123456');
const otherFacility = business('0100109106');
const viewer: Principal = { kind: 'user', id: 'u-viewer', name: 'xem', role: 'viewer', scopes: [] };

const complaintBody = (overrides: Record<string, unknown> = {}) => ({
  facilityTaxCode: '2900123456',
  facilityName: 'Hợp tác xã Gốm Nghệ An',
  provinceCode: '40',
  content: 'Đề nghị Hội đồng chấm lại sản phẩm "Bộ ấm chén gốm men lam": điểm tiêu chí văn hóa bị cộng sai.',
  ...overrides,
});

/** Complaints about a round's results over HTTP against the real service and its database. */
describe('award complaints: the window, the answer, and who sees which', () => {
  const { as, db, openRound } = useAwardsContext('kc_it_awards_complaints');
  const today = vietnamDate(new Date());

  /**
   * Stands in for the round's publication, which needs a whole scored round: sets straight in the database what
   * publication sets — the state, the announcement day, the complaint deadlines counted from it and the calendar
   * version — with a schedule before it where the round was opened without one.
   */
  async function announce(roundId: string, announcedOn: string): Promise<void> {
    const calendar = workingDayCalendar();
    const closes = calendar.addWorkingDays(announcedOn, 15);
    await db.query(
      `UPDATE award_round SET state = 'published', announced_on = $2,
         complaints_close_on = $3, complaint_answers_due_by = $4, calendar_version = $5,
         entries_open_on = coalesce(entries_open_on, $2::date - 90),
         entries_close_on = coalesce(entries_close_on, $2::date - 60),
         scoring_closes_on = coalesce(scoring_closes_on, $2::date - 30)
       WHERE id = $1`,
      [roundId, announcedOn, closes, calendar.addWorkingDays(closes, 10), calendar.version.id],
    );
  }

  const complaintsOf = (roundId: string) => `${ROUNDS}/${roundId}/complaints`;
  const written = async () => {
    const [counts] = await db.rows<{ complaints: number; outbox: number }>(
      `SELECT (SELECT count(*)::int FROM award_complaint) AS complaints,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return counts;
  };
  const file = async (roundId: string, by: Principal, overrides: Record<string, unknown> = {}) => {
    const reply = await as(by).post<ComplaintView>(complaintsOf(roundId), complaintBody(overrides));
    expect([reply.status, reply.body.code]).toEqual([201, undefined]);
    return reply.body;
  };
  const listed = async (roundId: string, by: Principal, query = '') => {
    const reply = await as(by).get<Page<ComplaintView>>(`${complaintsOf(roundId)}${query}`);
    expect([reply.status, reply.body.code]).toEqual([200, undefined]);
    return reply.body.items;
  };
  const rejection = { outcome: 'rejected', reason: 'Điểm đã được chấm và cộng đúng quy chế bình chọn.' };

  describe('the window of 15 working days', () => {
    // Monday 13 April 2026. Working days after it: 14–17 and 20–24 April (9), Monday 27 April is Hùng Kings'
    // day observed, 28–29 April (11), 30 April and 1 May are holidays, 4–7 May (15). Without the holidays the
    // 15th working day would be 4 May.
    const ANNOUNCED = '2026-04-13';
    let roundId: string;

    beforeAll(async () => {
      roundId = (await openRound(2026)).id;
      await announce(roundId, ANNOUNCED);
    });

    it('takes a complaint received on the 15th working day, across the 30 April – 1 May holidays', async () => {
      // A complaint that came on paper, entered by the agency with its day of receipt.
      const complaint = await file(roundId, central, { receivedOn: '2026-05-07' });
      expect(complaint).toEqual({
        id: expect.any(String),
        roundId,
        facilityTaxCode: '2900123456',
        facilityName: 'Hợp tác xã Gốm Nghệ An',
        provinceCode: '40',
        content: complaintBody().content,
        announcedOn: ANNOUNCED,
        windowClosesOn: '2026-05-07',
        receivedOn: '2026-05-07',
        // The 10th working day after receipt: 8, 11–15 and 18–21 May.
        answerDueOn: '2026-05-21',
        status: 'submitted',
        statusLabel: 'Đã tiếp nhận',
        // Long past its due day and never answered.
        overdue: true,
        answer: null,
        filedBy: central.name,
        filedAt: expect.any(String),
        calendarVersion: workingDayCalendar().version.id,
      });
      const [audit, ...others] = await db.rows<{ type: string; envelope: { payload: { summary: string } } }>(
        `SELECT type, envelope FROM outbox WHERE message_key = $1 ORDER BY seq`,
        [complaint.id],
      );
      expect([audit.type, others]).toEqual(['audit.record.appended', []]);
      expect(audit.envelope.payload).toMatchObject({
        action: 'award-complaint.file',
        resourceType: 'award-complaint',
        provinceCode: '40',
        summary:
          'Nhận khiếu nại của Hợp tác xã Gốm Nghệ An (MST 2900123456) về kết quả ' +
          '"Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu năm 2026", ngày nhận 07/05/2026, ' +
          'hạn trả lời 21/05/2026',
      });
    });

    it('refuses one received on the 16th working day (422), writing nothing', async () => {
      const before = await written();
      const late = await as(central).post(complaintsOf(roundId), complaintBody({ receivedOn: '2026-05-08' }));
      expect([late.status, late.body.code, late.body.errors?.map((e) => e.field)]).toEqual([
        422,
        'complaint.window-closed',
        ['receivedOn'],
      ]);
      expect(late.body.messages).toEqual({
        vi: 'Khiếu nại phải gửi trong 15 ngày làm việc kể từ ngày công bố kết quả 13/04/2026, tức là đến hết ngày 07/05/2026',
        en: 'Complaints must come within 15 working days of the announcement on 2026-04-13, that is by 2026-05-07',
      });
      // A facility filing online today is far past the window too.
      const online = await as(ngheAnFacility).post(complaintsOf(roundId), complaintBody());
      expect([online.status, online.body.code]).toEqual([422, 'complaint.window-closed']);
      expect(await written()).toEqual(before);
    });

    it('refuses a complaint before the announcement, or dated in the future', async () => {
      const unpublished = await openRound(2027);
      const before = await written();
      const early = await as(central).post(
        complaintsOf(roundId),
        complaintBody({ receivedOn: '2026-04-10' }),
      );
      expect([early.status, early.body.code]).toEqual([422, 'complaint.before-announcement']);
      const future = await as(central).post(
        complaintsOf(roundId),
        complaintBody({ receivedOn: '2099-01-05' }),
      );
      expect([future.status, future.body.code, future.body.errors?.[0].field]).toEqual([
        422,
        'complaint.received-in-future',
        'receivedOn',
      ]);
      const none = await as(ngheAnFacility).post(complaintsOf(unpublished.id), complaintBody());
      expect([none.status, none.body.code]).toEqual([422, 'complaint.not-announced']);
      expect(await written()).toEqual(before);
    });

    it('records an answer given after the 10th working day as late', async () => {
      const complaint = await file(roundId, central, { receivedOn: '2026-05-06' });
      expect(complaint.answerDueOn).toBe('2026-05-20');
      const reply = await as(central).put<ComplaintView>(
        `${complaintsOf(roundId)}/${complaint.id}/answer`,
        rejection,
      );
      expect([reply.status, reply.body.code]).toEqual([200, undefined]);
      expect(reply.body).toMatchObject({
        status: 'answered',
        statusLabel: 'Đã trả lời',
        overdue: false,
        answer: {
          outcome: 'rejected',
          outcomeLabel: 'Không chấp nhận khiếu nại',
          reason: rejection.reason,
          answeredOn: today,
          answeredBy: central.name,
          late: true,
        },
      });
      const [, audit] = await db.rows<{ envelope: { payload: { action: string; summary: string } } }>(
        `SELECT envelope FROM outbox WHERE message_key = $1 ORDER BY seq`,
        [complaint.id],
      );
      expect(audit.envelope.payload).toMatchObject({
        action: 'award-complaint.answer',
        summary:
          'Trả lời khiếu nại của Hợp tác xã Gốm Nghệ An (MST 2900123456): Không chấp nhận khiếu nại, ' +
          'quá hạn trả lời 20/05/2026',
      });
      const again = await as(central).put(`${complaintsOf(roundId)}/${complaint.id}/answer`, rejection);
      expect([again.status, again.body.code]).toEqual([409, 'complaint.already-answered']);
    });
  });

  describe('who files, reads and answers', () => {
    let national: string;
    let ngheAnRound: string;

    beforeAll(async () => {
      national = (await openRound(2025)).id;
      ngheAnRound = (await openRound(2025, { level: 'provincial', provinceCode: '40' }, officer('40'))).id;
      await announce(national, today);
      await announce(ngheAnRound, today);
    });

    it('takes a facility’s own complaint online, received today and due 10 working days later', async () => {
      const complaint = await file(national, ngheAnFacility);
      expect(complaint).toMatchObject({
        receivedOn: today,
        announcedOn: today,
        // The same calendar the 2026 case above pins down by hand, counted from today.
        windowClosesOn: workingDayCalendar().addWorkingDays(today, 15),
        answerDueOn: workingDayCalendar().addWorkingDays(today, 10),
        overdue: false,
        filedBy: ngheAnFacility.name,
      });
      const answered = await as(central).put<ComplaintView>(
        `${complaintsOf(national)}/${complaint.id}/answer`,
        { outcome: 'upheld', reason: 'Hội đồng đã cộng lại điểm tiêu chí văn hóa.' },
      );
      expect(answered.body.answer).toMatchObject({ outcome: 'upheld', answeredOn: today, late: false });
    });

    it('keeps a facility to its own complaints: another facility can neither read nor answer them', async () => {
      const complaint = await file(national, ngheAnFacility);
      const other = await file(national, otherFacility, {
        facilityTaxCode: '0100109106',
        facilityName: 'Công ty TNHH Mây tre Phú Vinh',
        provinceCode: '01',
      });
      expect((await listed(national, otherFacility)).map((c) => c.id)).toEqual([other.id]);
      expect((await listed(national, ngheAnFacility)).map((c) => c.id)).not.toContain(other.id);

      const read = await as(otherFacility).get(`${complaintsOf(national)}/${complaint.id}`);
      expect([read.status, read.body.code]).toEqual([404, 'complaint.not-found']);
      const answer = await as(otherFacility).put(
        `${complaintsOf(national)}/${complaint.id}/answer`,
        rejection,
      );
      expect([answer.status, answer.body.code]).toEqual([403, 'auth.forbidden']);
      expect(
        (await as(central).get<ComplaintView>(`${complaintsOf(national)}/${complaint.id}`)).body.status,
      ).toBe('submitted');

      const before = await written();
      const forAnother = await as(otherFacility).post(complaintsOf(national), complaintBody());
      expect([forAnother.status, forAnother.body.code, forAnother.body.errors?.[0].field]).toEqual([
        403,
        'complaint.other-facility',
        'facilityTaxCode',
      ]);
      const backdated = await as(ngheAnFacility).post(
        complaintsOf(national),
        complaintBody({ receivedOn: today }),
      );
      expect([backdated.status, backdated.body.code]).toEqual([403, 'complaint.received-on-by-staff']);
      expect(await written()).toEqual(before);
    });

    it('shows the council every complaint with its flags, and a province only its own province’s', async () => {
      const fromNgheAn = await file(national, officer('40'));
      const fromHaNoi = await file(national, central, {
        facilityTaxCode: '0100109106',
        facilityName: 'Công ty TNHH Mây tre Phú Vinh',
        provinceCode: '01',
      });
      const all = await listed(national, central);
      expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([fromNgheAn.id, fromHaNoi.id]));
      expect(all.every((c) => c.overdue === false)).toBe(true);
      const unanswered = await listed(national, central, '?status=submitted');
      expect(unanswered.every((c) => c.status === 'submitted')).toBe(true);
      expect(unanswered.map((c) => c.id)).toEqual(expect.arrayContaining([fromNgheAn.id, fromHaNoi.id]));
      expect((await listed(national, central, '?status=answered')).every((c) => c.answer !== null)).toBe(
        true,
      );

      const ngheAn = await listed(national, officer('40'));
      expect(ngheAn.map((c) => c.id)).toContain(fromNgheAn.id);
      expect(ngheAn.every((c) => c.provinceCode === '40')).toBe(true);
      const hidden = await as(officer('40')).get(`${complaintsOf(national)}/${fromHaNoi.id}`);
      expect([hidden.status, hidden.body.code]).toEqual([404, 'complaint.not-found']);

      // A national round's council is the agency: the province reads its own complaints but does not answer.
      const notCouncil = await as(officer('40')).put(
        `${complaintsOf(national)}/${fromNgheAn.id}/answer`,
        rejection,
      );
      expect([notCouncil.status, notCouncil.body.code]).toEqual([403, 'complaint.not-the-authority']);

      const notOwnProvince = await as(officer('40')).post(
        complaintsOf(national),
        complaintBody({ provinceCode: '01' }),
      );
      expect([notOwnProvince.status, notOwnProvince.body.code]).toEqual([403, 'auth.other-province']);
      for (const who of [viewer, { ...viewer, role: 'juror' as const }]) {
        const refused = await as(who).get(complaintsOf(national));
        expect([who.role, refused.status]).toEqual([who.role, 403]);
      }
    });

    it('leaves a provincial round’s complaints to its province: the agency reads them, the province answers', async () => {
      const complaint = await file(ngheAnRound, ngheAnFacility);
      const byAgency = await as(central).put(
        `${complaintsOf(ngheAnRound)}/${complaint.id}/answer`,
        rejection,
      );
      expect([byAgency.status, byAgency.body.code]).toEqual([403, 'complaint.not-the-authority']);
      expect((await listed(ngheAnRound, central)).map((c) => c.id)).toEqual([complaint.id]);

      const otherProvince = await as(officer('01')).get(complaintsOf(ngheAnRound));
      expect([otherProvince.status, otherProvince.body.code]).toEqual([404, 'award-round.not-found']);

      const tooShort = await as(officer('40')).put(`${complaintsOf(ngheAnRound)}/${complaint.id}/answer`, {
        outcome: 'rejected',
        reason: 'Không đạt',
      });
      expect([tooShort.status, tooShort.body.code]).toEqual([422, 'complaint.reason-required']);
      const answered = await as(officer('40')).put<ComplaintView>(
        `${complaintsOf(ngheAnRound)}/${complaint.id}/answer`,
        rejection,
      );
      expect([answered.status, answered.body.answer?.answeredBy]).toEqual([200, officer('40').name]);
      expect(
        (await as(ngheAnFacility).get<ComplaintView>(`${complaintsOf(ngheAnRound)}/${complaint.id}`)).body,
      ).toMatchObject({ status: 'answered', answer: { outcome: 'rejected', late: false } });
    });

    it('answers 404 for an unknown round or complaint, and 400 for a malformed one', async () => {
      const unknownRound = await as(central).get(`${ROUNDS}/00000000-0000-4000-8000-000000000000/complaints`);
      expect([unknownRound.status, unknownRound.body.code]).toEqual([404, 'award-round.not-found']);
      const unknown = await as(central).get(`${complaintsOf(national)}/00000000-0000-4000-8000-000000000000`);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'complaint.not-found']);
      const malformed = await as(central).post(
        complaintsOf(national),
        complaintBody({ facilityTaxCode: '29001', content: ' ', verdict: 'x' }),
      );
      expect([malformed.status, malformed.body.errors?.map((e) => e.field).sort()]).toEqual([
        400,
        ['body.content', 'body.facilityTaxCode', 'body.verdict'],
      ]);
    });
  });
});
