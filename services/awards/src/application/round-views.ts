import { awardDeadlineLabels, awardRoundStateLabels, type AwardRoundView } from '@kc/contracts';
import { In, type EntityManager } from 'typeorm';
import { awardRoundWarnings, awardScopeOf } from '../domain/award-round';
import { scopeLevelLabel } from '../domain/certificate';
import { roundDeadlines, type RoundSchedule } from '../domain/round-schedule';
import type { AwardRoundEntity } from '../infrastructure/persistence/award-round.entity';
import { AwardRoundResultEntity } from '../infrastructure/persistence/award-scoring.entity';

export const scheduleOf = (r: AwardRoundEntity): RoundSchedule | null =>
  r.entriesOpenOn && r.entriesCloseOn && r.scoringClosesOn
    ? { entriesOpenOn: r.entriesOpenOn, entriesCloseOn: r.entriesCloseOn, scoringClosesOn: r.scoringClosesOn }
    : null;

const announcementOf = (r: AwardRoundEntity) =>
  r.announcedOn && r.complaintsCloseOn && r.complaintAnswersDueBy
    ? {
        announcedOn: r.announcedOn,
        complaintsCloseOn: r.complaintsCloseOn,
        complaintAnswersDueBy: r.complaintAnswersDueBy,
      }
    : null;

export function roundView(r: AwardRoundEntity, resultSha256: string | null): AwardRoundView {
  const schedule = scheduleOf(r);
  return {
    id: r.id,
    name: r.name,
    year: r.year,
    level: r.level,
    levelLabel: scopeLevelLabel(awardScopeOf(r)),
    provinceCode: r.provinceCode,
    regionCode: r.regionCode,
    localUnitCode: r.localUnitCode,
    closesOn: r.closesOn,
    state: r.state,
    stateLabel: awardRoundStateLabels[r.state],
    schedule: schedule && {
      ...schedule,
      announcedOn: r.announcedOn,
      complaintsCloseOn: r.complaintsCloseOn,
      complaintAnswersDueBy: r.complaintAnswersDueBy,
      workingDayCalendar: r.calendarVersion,
    },
    deadlines: schedule
      ? roundDeadlines(schedule, announcementOf(r)).map((d) => ({ ...d, label: awardDeadlineLabels[d.kind] }))
      : [],
    criteria: r.criteria.criteria,
    quotaPerProvinceAndGroup: r.quotaPerProvinceAndGroup,
    resultSha256,
    warnings: awardRoundWarnings(r),
    historic: r.historic,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The views of `rounds`, each with its published result's SHA-256 if it has one. */
export async function roundViews(
  manager: EntityManager,
  rounds: AwardRoundEntity[],
): Promise<AwardRoundView[]> {
  const results =
    rounds.length === 0
      ? []
      : await manager.getRepository(AwardRoundResultEntity).find({
          select: { roundId: true, sha256: true },
          where: { roundId: In(rounds.map((r) => r.id)) },
        });
  const sha = new Map(results.map((r) => [r.roundId, r.sha256]));
  return rounds.map((r) => roundView(r, sha.get(r.id) ?? null));
}

export const oneRoundView = async (manager: EntityManager, round: AwardRoundEntity) =>
  (await roundViews(manager, [round]))[0];
