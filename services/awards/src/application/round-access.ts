import { assertMayActFor, listProvinceFilter, maySee, provinceScope } from '@kc/auth';
import { awardLevelLabels, type AwardLevel, type Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { unitsCoveredBy, type UnitReading } from '@kc/reference-data';

export interface RoundListScope {
  /** Only these rounds (a juror's); undefined for no such limit. */
  roundIds?: string[];
  /** Only rounds of these provinces (null standing for regional and national rounds); undefined for all. */
  provinces?: (string | null)[];
}

const isJuror = (principal: Principal) => principal.role === 'juror';

/**
 * Which rounds a list may return; a unit asked for matches the codes `unitsCoveredBy` gives. A juror sees only
 * the rounds they sit on; a province officer their own unit's (and its predecessors') rounds and the regional
 * and national rounds, which belong to no province; asking for another unit's rounds is refused rather than
 * silently answered with nothing.
 */
export function roundListScope(
  principal: Principal,
  requested: string | undefined,
  reading: UnitReading,
): RoundListScope {
  if (isJuror(principal)) {
    return {
      roundIds: principal.roundIds ?? [],
      ...(requested === undefined ? {} : { provinces: unitsCoveredBy(requested, reading) }),
    };
  }
  const codes = listProvinceFilter(principal, requested, reading);
  if (codes === undefined) return {};
  return { provinces: requested === undefined ? [...codes, null] : codes };
}

/**
 * A province officer opens only their own province's provincial rounds; regional and national rounds are the
 * agency's (they belong to no province, so "another province" would misstate the rule).
 */
export function assertMayOpenRound(
  principal: Principal,
  round: { level: AwardLevel; provinceCode?: string | null },
): void {
  if (round.level !== 'provincial' && provinceScope(principal) !== null) {
    throw new ForbiddenError(
      {
        vi:
          `Chỉ Cục mở vòng bình chọn ${awardLevelLabels[round.level]}; Sở Công Thương chỉ mở vòng cấp tỉnh ` +
          'của tỉnh mình',
        en:
          `only the agency opens a ${round.level} award round; a province officer opens only their own ` +
          "province's provincial round",
      },
      'award-round.agency-level',
      'level',
    );
  }
  assertMayActFor(principal, round.provinceCode ?? null);
}

/** Whether the caller may see this round; a round they may not see is answered like a missing one. */
export function maySeeRound(
  principal: Principal,
  round: { id: string; provinceCode: string | null },
): boolean {
  if (isJuror(principal)) return (principal.roundIds ?? []).includes(round.id);
  return maySee(principal, round.provinceCode);
}
