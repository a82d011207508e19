import { RuleViolationError } from '@kc/errors';
import { entryPanel, type Council } from './council';
import {
  canonicalJson,
  deriveResults,
  displayAverage,
  passes,
  publishedResult,
  recompute,
  sha256Hex,
  type PublishedResult,
  type ResultsRound,
  type RoundEntry,
} from './results';
import type { ProductGroup } from './entry';
import { statutoryCriteria, type ScoreSheet } from './scoring';

const ruleOf = (act: () => unknown): string | undefined => {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleViolationError) return `${error.code} @ ${error.field}`;
    throw error;
  }
  return undefined;
};

const KEY = 'awards-pseudonym-key-for-unit-tests-only';

/** A sheet with the given total, filled criterion by criterion up to each maximum. */
function sheet(jurorId: string, entryCode: string, totalPoints: number): ScoreSheet {
  let rest = Math.round(totalPoints * 10);
  const take = (max: number): number => {
    const part = Math.min(rest, max);
    rest -= part;
    return part;
  };
  return {
    jurorId,
    entryCode,
    scoresTenths: {
      market: take(400),
      'economic-technical-social-environmental': take(400),
      'cultural-aesthetic': take(100),
      other: take(100),
    },
  };
}

const panel = (entryCode: string, jurorIds: string[]) => ({
  entryCode,
  jurorIds,
  recusedIds: [],
  substituteIds: [],
});

/** Entries scored by jurors j1, j2…: one total per juror. */
function given(...entries: [code: string, group: ProductGroup, totals: number[]][]): {
  round: ResultsRound;
  sheets: ScoreSheet[];
} {
  const jurorsOf = (totals: number[]) => totals.map((_, i) => `j${i + 1}`);
  return {
    round: {
      id: 'R-2026-40',
      level: 'provincial',
      criteria: statutoryCriteria,
      entries: entries.map(([code, group, totals]) => ({
        code,
        group,
        panel: panel(code, jurorsOf(totals)),
      })),
    },
    sheets: entries.flatMap(([code, , totals]) => totals.map((t, i) => sheet(`j${i + 1}`, code, t))),
  };
}

const derive = ({ round, sheets }: ReturnType<typeof given>) => deriveResults(round, sheets);
const resultOf = (code: string, results: ReturnType<typeof given>) =>
  derive(results).entries.find((e) => e.code === code)!;

describe('pass boundary', () => {
  it('fails an average of 69.9 and passes one of exactly 70.0', () => {
    const results = given(['A', 'handicraft', [69.9, 69.9, 69.9]], ['B', 'handicraft', [70, 70, 70]]);
    expect(resultOf('A', results)).toMatchObject({ sumTenths: 2097, average: '69.90', passed: false });
    expect(resultOf('B', results)).toMatchObject({ sumTenths: 2100, average: '70.00', passed: true });
  });

  it('fails 209.9 / 3 = 69.966…, which one-decimal rounding would show as 70.0', () => {
    const result = resultOf('A', given(['A', 'handicraft', [70, 70, 69.9]]));
    expect(result).toMatchObject({ sheetCount: 3, sumTenths: 2099, average: '69.97', passed: false });
  });

  it('decides on integers, so no failing panel of up to 13 displays 70.00', () => {
    for (let count = 3; count <= 13; count += 2) {
      expect(passes(700 * count - 1, count)).toBe(false);
      expect(displayAverage(700 * count - 1, count)).not.toBe('70.00');
    }
    // A panel of 21 would display 70.00 while failing: the display must never decide.
    expect(displayAverage(700 * 21 - 1, 21)).toBe('70.00');
    expect(passes(700 * 21 - 1, 21)).toBe(false);
  });

  it('rounds the displayed average half-up to two decimals', () => {
    expect(displayAverage(2101, 4)).toBe('52.53'); // 52.525
    expect(displayAverage(2102, 3)).toBe('70.07'); // 70.0666…
    expect(displayAverage(2100, 3)).toBe('70.00');
  });
});

describe('ranking', () => {
  it('gives equal exact averages one rank and lists them by entry code', () => {
    // 240/3 and 400/5 are both exactly 80.
    const results = derive(
      given(
        ['C', 'handicraft', [75, 75, 75]],
        ['B', 'handicraft', [80, 80, 80, 80, 80]],
        ['A', 'handicraft', [90, 70, 80]],
      ),
    );
    expect(results.entries.map((e) => [e.code, e.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ]);
  });

  it('ranks on exact averages, not on the displayed ones', () => {
    // 240.1/3 = 80.033… and 560.2/7 = 80.028… both display 80.03.
    const results = derive(
      given(['A', 'handicraft', [80, 80, 80, 80, 80, 80.2, 80]], ['B', 'handicraft', [80, 80.1, 80]]),
    );
    expect(results.entries.map((e) => [e.code, e.average, e.rank])).toEqual([
      ['B', '80.03', 1],
      ['A', '80.03', 2],
    ]);
  });

  it('ranks each product group on its own and counts passes per group', () => {
    const results = derive(
      given(
        ['H1', 'handicraft', [90, 90, 90]],
        ['H2', 'handicraft', [60, 60, 60]],
        ['F1', 'agro-food', [71, 71, 71]],
        ['M1', 'machinery', [50, 50, 50]],
      ),
    );
    expect(results.entries.map((e) => [e.code, e.rank, e.passed])).toEqual([
      ['H1', 1, true],
      ['H2', 2, false],
      ['F1', 1, true],
      ['M1', 1, false],
    ]);
    expect(results.groups).toEqual([
      { group: 'handicraft', entries: 2, passed: 1, failed: 1 },
      { group: 'agro-food', entries: 1, passed: 1, failed: 0 },
      { group: 'machinery', entries: 1, passed: 0, failed: 1 },
      { group: 'other', entries: 0, passed: 0, failed: 0 },
    ]);
    expect(results.totals).toEqual({ entries: 4, passed: 2, failed: 2, sheets: 12 });
  });
});

describe('recusals', () => {
  // A provincial council of nine; m1–m5 are the jury. m5 has a conflict of interest with SP-01.
  const council: Council = {
    level: 'provincial',
    memberIds: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'],
  };
  const jury = ['m1', 'm2', 'm3', 'm4', 'm5'];
  const totals: Record<string, number> = { m1: 72, m2: 70, m3: 68, m4: 69, m5: 95, m6: 66, m7: 75 };
  const roundWith = (
    substitutions: { entryCode: string; substituteId: string }[],
    recused = ['m5'],
  ): ResultsRound => ({
    id: 'R-2026-40',
    level: 'provincial',
    criteria: statutoryCriteria,
    entries: [
      {
        code: 'SP-01',
        group: 'other',
        panel: entryPanel({
          council,
          jurorIds: jury,
          entryCode: 'SP-01',
          recusals: recused.map((memberId) => ({ entryCode: 'SP-01', memberId })),
          substitutions,
        }),
      },
    ],
  });
  const sheetsOf = (ids: string[]) => ids.map((id) => sheet(id, 'SP-01', totals[id]));

  it('averages the substitute in the recused juror’s place', () => {
    const round = roundWith([{ entryCode: 'SP-01', substituteId: 'm6' }]);
    const [result] = deriveResults(round, sheetsOf(['m1', 'm2', 'm3', 'm4', 'm6'])).entries;
    // Without the recusal m5's 95 would have lifted the entry to 74.8 and a pass.
    expect(result).toMatchObject({ sheetCount: 5, sumTenths: 3450, average: '69.00', passed: false });
  });

  it('refuses the recused juror’s sheet rather than dropping it silently', () => {
    const round = roundWith([{ entryCode: 'SP-01', substituteId: 'm6' }]);
    expect(ruleOf(() => deriveResults(round, sheetsOf(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'])))).toBe(
      'award-results.sheet-outside-panel @ sheets',
    );
  });

  it('has no result while the recusal leaves an even panel', () => {
    expect(ruleOf(() => deriveResults(roundWith([]), sheetsOf(['m1', 'm2', 'm3', 'm4'])))).toBe(
      'award-panel.even-size @ substitutions',
    );
  });

  it('averages the three left when a second recusal makes the panel odd again', () => {
    const [result] = deriveResults(roundWith([], ['m5', 'm3']), sheetsOf(['m1', 'm2', 'm4'])).entries;
    expect(result).toMatchObject({ sheetCount: 3, sumTenths: 2110, average: '70.33', passed: true });
  });
});

describe('incomplete or inconsistent sheets', () => {
  const { round, sheets } = given(['A', 'handicraft', [80, 80, 80]]);

  it('refuses results while a panel juror has not scored', () => {
    expect(ruleOf(() => deriveResults(round, sheets.slice(1)))).toBe('award-results.missing-sheet @ sheets');
  });

  it('refuses a second sheet from one juror, and a sheet for an unknown entry', () => {
    expect(ruleOf(() => deriveResults(round, [...sheets, sheets[0]]))).toBe(
      'award-results.duplicate-sheet @ sheets',
    );
    expect(ruleOf(() => deriveResults(round, [...sheets, sheet('j1', 'Z', 80)]))).toBe(
      'award-results.unknown-entry @ sheets',
    );
  });

  it('names the juror and the entry of a sheet the criteria refuse', () => {
    const bad = { ...sheets[1], scoresTenths: { ...sheets[1].scoresTenths, other: 101 } };
    const act = () => deriveResults(round, [sheets[0], bad, sheets[2]]);
    expect(ruleOf(act)).toBe('score-sheet.out-of-range @ scores.other');
    expect(act).toThrow(/Juror j2's sheet for entry A/);
  });
});

describe('normalisation', () => {
  it('rescales each juror’s z-scores to the round’s mean and standard deviation', () => {
    // a and b spread 80/60 and 90/70 (z = ±1); c gives 70 twice (z = 0). Round mean 73.33…, sd √(800/9).
    const round: ResultsRound = {
      ...given().round,
      entries: [
        { code: 'E1', group: 'other', panel: panel('E1', ['a', 'b', 'c']) },
        { code: 'E2', group: 'other', panel: panel('E2', ['a', 'b', 'c']) },
      ],
    };
    const sheets = [sheet('a', 'E1', 80), sheet('b', 'E1', 90), sheet('c', 'E1', 70)].concat(
      sheet('a', 'E2', 60),
      sheet('b', 'E2', 70),
      sheet('c', 'E2', 70),
    );
    const results = deriveResults(round, sheets, 'juror-z-score');
    const sd = Math.sqrt(800 / 9);
    expect(results.entries.map((e) => [e.code, e.average, e.normalisedAverage])).toEqual([
      ['E1', '80.00', (220 / 3 + (2 * sd) / 3).toFixed(2)],
      ['E2', '66.67', (220 / 3 - (2 * sd) / 3).toFixed(2)],
    ]);
    expect(results.entries[0].normalisedAverage).toBe('79.62');
  });

  it('reports beside the raw figures and never changes pass, average or rank', () => {
    // c is harsh; E1 is every juror's best, yet its raw average is below 70.
    const { round, sheets } = given(
      ['E1', 'other', [80, 75, 50]],
      ['E2', 'other', [75, 70, 40]],
      ['E3', 'other', [75, 70, 40]],
    );
    const raw = deriveResults(round, sheets);
    const normalised = deriveResults(round, sheets, 'juror-z-score');
    const e1 = normalised.entries.find((e) => e.code === 'E1')!;
    expect(e1).toMatchObject({ average: '68.33', passed: false });
    expect(Number(e1.normalisedAverage)).toBeGreaterThan(70);
    expect(normalised.entries.map(({ normalisedAverage: _, ...e }) => e)).toEqual(
      raw.entries.map(({ normalisedAverage: _, ...e }) => e),
    );
    expect(raw.entries.every((e) => e.normalisedAverage === null)).toBe(true);
  });
});

describe('published result', () => {
  const council: Council = { level: 'provincial', memberIds: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'] };
  const jury = ['m1', 'm2', 'm3', 'm4', 'm5'];
  const entryOf = (
    code: string,
    group: ProductGroup,
    recused: string[] = [],
    substitutes: string[] = [],
  ): RoundEntry => ({
    code,
    group,
    panel: entryPanel({
      council,
      jurorIds: jury,
      entryCode: code,
      recusals: recused.map((memberId) => ({ entryCode: code, memberId })),
      substitutions: substitutes.map((substituteId) => ({ entryCode: code, substituteId })),
    }),
  });
  const round: ResultsRound = {
    id: 'R-2026-40',
    level: 'provincial',
    criteria: statutoryCriteria,
    entries: [
      entryOf('SP-01', 'handicraft'),
      entryOf('SP-02', 'handicraft', ['m2'], ['m6']),
      entryOf('SP-03', 'machinery'),
    ],
  };
  const scores: Record<string, number[]> = {
    'SP-01': [81.5, 79, 84, 77.5, 80],
    'SP-02': [72, 68.5, 70, 71, 69.9],
    'SP-03': [65, 72.3, 70, 66.6, 71],
  };
  const sheets = round.entries.flatMap((e) =>
    e.panel.jurorIds.map((id, i) => sheet(id, e.code, scores[e.code][i])),
  );
  const publication = publishedResult(round, sheets, { pseudonymKey: KEY });
  const reparsed = (): PublishedResult => JSON.parse(publication.canonical);

  it('replaces every juror id by a pseudonym', () => {
    const pseudonyms = [...new Set(publication.document.sheets.map((s) => s.juror))].sort();
    expect(pseudonyms).toEqual(['GK-01', 'GK-02', 'GK-03', 'GK-04', 'GK-05', 'GK-06']);
    expect(publication.canonical).not.toMatch(/"m\d"/);
  });

  it('leaves out who recused and who substituted', () => {
    const sp02 = publication.document.entries.find((e) => e.code === 'SP-02')!;
    expect(sp02.panel).toEqual([...sp02.panel].sort());
    expect(publication.canonical).not.toMatch(/recusedIds|substituteIds|"m6"/);
  });

  it('gives the same pseudonyms and bytes every time, and other pseudonyms under another key or round', () => {
    const mapping = (p: ReturnType<typeof publishedResult>) =>
      p.document.sheets.filter((s) => s.entryCode === 'SP-01').map((s) => `${s.juror}=${s.totalTenths}`);
    const again = publishedResult(round, sheets, { pseudonymKey: KEY });
    expect(again.canonical).toBe(publication.canonical);
    const otherKey = publishedResult(round, sheets, { pseudonymKey: `${KEY}-rotated` });
    expect(mapping(otherKey)).not.toEqual(mapping(publication));
    const otherRound = publishedResult({ ...round, id: 'R-2026-41' }, sheets, { pseudonymKey: KEY });
    expect(mapping(otherRound)).not.toEqual(mapping(publication));
  });

  it('refuses a pseudonym key shorter than 32 bytes', () => {
    expect(ruleOf(() => publishedResult(round, sheets, { pseudonymKey: 'short' }))).toBe(
      'award-results.weak-pseudonym-key @ pseudonymKey',
    );
  });

  it('publishes the round, criteria, algorithm and the derived figures', () => {
    const { document } = publication;
    expect(document.round).toEqual({ id: 'R-2026-40', level: 'provincial' });
    expect(document.criteria).toEqual(statutoryCriteria);
    expect(document.algorithm).toMatchObject({
      name: 'kc-awards-jury-average',
      version: '1.0.0',
      normalisation: 'none',
    });
    expect(document.algorithm.description.vi).toContain('700 × số phiếu');
    expect(document.results.entries.map((e) => [e.code, e.average, e.passed, e.rank])).toEqual([
      ['SP-01', '80.40', true, 1],
      ['SP-02', '70.28', true, 2],
      ['SP-03', '68.98', false, 1],
    ]);
  });

  it('serialises canonically: sorted keys, no whitespace, same bytes whatever the key order', () => {
    expect(publication.sha256).toBe(sha256Hex(publication.canonical));
    expect(publication.canonical).toBe(canonicalJson(JSON.parse(publication.canonical)));
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    expect(canonicalJson(reversed(publication.document))).toBe(publication.canonical);
    expect(canonicalJson({ b: [1, { d: 'x', c: null }], a: true })).toBe(
      '{"a":true,"b":[1,{"c":null,"d":"x"}]}',
    );
  });

  it('refuses numbers a verifier might format differently', () => {
    expect(ruleOf(() => canonicalJson({ average: 69.97 }))).toBe('award-results.not-canonical @ document');
  });

  describe('recompute', () => {
    it('finds every figure of an untouched document, byte for byte', () => {
      expect(recompute(reparsed())).toEqual({ matches: true, sha256: publication.sha256, differences: [] });
    });

    it('re-derives the normalised averages too', () => {
      const normalised = publishedResult(round, sheets, {
        pseudonymKey: KEY,
        normalisation: 'juror-z-score',
      });
      expect(normalised.document.results.entries.every((e) => e.normalisedAverage !== null)).toBe(true);
      expect(recompute(JSON.parse(normalised.canonical))).toEqual({
        matches: true,
        sha256: normalised.sha256,
        differences: [],
      });
      const doc: PublishedResult = JSON.parse(normalised.canonical);
      doc.results.entries[0].normalisedAverage = '99.99';
      expect(recompute(doc).differences.map((d) => [d.entryCode, d.field])).toEqual([
        ['SP-01', 'results.normalisedAverage'],
      ]);
    });

    it('names the exact entry when one published score is changed', () => {
      const doc = reparsed();
      const target = doc.sheets.find((s) => s.entryCode === 'SP-02' && s.totalTenths === 685)!;
      target.scoresTenths['other'] = (target.scoresTenths['other'] as number) + 20;
      const report = recompute(doc);
      expect(report.matches).toBe(false);
      expect(report.differences.every((d) => d.entryCode === 'SP-02')).toBe(true);
      expect(report.differences).toContainEqual({
        entryCode: 'SP-02',
        juror: target.juror,
        field: 'sheets.totalTenths',
        published: 685,
        recomputed: 705,
      });
      expect(report.differences).toContainEqual(
        expect.objectContaining({ field: 'results.sumTenths', published: 3514, recomputed: 3534 }),
      );
    });

    it('names the entry when a score and its totals are changed together', () => {
      const doc = reparsed();
      const target = doc.sheets.find((s) => s.entryCode === 'SP-03')!;
      const eco = 'economic-technical-social-environmental';
      target.scoresTenths[eco] = (target.scoresTenths[eco] as number) - 1;
      target.totalTenths -= 1;
      const report = recompute(doc);
      expect(report.differences).toEqual([
        { entryCode: 'SP-03', juror: null, field: 'results.sumTenths', published: 3449, recomputed: 3448 },
        {
          entryCode: 'SP-03',
          juror: null,
          field: 'results.average',
          published: '68.98',
          recomputed: '68.96',
        },
      ]);
    });

    it('names a flipped pass', () => {
      const doc = reparsed();
      doc.results.entries.find((e) => e.code === 'SP-03')!.passed = true;
      expect(recompute(doc).differences).toEqual([
        { entryCode: 'SP-03', juror: null, field: 'results.passed', published: true, recomputed: false },
      ]);
    });

    it('names a published score outside the criteria', () => {
      const doc = reparsed();
      const target = doc.sheets.find((s) => s.entryCode === 'SP-01')!;
      target.scoresTenths['market'] = 401;
      const report = recompute(doc);
      expect(report.differences).toEqual([
        {
          entryCode: 'SP-01',
          juror: target.juror,
          field: 'sheets.scores.market',
          published: null,
          recomputed: expect.stringContaining('from 0 to 40'),
        },
      ]);
    });

    it('holds a document whose figures match but whose bytes differ to be different', () => {
      const doc = reparsed();
      doc.sheets.reverse();
      const report = recompute(doc);
      expect(report.matches).toBe(false);
      expect(report.differences).toEqual([
        expect.objectContaining({ entryCode: null, field: 'document', recomputed: publication.sha256 }),
      ]);
    });

    it('does not vouch for another algorithm or a document of another kind', () => {
      const doc = reparsed();
      doc.algorithm.version = '2.0.0';
      expect(recompute(doc).differences.map((d) => d.field)).toEqual(['algorithm']);
      expect(recompute({ hello: 'world' }).differences.map((d) => d.field)).toEqual(['format']);
    });
  });
});
