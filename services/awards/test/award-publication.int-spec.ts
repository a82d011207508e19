import type { AwardEntryView, AwardRoundView, PublicationView } from '@kc/contracts';
import { eventually, officer } from '@kc/testing';
import { vietnamDate } from '@kc/reference-data';
import { DataSource } from 'typeorm';
import { PUBLICATION_MAX_ATTEMPTS, PublicationWorker } from '../src/application/publication-worker';
import { ResultsService } from '../src/application/results.service';
import { communeRound, entryBody, juror, scores } from './support/award-givens';
import { useAwardsContext } from './support/awards-context';

const ROUNDS = '/api/v1/award-rounds';

/**
 * Publication as a background job against the real service and PostgreSQL: the request answers 202 at once,
 * the work commits whole or not at all, a worker that stops leaves the job for the next one, and two workers
 * never publish a round twice.
 */
describe('publishing in the background', () => {
  const context = useAwardsContext('kc_it_awards_publication');
  const { as, db, seatCouncil, enter, move, score } = context;
  /** Workers as separate instances would run them: the test decides when each one works. */
  const worker = () =>
    new PublicationWorker(context.service.app.get(DataSource), context.service.app.get(ResultsService), 0);
  const publicationOf = async (roundId: string) =>
    (await as(officer('40')).get<PublicationView>(`${ROUNDS}/${roundId}/publication`)).body;
  const traces = async (roundId: string) =>
    (
      await db.rows<{ results: number; certificates: number; events: number; state: string }>(
        `SELECT (SELECT count(*)::int FROM award_round_result WHERE round_id = $1) AS results,
                (SELECT count(*)::int FROM award_certificate WHERE round_id = $1) AS certificates,
                (SELECT count(*)::int FROM outbox WHERE type = 'awards.round.result-published'
                   AND message_key = $1::text) AS events,
                (SELECT state FROM award_round WHERE id = $1) AS state`,
        [roundId],
      )
    )[0];

  /** A commune round of Nghệ An closed after scoring: two entries, one passing (75) and one not (60). */
  const closedRound = async (localUnitCode: string): Promise<AwardRoundView> => {
    const round = (await as(officer('40')).post<AwardRoundView>(ROUNDS, communeRound({ localUnitCode })))
      .body;
    await seatCouncil(round.id);
    const entries: AwardEntryView[] = [];
    for (const taxCode of [`29000${localUnitCode}`, `29001${localUnitCode}`]) {
      const body = entryBody(taxCode);
      entries.push(await enter(round.id, { ...body, facility: { ...body.facility, localUnitCode } }));
    }
    await move(round.id, 'start-scoring');
    for (const [i, entry] of entries.entries()) {
      for (const n of [1, 2, 3])
        await score(round.id, entry.id, juror(n), scores(30, i === 0 ? 35 : 20, 5, 5));
    }
    await move(round.id, 'close');
    return round;
  };

  beforeAll(async () => {
    // The app's own worker is stopped: in these tests the workers are the test's.
    await context.service.app.get(PublicationWorker).onApplicationShutdown();
  });

  it('answers 202 with a pending publication at once, which a worker completes whole; asking again is the same job', async () => {
    const round = await closedRound('17338');
    const asked = await as(officer('40')).post<PublicationView>(`${ROUNDS}/${round.id}/publish`, {});
    expect([asked.status, asked.headers.get('location')]).toEqual([202, `${ROUNDS}/${round.id}/publication`]);
    expect(asked.body).toMatchObject({
      roundId: round.id,
      state: 'pending',
      normalisation: 'none',
      announcedOn: vietnamDate(new Date()),
      requestedBy: 'sct.40',
      attempts: 0,
      publishedAt: null,
      resultSha256: null,
      certificates: [],
    });
    // Nothing of the result exists while it is pending.
    expect(await traces(round.id)).toEqual({ results: 0, certificates: 0, events: 0, state: 'closed' });
    const again = await as(officer('40')).post<PublicationView>(`${ROUNDS}/${round.id}/publish`, {});
    expect([again.status, again.body.requestedAt]).toEqual([202, asked.body.requestedAt]);
    const otherWay = await as(officer('40')).post(`${ROUNDS}/${round.id}/publish`, {
      normalisation: 'juror-z-score',
    });
    expect([otherWay.status, otherWay.body.code]).toEqual([409, 'award-publication.under-way']);

    const instance = worker();
    instance.wake();
    await instance.idle();
    const done = await publicationOf(round.id);
    expect(done).toMatchObject({ state: 'published', entries: 2, passed: 1, attempts: 1, lastError: null });
    expect(done.certificates.map((c) => c.number)).toEqual([`X-40-17338-${round.year}-0001`]);
    expect(await traces(round.id)).toEqual({ results: 1, certificates: 1, events: 1, state: 'published' });
    const view = (await as(officer('40')).get<AwardRoundView>(`${ROUNDS}/${round.id}`)).body;
    expect([view.schedule?.announcedOn, view.resultSha256]).toEqual([
      asked.body.announcedOn,
      done.resultSha256,
    ]);
    // The verification report was computed in that commit and is served as stored.
    const [stored] = await db.rows<{ verification: string }>(
      `SELECT verification FROM award_round_result WHERE round_id = $1`,
      [round.id],
    );
    const verification = await as(officer('40')).get(`${ROUNDS}/${round.id}/result/verification`);
    expect(verification.body).toEqual({ roundId: round.id, ...JSON.parse(stored.verification) });
    expect(verification.body).toMatchObject({ matches: true, sha256: done.resultSha256, differences: [] });
    // Done is done: a second pass, or a second request, publishes nothing more.
    instance.wake();
    await instance.idle();
    const late = await as(officer('40')).post(`${ROUNDS}/${round.id}/publish`, {});
    expect([late.status, late.body.code]).toEqual([409, 'award-round.illegal-transition']);
    expect(await traces(round.id)).toEqual({ results: 1, certificates: 1, events: 1, state: 'published' });
  });

  it('leaves no trace of work cut off mid-way, tries again, gives up after three failures and starts over when asked', async () => {
    const round = await closedRound('17341');
    // The certificates' insert fails for this round: the document, the round's move and the event were
    // already written in the same transaction when it does.
    await db.rows(`
      CREATE FUNCTION fail_award_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$`);
    await db.rows(`CREATE TRIGGER fail_award_certificate BEFORE INSERT ON award_certificate
      FOR EACH ROW WHEN (NEW.round_id = '${round.id}') EXECUTE FUNCTION fail_award_certificate()`);
    try {
      expect((await as(officer('40')).post(`${ROUNDS}/${round.id}/publish`, {})).status).toBe(202);
      const instance = worker();
      instance.wake();
      await instance.idle();
      expect(await publicationOf(round.id)).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: expect.stringContaining('disk full (simulated)'),
      });
      expect(await traces(round.id)).toEqual({ results: 0, certificates: 0, events: 0, state: 'closed' });
      for (let attempt = 2; attempt <= PUBLICATION_MAX_ATTEMPTS; attempt++) {
        instance.wake();
        await instance.idle();
      }
      expect(await publicationOf(round.id)).toMatchObject({
        state: 'failed',
        attempts: PUBLICATION_MAX_ATTEMPTS,
      });
      expect(await traces(round.id)).toEqual({ results: 0, certificates: 0, events: 0, state: 'closed' });
    } finally {
      await db.rows(`DROP TRIGGER fail_award_certificate ON award_certificate`);
      await db.rows(`DROP FUNCTION fail_award_certificate()`);
    }
    const retried = await as(officer('40')).post<PublicationView>(`${ROUNDS}/${round.id}/publish`, {});
    expect([retried.status, retried.body.state]).toEqual([202, 'pending']);
    const instance = worker();
    instance.wake();
    await instance.idle();
    expect(await publicationOf(round.id)).toMatchObject({ state: 'published', passed: 1 });
    expect(await traces(round.id)).toEqual({ results: 1, certificates: 1, events: 1, state: 'published' });
  });

  it('is resumed by the next instance to boot when the one asked stopped first', async () => {
    const round = await closedRound('17344');
    // Asked of an instance whose worker is stopped (the app's): the job waits in the database.
    expect((await as(officer('40')).post(`${ROUNDS}/${round.id}/publish`, {})).status).toBe(202);
    expect((await publicationOf(round.id)).state).toBe('pending');
    // As if asked yesterday: asking again today is the same job, and the day stays the one it was asked.
    const [{ yesterday }] = await db.rows<{ yesterday: string }>(
      `UPDATE award_round_publication SET announced_on = announced_on - 1 WHERE round_id = $1
       RETURNING to_char(announced_on, 'YYYY-MM-DD') AS yesterday`,
      [round.id],
    );
    const again = await as(officer('40')).post<PublicationView>(`${ROUNDS}/${round.id}/publish`, {});
    expect([again.status, again.body.announcedOn]).toEqual([202, yesterday]);
    // A new instance boots: its worker looks for pending work at once.
    const next = worker();
    next.onApplicationBootstrap();
    await eventually(async () => (await publicationOf(round.id)).state === 'published');
    await next.onApplicationShutdown();
    expect(await traces(round.id)).toEqual({ results: 1, certificates: 1, events: 1, state: 'published' });
    // Announced, and the certificate issued, on the day asked — not on the day the work ran.
    const view = (await as(officer('40')).get<AwardRoundView>(`${ROUNDS}/${round.id}`)).body;
    expect(view.schedule?.announcedOn).toBe(yesterday);
    const [certificate] = await db.rows<{ issuedOn: string }>(
      `SELECT to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn" FROM award_certificate WHERE round_id = $1`,
      [round.id],
    );
    expect(certificate.issuedOn).toBe(yesterday);
  });

  it('publishes a round once when two workers take it at the same moment', async () => {
    const round = await closedRound('17347');
    expect((await as(officer('40')).post(`${ROUNDS}/${round.id}/publish`, {})).status).toBe(202);
    const [a, b] = [worker(), worker()];
    a.wake();
    b.wake();
    await Promise.all([a.idle(), b.idle()]);
    expect(await publicationOf(round.id)).toMatchObject({ state: 'published', attempts: 1 });
    expect(await traces(round.id)).toEqual({ results: 1, certificates: 1, events: 1, state: 'published' });
  });
});
