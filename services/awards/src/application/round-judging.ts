import type { EntityManager } from 'typeorm';
import { entryPanel, type Council, type EntryPanel } from '../domain/council';
import type { ResultsRound } from '../domain/results';
import type { ScoreSheet } from '../domain/scoring';
import {
  AwardCouncilMemberEntity,
  AwardJuryMemberEntity,
} from '../infrastructure/persistence/award-council.entity';
import { AwardEntryEntity } from '../infrastructure/persistence/award-entry.entity';
import type { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import {
  AwardRecusalEntity,
  AwardScoreSheetEntity,
  AwardSubstitutionEntity,
} from '../infrastructure/persistence/award-scoring.entity';

/** Everything that says who scores what in a round: the council, its jury, the entries and their panels. */
export interface RoundJudging {
  council: Council;
  members: AwardCouncilMemberEntity[];
  jurorIds: string[];
  entries: AwardEntryEntity[];
  /** By entry id: the jury minus the recused plus the substitutes (council.ts `entryPanel`). */
  panels: Map<string, EntryPanel>;
  recusals: AwardRecusalEntity[];
  substitutions: AwardSubstitutionEntity[];
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export async function loadJudging(manager: EntityManager, round: AwardRoundEntity): Promise<RoundJudging> {
  const roundId = round.id;
  const [members, jury, entries, recusals, substitutions] = await Promise.all([
    manager.getRepository(AwardCouncilMemberEntity).find({ where: { roundId }, order: { userId: 'ASC' } }),
    manager.getRepository(AwardJuryMemberEntity).find({ where: { roundId }, order: { userId: 'ASC' } }),
    manager.getRepository(AwardEntryEntity).find({ where: { roundId } }),
    manager.getRepository(AwardRecusalEntity).find({ where: { roundId }, order: { declaredAt: 'ASC' } }),
    manager.getRepository(AwardSubstitutionEntity).find({ where: { roundId }, order: { namedAt: 'ASC' } }),
  ]);
  entries.sort(byCode);
  const council: Council = { level: round.level, memberIds: members.map((m) => m.userId) };
  const jurorIds = jury.map((j) => j.userId);
  const codeOf = new Map(entries.map((e) => [e.id, e.code]));
  const panelInput = {
    council,
    jurorIds,
    recusals: recusals.map((r) => ({ entryCode: codeOf.get(r.entryId)!, memberId: r.memberId })),
    substitutions: substitutions.map((s) => ({
      entryCode: codeOf.get(s.entryId)!,
      substituteId: s.substituteId,
    })),
  };
  const panels = new Map(entries.map((e) => [e.id, entryPanel({ ...panelInput, entryCode: e.code })]));
  return { council, members, jurorIds, entries, panels, recusals, substitutions };
}

/** The round as the results are derived from it, and its sheets keyed by entry code. */
export async function resultsInput(
  manager: EntityManager,
  round: AwardRoundEntity,
  judging: RoundJudging,
): Promise<{ round: ResultsRound; sheets: ScoreSheet[] }> {
  const rows = await manager.getRepository(AwardScoreSheetEntity).find({ where: { roundId: round.id } });
  const codeOf = new Map(judging.entries.map((e) => [e.id, e.code]));
  return {
    round: {
      id: round.id,
      level: round.level,
      criteria: round.criteria,
      entries: judging.entries.map((e) => ({
        code: e.code,
        group: e.productGroup,
        panel: judging.panels.get(e.id)!,
      })),
    },
    sheets: rows.map((s) => ({
      jurorId: s.jurorId,
      entryCode: codeOf.get(s.entryId)!,
      scoresTenths: s.scoresTenths,
    })),
  };
}
