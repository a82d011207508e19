import { createHash } from 'node:crypto';
import {
  awardEntrySubmittedV1,
  awardRoundResultPublishedV1,
  type AwardRoundView,
  type EventEnvelope,
  type ResultVerificationView,
} from '@kc/contracts';
import { client } from '@kc/service-testing';
import { officer } from '@kc/testing';
import { vietnamDate, workingDayCalendar } from '@kc/reference-data';
import { canonicalJson, recompute, type PublishedResult } from '../src/domain/results';
import { communeRound, entryBody, juror } from './support/award-givens';
import { useAwardsContext } from './support/awards-context';

const ROUNDS = '/api/v1/award-rounds';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Publication against the real service: the result document is stored once as its exact canonical bytes,
 * served to anyone with its SHA-256 as ETag, and re-derivable by anyone from its own sheets.
 */
describe('publishing a round’s results', () => {
  const context = useAwardsContext('kc_it_awards_results');
  const { as, db, publishedCommuneRound, seatCouncil, enter } = context;
  /** Without a token: the result routes are public. */
  const anyone = () => client(context.service.url);
  let run: Awaited<ReturnType<typeof publishedCommuneRound>>;

  beforeAll(async () => {
    run = await publishedCommuneRound({
      '2900000021': [72, 75.5, 70],
      '2900000022': [60, 65, 69.9],
      '2900000023': [80, 79.9, 78],
    });
  });

  it('publishes once: the round moves to published with the deadlines counted in working days', async () => {
    const { round, certificates, entries, passed } = run.published;
    const today = vietnamDate(new Date());
    const calendar = workingDayCalendar();
    const complaintsCloseOn = calendar.addWorkingDays(today, 15);
    expect([round.state, round.stateLabel, entries, passed]).toEqual([
      'published',
      'Đã công bố kết quả',
      3,
      2,
    ]);
    expect(round.schedule).toMatchObject({
      announcedOn: today,
      complaintsCloseOn,
      complaintAnswersDueBy: calendar.addWorkingDays(complaintsCloseOn, 10),
      workingDayCalendar: calendar.version.id,
    });
    expect(round.deadlines.slice(3)).toEqual([
      { kind: 'announcement', on: today, label: 'Ngày công bố kết quả' },
      {
        kind: 'complaints-close',
        on: complaintsCloseOn,
        label: 'Hạn nhận khiếu nại (15 ngày làm việc sau ngày công bố)',
      },
      {
        kind: 'complaint-answers-due',
        on: calendar.addWorkingDays(complaintsCloseOn, 10),
        label: 'Hạn trả lời khiếu nại nhận ngày cuối (10 ngày làm việc)',
      },
    ]);
    // The passing entries got their certificates in the same commit, numbered in the round's series.
    expect(certificates.map((c) => c.number).sort()).toEqual([
      `X-40-17332-${round.year}-0001`,
      `X-40-17332-${round.year}-0002`,
    ]);
    const again = await as(officer('40')).post(`${ROUNDS}/${round.id}/publish`, {});
    expect([again.status, again.body.code]).toEqual([409, 'award-round.illegal-transition']);
  });

  it('serves the stored bytes to anyone, whose SHA-256 is the ETag and the announced one', async () => {
    const response = await fetch(`${context.service.url}${ROUNDS}/${run.round.id}/result`);
    expect([response.status, response.headers.get('content-type')]).toEqual([
      200,
      'application/json; charset=utf-8',
    ]);
    const bytes = Buffer.from(await response.arrayBuffer());
    const [stored] = await db.rows<{ document: string; sha256: string }>(
      `SELECT document, sha256 FROM award_round_result WHERE round_id = $1`,
      [run.round.id],
    );
    expect(bytes.equals(Buffer.from(stored.document, 'utf8'))).toBe(true);
    expect(response.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    expect(sha256(bytes)).toBe(stored.sha256);
    expect(run.published.round.resultSha256).toBe(stored.sha256);
    const notModified = await fetch(`${context.service.url}${ROUNDS}/${run.round.id}/result`, {
      headers: { 'if-none-match': `"${stored.sha256}"` },
    });
    expect(notModified.status).toBe(304);
  });

  it('is re-derivable byte for byte: recomputed with the domain function, every figure and the hash match', async () => {
    const response = await fetch(`${context.service.url}${ROUNDS}/${run.round.id}/result`);
    const text = await response.text();
    const document = JSON.parse(text) as PublishedResult;
    // The canonical form of what was served is what was served.
    expect(canonicalJson(document)).toBe(text);
    const report = recompute(document);
    expect(report).toEqual({ matches: true, sha256: sha256(Buffer.from(text, 'utf8')), differences: [] });
    expect(document.results.entries.map((e) => [e.sheetCount, e.sumTenths, e.average, e.passed])).toEqual([
      [3, 2379, '79.30', true],
      [3, 2175, '72.50', true],
      [3, 1949, '64.97', false],
    ]);
    // Jurors appear only under their pseudonyms.
    expect(text).not.toContain('u-giam-khao');
    expect(document.sheets.map((s) => s.juror).sort()).toEqual([
      'GK-01',
      'GK-01',
      'GK-01',
      'GK-02',
      'GK-02',
      'GK-02',
      'GK-03',
      'GK-03',
      'GK-03',
    ]);
    // A tampered copy is caught figure by figure.
    const tampered = recompute(JSON.parse(text.replace('"passed":false', '"passed":true')));
    expect(tampered.matches).toBe(false);

    const verification = await anyone()<ResultVerificationView>(
      'GET',
      `${ROUNDS}/${run.round.id}/result/verification`,
    );
    expect([verification.status, verification.body]).toEqual([
      200,
      { roundId: run.round.id, matches: true, sha256: report.sha256, differences: [] },
    ]);
  });

  it('keeps the published document for good: the table refuses UPDATE and DELETE', async () => {
    await expect(
      db.rows(`UPDATE award_round_result SET document = document || ' ' WHERE round_id = $1`, [run.round.id]),
    ).rejects.toThrow(/published award results are frozen/);
    await expect(
      db.rows(`DELETE FROM award_round_result WHERE round_id = $1`, [run.round.id]),
    ).rejects.toThrow(/published award results are frozen/);
    await expect(
      db.rows(`INSERT INTO award_round_result VALUES ($1, '{}', 'not-the-hash', 'none', now())`, [
        '00000000-0000-4000-8000-000000000001',
      ]),
    ).rejects.toThrow(/award_round_result_sha256_check|violates/);
  });

  it('announces counts only: entries per group and province, passes, the hash — never a score', async () => {
    const rows = await db.rows<{ type: string; envelope: EventEnvelope }>(
      `SELECT type, envelope FROM outbox WHERE type IN ($1, $2) ORDER BY seq`,
      [awardEntrySubmittedV1.type, awardRoundResultPublishedV1.type],
    );
    const published = rows.filter((r) => r.type === awardRoundResultPublishedV1.type);
    expect(published).toHaveLength(1);
    expect(published[0].envelope).toMatchObject({
      aggregateId: run.round.id,
      provinceCode: '40',
      payload: {
        roundId: run.round.id,
        level: 'commune',
        provinceCode: '40',
        localUnitCode: '17332',
        resultSha256: run.published.round.resultSha256,
        groups: [
          { productGroup: 'handicraft', entries: 3, passed: 2 },
          { productGroup: 'agro-food', entries: 0, passed: 0 },
          { productGroup: 'machinery', entries: 0, passed: 0 },
          { productGroup: 'other', entries: 0, passed: 0 },
        ],
        provinces: [{ provinceCode: '40', productGroup: 'handicraft', entries: 3, passed: 2 }],
      },
    });
    const submitted = rows.filter((r) => r.type === awardEntrySubmittedV1.type);
    expect(submitted.map((r) => r.envelope.payload)).toEqual(
      run.entries.map((e) => ({
        entryId: e.id,
        roundId: run.round.id,
        level: 'commune',
        roundYear: run.round.year,
        provinceCode: '40',
        productGroup: 'handicraft',
        submittedOn: e.submittedOn,
      })),
    );
    const text = JSON.stringify(rows);
    for (const trace of ['scoresTenths', 'totalTenths', 'average', 'Cơ sở mây tre']) {
      expect([trace, text.includes(trace)]).toEqual([trace, false]);
    }
  });

  it('answers 404 for the result of a round not yet published', async () => {
    const round = await as(officer('40')).post<AwardRoundView>(
      ROUNDS,
      communeRound({ localUnitCode: '17335' }),
    );
    await seatCouncil(round.body.id);
    const body = entryBody('2900000029');
    await enter(round.body.id, { ...body, facility: { ...body.facility, localUnitCode: '17335' } });
    for (const path of ['result', 'result/verification']) {
      const reply = await anyone()('GET', `${ROUNDS}/${round.body.id}/${path}`);
      expect([path, reply.status, (reply.body as { code?: string }).code]).toEqual([
        path,
        404,
        'award-result.not-published',
      ]);
    }
    // Publishing skips no step.
    const early = await as(officer('40')).post(`${ROUNDS}/${round.body.id}/publish`, {});
    expect([early.status, early.body.code]).toEqual([409, 'award-round.illegal-transition']);
    expect((await as(juror(1)).get(`${ROUNDS}/${round.body.id}`)).status).toBe(200);
  });
});
