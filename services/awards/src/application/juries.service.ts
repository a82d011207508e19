import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AwardCouncilView,
  DeclareRecusalRequest,
  EntryPanelView,
  NameSubstituteRequest,
  Principal,
  RecusalView,
  SetAwardCouncilRequest,
} from '@kc/contracts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { checkCouncil, checkJury, councilSizeLimits, entryPanel, panelDefect } from '../domain/council';
import { assertState } from '../domain/round-state';
import {
  AwardCouncilMemberEntity,
  AwardJuryMemberEntity,
} from '../infrastructure/persistence/award-council.entity';
import { AwardEntryEntity } from '../infrastructure/persistence/award-entry.entity';
import { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import {
  AwardRecusalEntity,
  AwardScoreSheetEntity,
  AwardSubstitutionEntity,
} from '../infrastructure/persistence/award-scoring.entity';
import { assertRoundAuthority } from './round-access';
import { councilSetSummary, recusalSummary, substituteSummary } from './round-audit';
import { loadJudging, type RoundJudging } from './round-judging';
import { isSecretary, roundOfJuror, visibleRound } from './round-loading';

/** The domain names the council's ids `memberIds`; the request calls them `members`. */
function asField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof RuleViolationError && error.field === 'memberIds') {
      throw new RuleViolationError(error.messages, error.code, field);
    }
    throw error;
  }
}

export const entryNotFound = (entryId: string) =>
  new NotFoundError(
    { vi: `Vòng bình chọn không có sản phẩm dự thi ${entryId}`, en: `The round has no entry ${entryId}` },
    'award-entry.not-found',
  );

export async function entryOfRound(manager: EntityManager, roundId: string, entryId: string) {
  const entry = await manager.getRepository(AwardEntryEntity).findOneBy({ id: entryId, roundId });
  if (!entry) throw entryNotFound(entryId);
  return entry;
}

/** The secretary, or staff of the round's authority: who follows a round's panels and progress. */
export function assertSecretaryOrAuthority(principal: Principal, round: AwardRoundEntity): void {
  if (!isSecretary(principal, round)) assertRoundAuthority(principal, round);
}

export function panelView(judging: RoundJudging, entry: AwardEntryEntity): EntryPanelView {
  const panel = judging.panels.get(entry.id)!;
  const defect = panelDefect(panel);
  return {
    entryId: entry.id,
    entryCode: entry.code,
    jurorIds: panel.jurorIds,
    recusals: judging.recusals
      .filter((r) => r.entryId === entry.id)
      .map((r) => ({ memberId: r.memberId, reason: r.reason, declaredAt: r.declaredAt.toISOString() })),
    substituteIds: panel.substituteIds,
    defect: defect && { code: defect.code, messages: defect.messages },
  };
}

/** The council, its secretary and jury; recusals by jurors and the secretary's substitutes. */
@Injectable()
export class JuriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Replaces the council while the round takes entries: once scoring starts, who scores is fixed. */
  async setCouncil(
    principal: Principal,
    id: string,
    request: SetAwardCouncilRequest,
  ): Promise<AwardCouncilView> {
    return this.dataSource.transaction(async (manager) => {
      const round = await visibleRound(manager, principal, id, 'update');
      assertRoundAuthority(principal, round);
      assertState(round.state, 'entries-open', { vi: 'thành lập hội đồng', en: 'set the council' });
      const council = asField('members', () =>
        checkCouncil({ level: round.level, memberIds: request.members.map((m) => m.userId) }),
      );
      checkJury(council, request.jurorIds);
      await manager.getRepository(AwardJuryMemberEntity).delete({ roundId: id });
      await manager.getRepository(AwardCouncilMemberEntity).delete({ roundId: id });
      await manager
        .getRepository(AwardCouncilMemberEntity)
        .insert(request.members.map((m) => ({ roundId: id, userId: m.userId, displayName: m.displayName })));
      await manager
        .getRepository(AwardJuryMemberEntity)
        .insert(request.jurorIds.map((userId) => ({ roundId: id, userId })));
      await manager
        .getRepository(AwardRoundEntity)
        .update(
          { id },
          { secretaryUserId: request.secretary.userId, secretaryName: request.secretary.displayName },
        );
      await this.outbox.audit(manager, {
        action: 'award-round.set-council',
        resourceType: 'award-round',
        resourceId: id,
        provinceCode: round.provinceCode,
        summary: councilSetSummary(
          round.name,
          request.members.length,
          request.jurorIds.length,
          request.secretary.displayName,
        ),
      });
      return this.councilView(manager, {
        ...round,
        secretaryUserId: request.secretary.userId,
        secretaryName: request.secretary.displayName,
      });
    });
  }

  async council(principal: Principal, id: string): Promise<AwardCouncilView> {
    const manager = this.dataSource.manager;
    const round = await visibleRound(manager, principal, id);
    assertSecretaryOrAuthority(principal, round);
    return this.councilView(manager, round);
  }

  /** Each entry's panel with its recusals and substitutes, and why it cannot be finalised yet, if so. */
  async panels(principal: Principal, id: string): Promise<{ items: EntryPanelView[] }> {
    const manager = this.dataSource.manager;
    const round = await visibleRound(manager, principal, id);
    assertSecretaryOrAuthority(principal, round);
    const judging = await loadJudging(manager, round);
    return { items: judging.entries.map((entry) => panelView(judging, entry)) };
  }

  /**
   * A juror declares a conflict of interest with an entry while the round is in scoring: they leave its panel,
   * and a sheet they already gave for it is withdrawn (it must not count).
   */
  async recuse(
    principal: Principal,
    id: string,
    entryId: string,
    request: DeclareRecusalRequest,
  ): Promise<RecusalView> {
    return this.dataSource.transaction(async (manager) => {
      const round = await roundOfJuror(manager, principal, id, 'update');
      const onJury = await manager
        .getRepository(AwardJuryMemberEntity)
        .existsBy({ roundId: id, userId: principal.id });
      if (!onJury) {
        throw new ForbiddenError(
          {
            vi: 'Chỉ giám khảo trong ban giám khảo từ chối chấm; người chấm thay có xung đột lợi ích báo thư ký hội đồng',
            en: 'Only a juror on the jury recuses; a substitute with a conflict of interest tells the council secretary',
          },
          'award-recusal.not-on-jury',
        );
      }
      const entry = await entryOfRound(manager, id, entryId);
      assertState(round.state, 'scoring', { vi: 'từ chối chấm', en: 'recuse from an entry' });
      const recusals = manager.getRepository(AwardRecusalEntity);
      if (await recusals.existsBy({ entryId, memberId: principal.id })) {
        throw new ConflictError(
          {
            vi: `Bạn đã từ chối chấm sản phẩm ${entry.code}`,
            en: `You have already recused from entry ${entry.code}`,
          },
          'award-recusal.already-declared',
        );
      }
      const declaredAt = new Date();
      await recusals.insert({
        entryId,
        memberId: principal.id,
        roundId: id,
        reason: request.reason,
        declaredAt,
      });
      const withdrawn = await manager
        .getRepository(AwardScoreSheetEntity)
        .delete({ entryId, jurorId: principal.id });
      const sheetWithdrawn = (withdrawn.affected ?? 0) > 0;
      await this.outbox.audit(manager, {
        action: 'award-entry.recuse',
        resourceType: 'award-entry',
        resourceId: entryId,
        provinceCode: round.provinceCode,
        summary: recusalSummary(entry.code, sheetWithdrawn),
      });
      return {
        roundId: id,
        entryId,
        entryCode: entry.code,
        memberId: principal.id,
        reason: request.reason,
        declaredAt: declaredAt.toISOString(),
        sheetWithdrawn,
      };
    });
  }

  /** The secretary names a council member outside the jury to score an entry in a recused juror's place. */
  async substitute(
    principal: Principal,
    id: string,
    entryId: string,
    request: NameSubstituteRequest,
  ): Promise<EntryPanelView> {
    return this.dataSource.transaction(async (manager) => {
      const round = await visibleRound(manager, principal, id, 'update');
      if (!isSecretary(principal, round)) {
        throw new ForbiddenError(
          {
            vi: 'Chỉ thư ký hội đồng bình chọn của vòng này chỉ định người chấm thay',
            en: "Only the round's council secretary names substitutes",
          },
          'award-council.not-secretary',
        );
      }
      const entry = await entryOfRound(manager, id, entryId);
      assertState(round.state, 'scoring', { vi: 'chỉ định người chấm thay', en: 'name a substitute' });
      const judging = await loadJudging(manager, round);
      // The domain judges eligibility (a council member outside the jury, no conflict, one per recusal).
      const panel = entryPanel({
        council: judging.council,
        jurorIds: judging.jurorIds,
        entryCode: entry.code,
        recusals: judging.recusals
          .filter((r) => r.entryId === entryId)
          .map((r) => ({ entryCode: entry.code, memberId: r.memberId })),
        substitutions: [
          ...judging.substitutions
            .filter((s) => s.entryId === entryId)
            .map((s) => ({ entryCode: entry.code, substituteId: s.substituteId })),
          { entryCode: entry.code, substituteId: request.substituteId },
        ],
      });
      const namedAt = new Date();
      await manager.getRepository(AwardSubstitutionEntity).insert({
        entryId,
        substituteId: request.substituteId,
        roundId: id,
        namedBy: principal.name,
        namedAt,
      });
      const substitute = judging.members.find((m) => m.userId === request.substituteId)!;
      await this.outbox.audit(manager, {
        action: 'award-entry.name-substitute',
        resourceType: 'award-entry',
        resourceId: entryId,
        provinceCode: round.provinceCode,
        summary: substituteSummary(entry.code, substitute.displayName),
      });
      judging.panels.set(entryId, panel);
      return panelView(judging, entry);
    });
  }

  private async councilView(manager: EntityManager, round: AwardRoundEntity): Promise<AwardCouncilView> {
    const [members, jurors] = await Promise.all([
      manager
        .getRepository(AwardCouncilMemberEntity)
        .find({ where: { roundId: round.id }, order: { userId: 'ASC' } }),
      manager
        .getRepository(AwardJuryMemberEntity)
        .find({ where: { roundId: round.id }, order: { userId: 'ASC' } }),
    ]);
    const jurorIds = jurors.map((j) => j.userId);
    const jury = new Set(jurorIds);
    return {
      roundId: round.id,
      sizeLimits: councilSizeLimits[round.level],
      members: members.map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        onJury: jury.has(m.userId),
      })),
      secretary:
        round.secretaryUserId && round.secretaryName
          ? { userId: round.secretaryUserId, displayName: round.secretaryName }
          : null,
      jurorIds,
    };
  }
}
