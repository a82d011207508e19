import type {
  AssignmentView,
  AwardEntryView,
  AwardRoundView,
  EntryPanelView,
  Page,
  ScoreSheetView,
  ScoringProgressView,
} from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { communeRound, entryBody, juror, scores } from './support/award-givens';
import { useAwardsContext } from './support/awards-context';

const ROUNDS = '/api/v1/award-rounds';

/**
 * Blind scoring against the real service: a commune round of Nghệ An with a council of five (giamkhao.1–5), a
 * jury of three (1–3) and three entries. Each juror reaches only the entries assigned to them and only their
 * own sheets; recusal, substitution and closing follow the panels.
 */
describe('blind scoring: who sees and scores what', () => {
  const { as, db, seatCouncil, enter, move, score } = useAwardsContext('kc_it_awards_scoring');
  const secretary = officer('40');
  let round: AwardRoundView;
  const entry: Record<'A' | 'B' | 'C', AwardEntryView> = {} as never;
  const sheetPath = (code: 'A' | 'B' | 'C') => `${ROUNDS}/${round.id}/entries/${entry[code].id}/sheet`;
  const assignments = async (n: number) => {
    const reply = await as(juror(n)).get<Page<AssignmentView>>(`${ROUNDS}/${round.id}/assignments`);
    expect(reply.status).toBe(200);
    return reply.body.items.map((a) => [a.entry.code, a.sheet?.totalTenths ?? null]);
  };
  const outboxText = async () =>
    JSON.stringify(await db.rows(`SELECT type, envelope FROM outbox ORDER BY seq`));

  beforeAll(async () => {
    const opened = await as(secretary).post<AwardRoundView>(ROUNDS, communeRound());
    expect(opened.status).toBe(201);
    round = opened.body;
    await seatCouncil(round.id, { size: 5, jurySize: 3 });
    entry.A = await enter(round.id, entryBody('2900000001'));
    entry.B = await enter(round.id, entryBody('2900000002'));
    entry.C = await enter(round.id, entryBody('2900000003'));
    expect([entry.A.code, entry.B.code, entry.C.code]).toEqual(['E-0001', 'E-0002', 'E-0003']);
  });

  it('takes no sheet before scoring starts, and starts only on the authority’s word', async () => {
    const early = await as(juror(1)).put(sheetPath('A'), scores(30, 30, 5, 5));
    expect([early.status, early.body.code]).toEqual([409, 'award-round.not-scoring']);
    const byAnotherProvince = await as(officer('01')).post(`${ROUNDS}/${round.id}/start-scoring`);
    expect([byAnotherProvince.status, byAnotherProvince.body.code]).toEqual([404, 'award-round.not-found']);
    const started = await move(round.id, 'start-scoring');
    expect([started.state, started.stateLabel]).toEqual(['scoring', 'Đang chấm điểm']);
    const again = await as(secretary).post(`${ROUNDS}/${round.id}/start-scoring`);
    expect([again.status, again.body.code]).toEqual([409, 'award-round.illegal-transition']);
  });

  it('shows a juror their assigned entries and their own sheet only, never another juror’s', async () => {
    const mine = await score(round.id, entry.A.id, juror(1), scores(32.5, 30, 5, 5));
    expect([mine.entryCode, mine.totalTenths, mine.scoresTenths]).toEqual([
      'E-0001',
      725,
      { market: 325, 'economic-technical-social-environmental': 300, 'cultural-aesthetic': 50, other: 50 },
    ]);
    expect(await assignments(1)).toEqual([
      ['E-0001', 725],
      ['E-0002', null],
      ['E-0003', null],
    ]);
    // Juror 2 sits on the same panel: their list and their sheet say nothing of juror 1's.
    expect(await assignments(2)).toEqual([
      ['E-0001', null],
      ['E-0002', null],
      ['E-0003', null],
    ]);
    const notYet = await as(juror(2)).get(sheetPath('A'));
    expect([notYet.status, notYet.body.code]).toEqual([404, 'award-sheet.not-found']);
    expect(JSON.stringify(notYet.body)).not.toContain('725');
    expect((await as(juror(1)).get<ScoreSheetView>(sheetPath('A'))).body.totalTenths).toBe(725);

    // Outside the jury (a council member who does not score, a juror of no round): 403, nothing listed.
    for (const outsider of [juror(4), juror(9)]) {
      for (const path of [`${ROUNDS}/${round.id}/assignments`, sheetPath('A')]) {
        const refused = await as(outsider).get(path);
        expect([outsider.name, path, refused.status, refused.body.code]).toEqual([
          outsider.name,
          path,
          403,
          'award-jury.not-a-member',
        ]);
      }
      const write = await as(outsider).put(sheetPath('A'), scores(40, 40, 10, 10));
      expect([write.status, write.body.code]).toEqual([403, 'award-jury.not-a-member']);
      expect((await as(outsider).get(`${ROUNDS}/${round.id}`)).status).toBe(404);
    }
    // An entry id of no round answers like one that is not assigned: 404.
    const unknown = await as(juror(1)).get(
      `${ROUNDS}/${round.id}/entries/00000000-0000-4000-8000-000000000000/sheet`,
    );
    expect([unknown.status, unknown.body.code]).toEqual([404, 'award-entry.not-found']);
    // Staff have no route to a sheet; jurors none to another juror's.
    expect((await as(secretary).get(sheetPath('A'))).status).toBe(403);
  });

  it('leaks no score through the lists, the round, the progress or the events before publication', async () => {
    const lists = [
      await as(secretary).get(`${ROUNDS}/${round.id}/entries`),
      await as(central).get(`${ROUNDS}/${round.id}/entries`),
      await as(secretary).get(`${ROUNDS}/${round.id}`),
      await as(juror(2)).get(`${ROUNDS}/${round.id}`),
      await as(juror(2)).get(`${ROUNDS}?limit=200`),
      await as(secretary).get(`${ROUNDS}/${round.id}/panels`),
      await as(secretary).get(`${ROUNDS}/${round.id}/progress`),
      await as(juror(2)).get(`${ROUNDS}/${round.id}/assignments`),
    ];
    // Juror 1's sheet (market 32.5, total 72.5) is the only one: no answer names a sheet's fields.
    for (const reply of lists) {
      expect(reply.status).toBe(200);
      const text = JSON.stringify(reply.body);
      for (const trace of ['scoresTenths', 'totalTenths', 'average', '"sheet":{']) {
        expect([trace, text.includes(trace)]).toEqual([trace, false]);
      }
    }
    // The events and the audit trail say that a sheet came in, never what it says.
    const events = await outboxText();
    expect(events).toContain('Nộp phiếu chấm sản phẩm E-0001');
    for (const trace of ['scoresTenths', 'totalTenths', '"market"', '"cultural-aesthetic"']) {
      expect([trace, events.includes(trace)]).toEqual([trace, false]);
    }
  });

  it('refuses a sheet that breaks the criteria (422 naming the score) or is malformed (400)', async () => {
    const cases: [object, number, string, string][] = [
      [scores(41, 30, 5, 5), 422, 'score-sheet.out-of-range', 'scores.market'],
      [scores(30.25, 30, 5, 5), 422, 'score-sheet.too-precise', 'scores.market'],
      [
        { scores: { market: 30, other: 5 } },
        422,
        'score-sheet.missing-score',
        'scores.economic-technical-social-environmental',
      ],
      [
        { scores: { ...scores(30, 30, 5, 5).scores, bonus: 3 } },
        422,
        'score-sheet.unknown-criterion',
        'scores.bonus',
      ],
    ];
    for (const [body, status, code, field] of cases) {
      const reply = await as(juror(2)).put(sheetPath('B'), body);
      expect([reply.status, reply.body.code, reply.body.errors?.[0]?.field]).toEqual([status, code, field]);
    }
    const malformed = await as(juror(2)).put(sheetPath('B'), { scores: { market: 'ba mươi' }, note: 'x' });
    expect([malformed.status, malformed.headers.get('content-type')?.split(';')[0]]).toEqual([
      400,
      'application/problem+json',
    ]);
    expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual(['body.note', 'body.scores.market']);
    const none = await as(juror(2)).get(sheetPath('B'));
    expect(none.status).toBe(404);
  });

  it('lets a recused juror score that entry no more, withdrawing the sheet they gave', async () => {
    await score(round.id, entry.C.id, juror(3), scores(40, 40, 10, 10));
    const recused = await as(juror(3)).post(`${ROUNDS}/${round.id}/entries/${entry.C.id}/recusal`, {
      reason: 'Là người thân của chủ cơ sở',
    });
    expect([recused.status, recused.body]).toEqual([
      201,
      expect.objectContaining({ entryCode: 'E-0003', memberId: juror(3).id, sheetWithdrawn: true }),
    ]);
    for (const attempt of [
      await as(juror(3)).put(sheetPath('C'), scores(30, 30, 5, 5)),
      await as(juror(3)).get(sheetPath('C')),
    ]) {
      expect([attempt.status, attempt.body.code]).toEqual([403, 'award-sheet.recused']);
    }
    expect((await assignments(3)).map(([code]) => code)).toEqual(['E-0001', 'E-0002']);
    const twice = await as(juror(3)).post(`${ROUNDS}/${round.id}/entries/${entry.C.id}/recusal`, {
      reason: 'Là người thân của chủ cơ sở',
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'award-recusal.already-declared']);
    const [sheets] = await db.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM award_score_sheet WHERE entry_id = $1 AND juror_id = $2`,
      [entry.C.id, juror(3).id],
    );
    expect(sheets.n).toBe(0);
    // Only a jury member recuses.
    const outsider = await as(juror(4)).post(`${ROUNDS}/${round.id}/entries/${entry.C.id}/recusal`, {
      reason: 'Không liên quan',
    });
    expect([outsider.status, outsider.body.code]).toEqual([403, 'award-jury.not-a-member']);
  });

  it('refuses to close while a panel is even, until the secretary names a substitute who scores', async () => {
    for (const n of [1, 2, 3]) {
      for (const code of ['A', 'B'] as const)
        await score(round.id, entry[code].id, juror(n), scores(30, 30, 5, 5));
    }
    for (const n of [1, 2]) await score(round.id, entry.C.id, juror(n), scores(30, 30, 5, 5));

    const even = await as(secretary).post(`${ROUNDS}/${round.id}/close`);
    expect([even.status, even.body.code, even.body.errors?.[0]?.field]).toEqual([
      422,
      'award-panel.even-size',
      'substitutions',
    ]);
    const panels = await as(secretary).get<{ items: EntryPanelView[] }>(`${ROUNDS}/${round.id}/panels`);
    const panelC = panels.body.items.find((p) => p.entryCode === 'E-0003')!;
    expect([panelC.jurorIds, panelC.recusals.map((r) => r.memberId), panelC.defect?.code]).toEqual([
      [juror(1).id, juror(2).id],
      [juror(3).id],
      'award-panel.even-size',
    ]);

    const substitutes = `${ROUNDS}/${round.id}/entries/${entry.C.id}/substitutes`;
    const notSecretary = await as(central).post(substitutes, { substituteId: juror(4).id });
    expect([notSecretary.status, notSecretary.body.code]).toEqual([403, 'award-council.not-secretary']);
    for (const ineligible of [juror(3).id, juror(1).id, 'u-khong-trong-hoi-dong']) {
      const refused = await as(secretary).post(substitutes, { substituteId: ineligible });
      expect([ineligible, refused.status, refused.body.code]).toEqual([
        ineligible,
        422,
        'award-panel.ineligible-substitute',
      ]);
    }
    const named = await as(secretary).post<EntryPanelView>(substitutes, { substituteId: juror(4).id });
    expect([named.status, named.body.jurorIds, named.body.substituteIds, named.body.defect]).toEqual([
      201,
      [juror(1).id, juror(2).id, juror(4).id],
      [juror(4).id],
      null,
    ]);
    // One substitute per recusal: a second is refused.
    const extra = await as(secretary).post(substitutes, { substituteId: juror(5).id });
    expect([extra.status, extra.body.code]).toEqual([422, 'award-panel.too-many-substitutes']);

    // The substitute now sits on the round for that one entry, and sees nothing else.
    expect((await as(juror(4)).get(`${ROUNDS}/${round.id}`)).status).toBe(200);
    expect(await assignments(4)).toEqual([['E-0003', null]]);
    const other = await as(juror(4)).get(sheetPath('A'));
    expect([other.status, other.body.code]).toEqual([404, 'award-entry.not-found']);

    const missing = await as(secretary).post(`${ROUNDS}/${round.id}/close`);
    expect([missing.status, missing.body.code]).toEqual([422, 'award-results.missing-sheet']);
    await score(round.id, entry.C.id, juror(4), scores(35, 35, 8, 8));
    const closed = await move(round.id, 'close');
    expect(closed.state).toBe('closed');
    const late = await as(juror(1)).put(sheetPath('A'), scores(40, 40, 10, 10));
    expect([late.status, late.body.code]).toEqual([409, 'award-round.not-scoring']);
  });

  it('gives the secretary and the authority sheets done per juror, counts only', async () => {
    const progress = await as(secretary).get<ScoringProgressView>(`${ROUNDS}/${round.id}/progress`);
    expect(progress.status).toBe(200);
    expect(progress.body.jurors.map((j) => [j.userId, j.assigned, j.done])).toEqual([
      [juror(1).id, 3, 3],
      [juror(2).id, 3, 3],
      [juror(3).id, 2, 2],
      [juror(4).id, 1, 1],
    ]);
    expect(progress.body.totals).toEqual({ assigned: 9, done: 9 });
    expect((await as(central).get(`${ROUNDS}/${round.id}/progress`)).status).toBe(200);
    expect((await as(officer('01')).get(`${ROUNDS}/${round.id}/progress`)).status).toBe(404);
    expect((await as(juror(1)).get(`${ROUNDS}/${round.id}/progress`)).status).toBe(403);
  });
});

/** Pass = jury average ≥ 70, decided on exact tenths through the whole API. */
describe('the pass boundary through the API', () => {
  const { publishedCommuneRound } = useAwardsContext('kc_it_awards_boundary');

  it('passes an average of exactly 70 and fails one a tenth of a point short over three sheets', async () => {
    const { entries, published } = await publishedCommuneRound({
      '2900000011': [70, 70, 70],
      '2900000012': [70, 70, 69.9],
      '2900000013': [80, 60, 70],
      '2900000014': [79.9, 65, 65],
    });
    const codes = Object.fromEntries(entries.map((e) => [e.facility.taxCode, e.code]));
    expect([published.entries, published.passed]).toEqual([4, 2]);
    expect(published.certificates.map((c) => c.entryCode).sort()).toEqual(
      [codes['2900000011'], codes['2900000013']].sort(),
    );
  });
});
