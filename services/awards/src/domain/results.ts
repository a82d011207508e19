import { createHash, createHmac } from 'node:crypto';
import { DomainError, RuleViolationError, type Bilingual } from '@kc/errors';
import { assertPanelFinalisable, type EntryPanel, type JudgingLevel } from './council';
import { productGroups, type ProductGroup } from './entry';
import {
  checkCriteriaConfig,
  scoreSheet,
  type CriteriaConfig,
  type ScoreSheet,
  type ScoredSheet,
  type SheetScores,
} from './scoring';

/** A product passes with a jury average of at least 70 points: 700 tenths per sheet. */
export const PASS_TENTHS_PER_SHEET = 700;

/** `juror-z-score` adds an informative normalised average beside the raw one; it never decides anything. */
export type Normalisation = 'none' | 'juror-z-score';

export interface RoundEntry {
  code: string;
  group: ProductGroup;
  panel: EntryPanel;
}

export interface ResultsRound {
  id: string;
  level: JudgingLevel;
  criteria: CriteriaConfig;
  entries: RoundEntry[];
}

export interface EntryResult {
  code: string;
  group: ProductGroup;
  sheetCount: number;
  /** The exact figure: the average is sumTenths / (10 × sheetCount). */
  sumTenths: number;
  /** The average rounded half-up to two decimals, for display only. */
  average: string;
  /** sumTenths ≥ 700 × sheetCount, in integers: never decided on a rounded figure. */
  passed: boolean;
  /** Within the group; equal exact averages share a rank (1, 1, 3). */
  rank: number;
  /** Two decimals, or null without normalisation. */
  normalisedAverage: string | null;
}

export interface GroupResult {
  group: ProductGroup;
  entries: number;
  passed: number;
  failed: number;
}

export interface RoundResults {
  /** By group (in `productGroups` order), then rank, then entry code. */
  entries: EntryResult[];
  groups: GroupResult[];
  totals: { entries: number; passed: number; failed: number; sheets: number };
}

/** Locale-free ordering by UTF-16 code units, so every verifier sorts alike. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const passes = (sumTenths: number, sheetCount: number): boolean =>
  sumTenths >= PASS_TENTHS_PER_SHEET * sheetCount;

/** sumTenths / (10 × count) rounded half-up to hundredths, in integers: floor((20·sum + count) / (2·count)). */
export function displayAverage(sumTenths: number, sheetCount: number): string {
  const hundredths = Math.floor((20 * sumTenths + sheetCount) / (2 * sheetCount));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Compares two exact averages a/b and c/d by cross-multiplication (all integers well within 2^53). */
const compareAverages = (a: EntryResult, b: EntryResult): number =>
  a.sumTenths * b.sheetCount - b.sumTenths * a.sheetCount;

const resultsError = (vi: string, en: string, code: string, field: string): RuleViolationError =>
  new RuleViolationError({ vi, en }, `award-results.${code}`, field);

/** Every sheet of a finalisable panel, scored; a recused juror's sheet is refused, never silently dropped. */
function scoredSheetsByEntry(round: ResultsRound, sheets: ScoreSheet[]): Map<string, ScoredSheet[]> {
  const byEntry = new Map<string, ScoredSheet[]>();
  for (const entry of round.entries) {
    if (byEntry.has(entry.code)) {
      throw resultsError(
        `Sản phẩm ${entry.code} có tên hai lần trong vòng bình chọn`,
        `Entry ${entry.code} is listed twice in the round`,
        'duplicate-entry',
        'entries',
      );
    }
    if (!productGroups.includes(entry.group)) {
      throw resultsError(
        `Sản phẩm ${entry.code} thuộc nhóm “${entry.group}” không có trong bốn nhóm sản phẩm`,
        `Entry ${entry.code} names group “${entry.group}”, which is none of the four product groups`,
        'unknown-group',
        'entries',
      );
    }
    assertPanelFinalisable(entry.panel);
    byEntry.set(entry.code, []);
  }
  // By code: a national round has thousands of entries and ten times as many sheets.
  const entryByCode = new Map(round.entries.map((e) => [e.code, e]));
  for (const sheet of sheets) {
    const entry = entryByCode.get(sheet.entryCode);
    if (!entry) {
      throw resultsError(
        `Phiếu chấm của giám khảo ${sheet.jurorId} cho sản phẩm ${sheet.entryCode} không thuộc vòng bình chọn`,
        `Juror ${sheet.jurorId}'s sheet is for entry ${sheet.entryCode}, which is not in the round`,
        'unknown-entry',
        'sheets',
      );
    }
    if (!entry.panel.jurorIds.includes(sheet.jurorId)) {
      throw resultsError(
        `Giám khảo ${sheet.jurorId} không chấm sản phẩm ${entry.code} (đã từ chối chấm hoặc không thuộc ban giám khảo): phải rút phiếu chấm này`,
        `Juror ${sheet.jurorId} is not on entry ${entry.code}'s panel (recused or not on the jury): the sheet must be withdrawn`,
        'sheet-outside-panel',
        'sheets',
      );
    }
    const entrySheets = byEntry.get(entry.code)!;
    if (entrySheets.some((s) => s.jurorId === sheet.jurorId)) {
      throw resultsError(
        `Giám khảo ${sheet.jurorId} có hai phiếu chấm cho sản phẩm ${entry.code}`,
        `Juror ${sheet.jurorId} has two sheets for entry ${entry.code}`,
        'duplicate-sheet',
        'sheets',
      );
    }
    try {
      entrySheets.push(scoreSheet(round.criteria, sheet));
    } catch (error) {
      if (!(error instanceof RuleViolationError)) throw error;
      throw new RuleViolationError(
        {
          vi: `Phiếu chấm của giám khảo ${sheet.jurorId} cho sản phẩm ${entry.code}: ${error.messages.vi}`,
          en: `Juror ${sheet.jurorId}'s sheet for entry ${entry.code}: ${error.messages.en}`,
        },
        error.code,
        error.field,
      );
    }
  }
  for (const entry of round.entries) {
    const missing = entry.panel.jurorIds.find(
      (id) => !byEntry.get(entry.code)!.some((s) => s.jurorId === id),
    );
    if (missing !== undefined) {
      throw resultsError(
        `Chưa có phiếu chấm của giám khảo ${missing} cho sản phẩm ${entry.code}: chưa thể chốt kết quả`,
        `Juror ${missing} has not scored entry ${entry.code} yet: the result cannot be derived`,
        'missing-sheet',
        'sheets',
      );
    }
    byEntry.get(entry.code)!.sort((a, b) => byCodeUnits(a.jurorId, b.jurorId));
  }
  return byEntry;
}

/**
 * Juror z-score normalisation, informative only. For juror j with totals t (in points) over every sheet j
 * filled in the round: z = (t − mean_j) / sd_j; the normalised score is mean + sd · z, where mean and sd are
 * those of all the round's totals (population sd). A juror whose totals do not vary (or who scored once)
 * tells nothing about leniency: z = 0. An entry's normalised average is the mean of its panel's normalised
 * scores, summed in juror order, to two decimals.
 */
function normalisedAverages(byEntry: Map<string, ScoredSheet[]>): Map<string, string> {
  const all = [...byEntry.values()].flat();
  // Sums of integers are exact, so only the final divisions and square roots round.
  const stats = (totals: number[]): { mean: number; sd: number } => {
    const n = totals.length;
    const sum = totals.reduce((s, t) => s + t, 0);
    const sumSquares = totals.reduce((s, t) => s + t * t, 0);
    return { mean: sum / n / 10, sd: Math.sqrt(n * sumSquares - sum * sum) / n / 10 };
  };
  const pool = stats(all.map((s) => s.totalTenths));
  const jurorStats = new Map<string, { mean: number; sd: number }>();
  for (const jurorId of new Set(all.map((s) => s.jurorId))) {
    jurorStats.set(jurorId, stats(all.filter((s) => s.jurorId === jurorId).map((s) => s.totalTenths)));
  }
  const normalised = (sheet: ScoredSheet): number => {
    const juror = jurorStats.get(sheet.jurorId)!;
    const z = juror.sd === 0 ? 0 : (sheet.totalTenths / 10 - juror.mean) / juror.sd;
    return pool.mean + pool.sd * z;
  };
  return new Map(
    [...byEntry].map(([code, sheets]) => [
      code,
      (sheets.reduce((sum, s) => sum + normalised(s), 0) / sheets.length).toFixed(2),
    ]),
  );
}

/** Ranks each group by exact average, best first; ties share a rank and list by entry code. */
function ranked(unranked: EntryResult[]): EntryResult[] {
  return productGroups.flatMap((group) => {
    const sorted = unranked
      .filter((e) => e.group === group)
      .sort((a, b) => compareAverages(b, a) || byCodeUnits(a.code, b.code));
    // Equal averages sit side by side in that order: a tie keeps the rank of the first of them.
    let rank = 0;
    return sorted.map((entry, i) => {
      if (i === 0 || compareAverages(sorted[i - 1], entry) !== 0) rank = i + 1;
      return { ...entry, rank };
    });
  });
}

/** A round's results from its score sheets: refused while any entry's panel is defective or a sheet is missing. */
export function deriveResults(
  round: ResultsRound,
  sheets: ScoreSheet[],
  normalisation: Normalisation = 'none',
): RoundResults {
  checkCriteriaConfig(round.criteria);
  const byEntry = scoredSheetsByEntry(round, sheets);
  const normalised = normalisation === 'juror-z-score' ? normalisedAverages(byEntry) : null;
  const entries = ranked(
    round.entries.map((entry) => {
      const entrySheets = byEntry.get(entry.code)!;
      const sumTenths = entrySheets.reduce((sum, s) => sum + s.totalTenths, 0);
      return {
        code: entry.code,
        group: entry.group,
        sheetCount: entrySheets.length,
        sumTenths,
        average: displayAverage(sumTenths, entrySheets.length),
        passed: passes(sumTenths, entrySheets.length),
        rank: 0,
        normalisedAverage: normalised?.get(entry.code) ?? null,
      };
    }),
  );
  const count = (list: EntryResult[]) => ({
    entries: list.length,
    passed: list.filter((e) => e.passed).length,
    failed: list.filter((e) => !e.passed).length,
  });
  return {
    entries,
    groups: productGroups.map((group) => ({ group, ...count(entries.filter((e) => e.group === group)) })),
    totals: { ...count(entries), sheets: sheets.length },
  };
}

/** What anyone can check the published figures against. Bump the version with any change to the derivation. */
export const RESULTS_ALGORITHM = {
  name: 'kc-awards-jury-average',
  version: '1.0.0',
  description: {
    vi:
      'Điểm tính theo phần mười điểm (355 = 35,5 điểm). Tổng điểm một phiếu = tổng điểm các tiêu chí (hoặc tiêu chí thành phần). ' +
      'Mỗi sản phẩm chỉ tính phiếu của các giám khảo trong danh sách chấm sản phẩm đó (giám khảo có xung đột lợi ích đã từ chối chấm). ' +
      'Sản phẩm đạt khi tổng điểm các phiếu ≥ 700 × số phiếu, tức điểm trung bình ≥ 70, so sánh chính xác không làm tròn. ' +
      'Điểm trung bình hiển thị = tổng ÷ (10 × số phiếu), làm tròn nửa lên đến hai chữ số thập phân. ' +
      'Xếp hạng trong từng nhóm sản phẩm theo điểm trung bình chính xác giảm dần; sản phẩm bằng điểm cùng hạng, liệt kê theo mã sản phẩm. ' +
      'Điểm chuẩn hóa (khi có) chỉ để tham khảo: điểm mỗi phiếu được quy về thang chung bằng điểm z theo từng giám khảo rồi theo trung bình và độ lệch chuẩn của toàn vòng; điểm này không thay đổi điểm trung bình, kết quả đạt hay thứ hạng.',
    en:
      'Scores are in tenths of a point (355 = 35.5 points). A sheet totals its criteria (or sub-criteria). ' +
      'Each entry counts only the sheets of its panel (jurors with a conflict of interest recused themselves). ' +
      'An entry passes when its sheets sum to at least 700 × the number of sheets, i.e. an average of at least 70, compared exactly without rounding. ' +
      'The displayed average is the sum ÷ (10 × sheets), rounded half-up to two decimals. ' +
      'Entries are ranked within their product group by exact average, best first; equal averages share a rank and are listed by entry code. ' +
      "The normalised average (when present) is informative only: each sheet's total becomes a z-score within its juror's totals, rescaled to the mean and standard deviation of all the round's totals; it changes no average, pass or rank.",
  },
} as const;

export interface PublishedEntry {
  code: string;
  group: ProductGroup;
  /** The pseudonyms whose sheets count for this entry, sorted: a substitute looks like any other juror. */
  panel: string[];
}

export interface PublishedSheet {
  juror: string;
  entryCode: string;
  scoresTenths: SheetScores<number>;
  totalTenths: number;
}

export interface PublishedResult {
  format: 'kc-awards-result';
  formatVersion: 1;
  round: { id: string; level: JudgingLevel };
  criteria: CriteriaConfig;
  algorithm: { name: string; version: string; description: Bilingual; normalisation: Normalisation };
  entries: PublishedEntry[];
  sheets: PublishedSheet[];
  results: RoundResults;
}

/**
 * JSON with keys sorted by UTF-16 code units at every level and no whitespace (RFC 8785's key order). Numbers
 * must be safe integers: every figure is published as integer tenths or as a string, so no float formatting
 * can differ between verifiers.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort(byCodeUnits);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw resultsError(
    `Kết quả công bố chỉ chứa chuỗi, số nguyên, giá trị đúng/sai, null, mảng và đối tượng; gặp ${String(value)}`,
    `A published result holds only strings, integers, booleans, null, arrays and objects; found ${String(value)}`,
    'not-canonical',
    'document',
  );
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Pseudonyms GK-01, GK-02… in the order of HMAC-SHA-256(key, round id ‖ juror id). Without the key (a service
 * secret, never published) nobody can map a pseudonym to a juror id, even knowing every id on the jury; the round
 * id in the MAC makes GK-01 of one round unrelated to GK-01 of another. Sorting by juror id instead would let
 * anyone who knows the ids undo it. Deterministic, so publishing twice gives the same bytes.
 */
function pseudonyms(roundId: string, jurorIds: string[], key: string | Uint8Array): Map<string, string> {
  const tags = [...new Set(jurorIds)].map((id) => ({
    id,
    tag: createHmac('sha256', key).update(`${roundId}\u0000${id}`, 'utf8').digest('hex'),
  }));
  tags.sort((a, b) => byCodeUnits(a.tag, b.tag));
  const width = Math.max(2, String(tags.length).length);
  return new Map(tags.map(({ id }, i) => [id, `GK-${String(i + 1).padStart(width, '0')}`]));
}

/** Bytes of key material the pseudonyms need to be unguessable. */
export const MIN_PSEUDONYM_KEY_BYTES = 32;

function assemble(
  round: ResultsRound,
  sheets: ScoredSheet[],
  normalisation: Normalisation,
  results: RoundResults,
): PublishedResult {
  return {
    format: 'kc-awards-result',
    formatVersion: 1,
    round: { id: round.id, level: round.level },
    criteria: round.criteria,
    algorithm: { ...RESULTS_ALGORITHM, normalisation },
    entries: [...round.entries]
      .sort((a, b) => byCodeUnits(a.code, b.code))
      .map((e) => ({ code: e.code, group: e.group, panel: [...e.panel.jurorIds].sort(byCodeUnits) })),
    sheets: [...sheets]
      .sort((a, b) => byCodeUnits(a.entryCode, b.entryCode) || byCodeUnits(a.jurorId, b.jurorId))
      .map((s) => ({
        juror: s.jurorId,
        entryCode: s.entryCode,
        scoresTenths: s.scoresTenths,
        totalTenths: s.totalTenths,
      })),
    results,
  };
}

export interface Publication {
  document: PublishedResult;
  /** The exact bytes to publish (UTF-8). */
  canonical: string;
  sha256: string;
}

/**
 * The result document to publish: the round, its criteria, the algorithm, the sheets under pseudonyms and the
 * figures derived from exactly those sheets. Recusals and substitutions are left out: naming who recused from
 * which entry would tell which pseudonym is missing from that entry's panel.
 */
export function publishedResult(
  round: ResultsRound,
  sheets: ScoreSheet[],
  options: { pseudonymKey: string | Uint8Array; normalisation?: Normalisation },
): Publication {
  const normalisation = options.normalisation ?? 'none';
  const keyBytes =
    typeof options.pseudonymKey === 'string'
      ? Buffer.byteLength(options.pseudonymKey, 'utf8')
      : options.pseudonymKey.length;
  if (keyBytes < MIN_PSEUDONYM_KEY_BYTES) {
    throw resultsError(
      `Khóa tạo bí danh giám khảo phải dài ít nhất ${MIN_PSEUDONYM_KEY_BYTES} byte`,
      `The juror pseudonym key must be at least ${MIN_PSEUDONYM_KEY_BYTES} bytes`,
      'weak-pseudonym-key',
      'pseudonymKey',
    );
  }
  // Derived once under real ids, so a refusal names the juror the secretary knows.
  deriveResults(round, sheets, normalisation);
  const names = pseudonyms(
    round.id,
    round.entries.flatMap((e) => e.panel.jurorIds),
    options.pseudonymKey,
  );
  const anonymous: ResultsRound = {
    ...round,
    entries: round.entries.map((e) => ({
      ...e,
      panel: {
        entryCode: e.code,
        jurorIds: e.panel.jurorIds.map((id) => names.get(id)!),
        recusedIds: [],
        substituteIds: [],
      },
    })),
  };
  const anonymousSheets = sheets.map((s) => ({ ...s, jurorId: names.get(s.jurorId)! }));
  // The published figures come from the very computation a verifier repeats on the published sheets.
  const document = rebuild(anonymous, anonymousSheets, normalisation);
  const canonical = canonicalJson(document);
  return { document, canonical, sha256: sha256Hex(canonical) };
}

function rebuild(round: ResultsRound, sheets: ScoreSheet[], normalisation: Normalisation): PublishedResult {
  const results = deriveResults(round, sheets, normalisation);
  return assemble(
    round,
    sheets.map((s) => scoreSheet(round.criteria, s)),
    normalisation,
    results,
  );
}

export interface Difference {
  /** The entry the mismatch is about, or null for a round-wide figure. */
  entryCode: string | null;
  /** The pseudonym, for a mismatch in one sheet. */
  juror: string | null;
  field: string;
  published: unknown;
  recomputed: unknown;
}

export interface RecomputeReport {
  matches: boolean;
  /** SHA-256 of the document's canonical bytes, to compare with the announced one; null if it has none. */
  sha256: string | null;
  differences: Difference[];
}

const messageOf = (error: unknown): string =>
  error instanceof DomainError ? error.messages.en : error instanceof Error ? error.message : String(error);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Compares the named fields of two records, recording each mismatch. */
function compareFields<T extends object>(
  published: T,
  recomputed: T,
  fields: (keyof T & string)[],
  at: { entryCode: string | null; prefix: string },
  differences: Difference[],
): void {
  for (const field of fields) {
    if (published[field] !== recomputed[field]) {
      differences.push({
        entryCode: at.entryCode,
        juror: null,
        field: `${at.prefix}${field}`,
        published: published[field],
        recomputed: recomputed[field],
      });
    }
  }
}

/**
 * Re-derives every total, average, pass and rank of a published result from its own sheets and names each
 * figure that differs. A document that matches figure by figure must also match byte for byte once rebuilt.
 */
export function recompute(published: unknown): RecomputeReport {
  const differences: Difference[] = [];
  const report = (sha256: string | null): RecomputeReport => ({
    matches: differences.length === 0,
    sha256,
    differences,
  });
  const fail = (
    field: string,
    recomputed: unknown,
    entryCode: string | null = null,
    juror: string | null = null,
  ) => differences.push({ entryCode, juror, field, published: null, recomputed });

  let sha256: string | null = null;
  try {
    sha256 = sha256Hex(canonicalJson(published));
  } catch (error) {
    fail('document', messageOf(error));
  }
  const doc = published as PublishedResult;
  if (
    !isRecord(published) ||
    doc.format !== 'kc-awards-result' ||
    doc.formatVersion !== 1 ||
    !isRecord(doc.round) ||
    !isRecord(doc.criteria) ||
    !isRecord(doc.algorithm) ||
    !Array.isArray(doc.entries) ||
    !Array.isArray(doc.sheets) ||
    !isRecord(doc.results)
  ) {
    fail('format', 'not a kc-awards-result document, format version 1');
    return report(sha256);
  }
  if (doc.algorithm.name !== RESULTS_ALGORITHM.name || doc.algorithm.version !== RESULTS_ALGORITHM.version) {
    differences.push({
      entryCode: null,
      juror: null,
      field: 'algorithm',
      published: `${doc.algorithm.name} ${doc.algorithm.version}`,
      recomputed: `${RESULTS_ALGORITHM.name} ${RESULTS_ALGORITHM.version}`,
    });
    return report(sha256);
  }

  let sheetsValid = true;
  for (const sheet of doc.sheets) {
    try {
      const { totalTenths } = scoreSheet(doc.criteria, {
        jurorId: sheet.juror,
        entryCode: sheet.entryCode,
        scoresTenths: sheet.scoresTenths,
      });
      if (totalTenths !== sheet.totalTenths) {
        differences.push({
          entryCode: sheet.entryCode,
          juror: sheet.juror,
          field: 'sheets.totalTenths',
          published: sheet.totalTenths,
          recomputed: totalTenths,
        });
      }
    } catch (error) {
      sheetsValid = false;
      const field = error instanceof DomainError ? `sheets.${error.field ?? 'scoresTenths'}` : 'sheets';
      fail(field, messageOf(error), sheet?.entryCode ?? null, sheet?.juror ?? null);
    }
  }
  // Figures cannot be derived from a sheet the rules refuse; the refusal names it.
  if (!sheetsValid) return report(sha256);

  const round: ResultsRound = {
    id: doc.round.id,
    level: doc.round.level,
    criteria: doc.criteria,
    entries: doc.entries.map((e) => ({
      code: e.code,
      group: e.group,
      panel: { entryCode: e.code, jurorIds: e.panel, recusedIds: [], substituteIds: [] },
    })),
  };
  const sheets = doc.sheets.map((s) => ({
    jurorId: s.juror,
    entryCode: s.entryCode,
    scoresTenths: s.scoresTenths,
  }));
  let rebuilt: PublishedResult;
  try {
    rebuilt = rebuild(round, sheets, doc.algorithm.normalisation);
  } catch (error) {
    fail(error instanceof DomainError ? error.code : 'derivation', messageOf(error));
    return report(sha256);
  }

  const publishedEntries = new Map((doc.results.entries ?? []).map((e) => [e.code, e]));
  for (const entry of rebuilt.results.entries) {
    const mine = publishedEntries.get(entry.code);
    if (!mine) {
      fail('results.entries', 'present', entry.code);
      continue;
    }
    compareFields(
      mine,
      entry,
      ['group', 'sheetCount', 'sumTenths', 'average', 'passed', 'rank', 'normalisedAverage'],
      { entryCode: entry.code, prefix: 'results.' },
      differences,
    );
  }
  for (const code of publishedEntries.keys()) {
    if (!rebuilt.results.entries.some((e) => e.code === code)) {
      differences.push({
        entryCode: code,
        juror: null,
        field: 'results.entries',
        published: 'present',
        recomputed: null,
      });
    }
  }
  for (const group of rebuilt.results.groups) {
    const mine = (doc.results.groups ?? []).find((g) => g.group === group.group) ?? ({} as GroupResult);
    compareFields(
      mine,
      group,
      ['entries', 'passed', 'failed'],
      { entryCode: null, prefix: `results.groups.${group.group}.` },
      differences,
    );
  }
  compareFields(
    doc.results.totals ?? ({} as RoundResults['totals']),
    rebuilt.results.totals,
    ['entries', 'passed', 'failed', 'sheets'],
    { entryCode: null, prefix: 'results.totals.' },
    differences,
  );

  if (differences.length === 0 && sha256 !== null) {
    // Every figure agrees; anything else (order, extra fields, labels) must agree too for the bytes to.
    const rebuiltSha = sha256Hex(canonicalJson(rebuilt));
    if (rebuiltSha !== sha256) {
      differences.push({
        entryCode: null,
        juror: null,
        field: 'document',
        published: sha256,
        recomputed: rebuiltSha,
      });
    }
  }
  return report(sha256);
}
