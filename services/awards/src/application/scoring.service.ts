import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type {
  AssignmentView,
  ListAssignmentsQuery,
  Page,
  Principal,
  PutScoreSheetRequest,
  ScoreSheetView,
  ScoringProgressView,
} from '@kc/contracts';
import { ForbiddenError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { sql } from '@kc/persistence';
import { assertState } from '../domain/round-state';
import { scoreSheet, sheetInTenths } from '../domain/scoring';
import { AwardEntryEntity } from '../infrastructure/persistence/award-entry.entity';
import { AwardScoreSheetEntity } from '../infrastructure/persistence/award-scoring.entity';
import { entryViews } from './entry-views';
import { assertSecretaryOrAuthority, entryNotFound, entryOfRound } from './juries.service';
import { sheetSummary } from './round-audit';
import { loadJudging } from './round-judging';
import { roundOfJuror, visibleRound } from './round-loading';

/**
 * The entries of a round assigned to a juror: those whose panel holds them — on the jury and not recused from
 * the entry, or named its substitute.
 */
const ASSIGNED = `
  e.round_id = $1 AND (
    (EXISTS (SELECT 1 FROM award_jury_member j WHERE j.round_id = e.round_id AND j.user_id = $2)
     AND NOT EXISTS (SELECT 1 FROM award_recusal r WHERE r.entry_id = e.id AND r.member_id = $2))
    OR EXISTS (SELECT 1 FROM award_substitution s WHERE s.entry_id = e.id AND s.substitute_id = $2))`;

/** Whether the entry is assigned to the juror: on its panel, as ASSIGNED says (recused jurors are not). */
export async function isAssigned(
  manager: EntityManager,
  roundId: string,
  jurorId: string,
  entryId: string,
): Promise<boolean> {
  const [row] = await sql<{ assigned: boolean }>(
    manager,
    `SELECT EXISTS (SELECT 1 FROM award_entry e WHERE e.id = $3 AND ${ASSIGNED}) AS assigned`,
    [roundId, jurorId, entryId],
  );
  return row.assigned;
}

const sheetView = (sheet: AwardScoreSheetEntity, entryCode: string): ScoreSheetView => ({
  roundId: sheet.roundId,
  entryId: sheet.entryId,
  entryCode,
  scoresTenths: sheet.scoresTenths,
  totalTenths: sheet.totalTenths,
  updatedAt: sheet.updatedAt.toISOString(),
});

/**
 * Blind scoring. A juror reaches only the entries assigned to them and only their own sheets: no route takes
 * another juror's id, and nothing here reads another juror's sheet for a juror.
 */
@Injectable()
export class ScoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async assignments(
    principal: Principal,
    id: string,
    query: ListAssignmentsQuery,
  ): Promise<Page<AssignmentView>> {
    const manager = this.dataSource.manager;
    await roundOfJuror(manager, principal, id);
    const [{ total }] = await sql<{ total: number }>(
      manager,
      `SELECT count(*)::int AS total FROM award_entry e WHERE ${ASSIGNED}`,
      [id, principal.id],
    );
    const ids = await sql<{ id: string }>(
      manager,
      `SELECT e.id FROM award_entry e WHERE ${ASSIGNED} ORDER BY e.code LIMIT $3 OFFSET $4`,
      [id, principal.id, query.limit, (query.page - 1) * query.limit],
    );
    const entries =
      ids.length === 0
        ? []
        : await manager
            .getRepository(AwardEntryEntity)
            .find({ where: { id: In(ids.map((row) => row.id)) }, order: { code: 'ASC' } });
    const sheets =
      entries.length === 0
        ? []
        : await manager
            .getRepository(AwardScoreSheetEntity)
            .find({ where: { entryId: In(entries.map((e) => e.id)), jurorId: principal.id } });
    const views = await entryViews(manager, entries);
    return {
      items: views.map((entry) => {
        const sheet = sheets.find((s) => s.entryId === entry.id);
        return { entry, sheet: sheet ? sheetView(sheet, entry.code) : null };
      }),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** The caller's own sheet; 404 for an entry not assigned to them or not scored yet. */
  async sheet(principal: Principal, id: string, entryId: string): Promise<ScoreSheetView> {
    const manager = this.dataSource.manager;
    await roundOfJuror(manager, principal, id);
    const entry = await this.assignedEntry(manager, principal, id, entryId);
    const sheet = await manager
      .getRepository(AwardScoreSheetEntity)
      .findOneBy({ entryId, jurorId: principal.id });
    if (!sheet) {
      throw new NotFoundError(
        { vi: `Bạn chưa chấm sản phẩm ${entry.code}`, en: `You have not scored entry ${entry.code} yet` },
        'award-sheet.not-found',
      );
    }
    return sheetView(sheet, entry.code);
  }

  /** Gives or replaces the caller's sheet while the round is in scoring, checked against the round's criteria. */
  async putSheet(
    principal: Principal,
    id: string,
    entryId: string,
    request: PutScoreSheetRequest,
  ): Promise<ScoreSheetView> {
    return this.dataSource.transaction(async (manager) => {
      // Shared: sheets go in side by side, but not while a recusal, the close or the publication holds the round.
      const round = await roundOfJuror(manager, principal, id, 'share');
      const entry = await this.assignedEntry(manager, principal, id, entryId);
      assertState(round.state, 'scoring', { vi: 'chấm điểm', en: 'score an entry' });
      const { scoresTenths, totalTenths } = scoreSheet(
        round.criteria,
        sheetInTenths(round.criteria, {
          jurorId: principal.id,
          entryCode: entry.code,
          scores: request.scores,
        }),
      );
      const now = new Date();
      const [saved] = await sql<{ submitted_at: Date; updated_at: Date }>(
        manager,
        `INSERT INTO award_score_sheet
           (entry_id, juror_id, round_id, scores_tenths, total_tenths, submitted_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (entry_id, juror_id)
         DO UPDATE SET scores_tenths = EXCLUDED.scores_tenths, total_tenths = EXCLUDED.total_tenths,
                       updated_at = EXCLUDED.updated_at
         RETURNING submitted_at, updated_at`,
        [entryId, principal.id, id, JSON.stringify(scoresTenths), totalTenths, now],
        { inTransaction: true },
      );
      await this.outbox.audit(manager, {
        action: 'award-entry.score',
        resourceType: 'award-entry',
        resourceId: entryId,
        provinceCode: round.provinceCode,
        summary: sheetSummary(entry.code),
      });
      return {
        roundId: id,
        entryId,
        entryCode: entry.code,
        scoresTenths,
        totalTenths,
        updatedAt: saved.updated_at.toISOString(),
      };
    });
  }

  /** Sheets done over sheets assigned, per juror and substitute: counts only, never a score. */
  async progress(principal: Principal, id: string): Promise<ScoringProgressView> {
    const manager = this.dataSource.manager;
    const round = await visibleRound(manager, principal, id);
    assertSecretaryOrAuthority(principal, round);
    const judging = await loadJudging(manager, round);
    const done = await sql<{ entry_id: string; juror_id: string }>(
      manager,
      `SELECT entry_id, juror_id FROM award_score_sheet WHERE round_id = $1`,
      [id],
    );
    const scored = new Set(done.map((d) => `${d.entry_id}\u0000${d.juror_id}`));
    const scorers = judging.members.filter(
      (m) =>
        judging.jurorIds.includes(m.userId) || judging.substitutions.some((s) => s.substituteId === m.userId),
    );
    const jurors = scorers.map((m) => {
      const assigned = judging.entries.filter((e) => judging.panels.get(e.id)!.jurorIds.includes(m.userId));
      return {
        userId: m.userId,
        displayName: m.displayName,
        assigned: assigned.length,
        done: assigned.filter((e) => scored.has(`${e.id}\u0000${m.userId}`)).length,
      };
    });
    return {
      roundId: id,
      state: round.state,
      jurors,
      totals: {
        assigned: jurors.reduce((sum, j) => sum + j.assigned, 0),
        done: jurors.reduce((sum, j) => sum + j.done, 0),
      },
    };
  }

  /**
   * The entry if the caller is on its panel. A recused juror is told so (403): they know the entry. Anyone
   * else hears exactly what a missing entry answers (404), so the ids of other entries tell nothing.
   */
  private async assignedEntry(
    manager: EntityManager,
    principal: Principal,
    roundId: string,
    entryId: string,
  ) {
    const entry = await entryOfRound(manager, roundId, entryId);
    const [row] = await sql<{ assigned: boolean; recused: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM award_entry e WHERE e.id = $3 AND ${ASSIGNED}) AS assigned,
              EXISTS (SELECT 1 FROM award_recusal WHERE entry_id = $3 AND member_id = $2) AS recused`,
      [roundId, principal.id, entryId],
    );
    if (row.recused) {
      throw new ForbiddenError(
        {
          vi: `Bạn đã từ chối chấm sản phẩm ${entry.code} do xung đột lợi ích`,
          en: `You recused from entry ${entry.code} for a conflict of interest`,
        },
        'award-sheet.recused',
      );
    }
    if (!row.assigned) throw entryNotFound(entryId);
    return entry;
  }
}
