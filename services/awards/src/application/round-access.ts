import { assertMayActFor, listProvinceFilter, maySee, provinceScope } from '@kc/auth';
import { awardLevelLabels, type AwardLevel, type Principal } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { unitsCoveredBy, type UnitReading } from '@kc/reference-data';
import { assertMayRunHistoric } from '../domain/historic-round';

export interface RoundListScope {
  /** Only the rounds this juror sits on, as the juries (and substitutions) record them; undefined for no such limit. */
  jurorId?: string;
  /** Only rounds of these provinces (null standing for regional and national rounds); undefined for all. */
  provinces?: (string | null)[];
}

export const isJuror = (principal: Principal) => principal.role === 'juror';

/**
 * Which rounds a list may return; a unit asked for matches the codes `unitsCoveredBy` gives. A juror sees only
 * the rounds whose jury they sit on (or where they substitute for an entry) — the awards database says which,
 * not the token; a province officer their own unit's (and its predecessors') rounds and the regional and
 * national rounds, which belong to no province; asking for another unit's rounds is refused rather than
 * silently answered with nothing.
 */
export function roundListScope(
  principal: Principal,
  requested: string | undefined,
  reading: UnitReading,
): RoundListScope {
  if (isJuror(principal)) {
    return {
      jurorId: principal.id,
      ...(requested === undefined ? {} : { provinces: unitsCoveredBy(requested, reading) }),
    };
  }
  const codes = listProvinceFilter(principal, requested, reading);
  if (codes === undefined) return {};
  return { provinces: requested === undefined ? [...codes, null] : codes };
}

const runByProvince = (level: AwardLevel) => level === 'provincial' || level === 'commune';

/**
 * The round's authority: the agency for every round, a province officer for their own province's provincial
 * and commune rounds. Regional and national rounds belong to no province, so "another province" would misstate
 * the rule: they are refused as the agency's.
 */
function assertAuthority(
  principal: Principal,
  round: { level: AwardLevel; provinceCode?: string | null },
  doing: { vi: string; en: string },
): void {
  if (!runByProvince(round.level) && provinceScope(principal) !== null) {
    throw new ForbiddenError(
      {
        vi:
          `Chỉ Cục ${doing.vi} vòng bình chọn ${awardLevelLabels[round.level]}; Sở Công Thương chỉ ${doing.vi} ` +
          'vòng cấp tỉnh và cấp xã của tỉnh mình',
        en:
          `only the agency may ${doing.en} a ${round.level} award round; a province officer may ${doing.en} only ` +
          "their own province's provincial and commune rounds",
      },
      'award-round.agency-level',
      'level',
    );
  }
  assertMayActFor(principal, round.provinceCode ?? null);
}

export const assertMayOpenRound = (
  principal: Principal,
  round: { level: AwardLevel; provinceCode?: string | null },
) => assertAuthority(principal, round, { vi: 'mở', en: 'open' });

/**
 * Moving a round on, setting its council, following its progress: the same authority that opens it — the agency
 * alone for a historic round.
 */
export const assertRoundAuthority = (
  principal: Principal,
  round: { level: AwardLevel; provinceCode: string | null; historic?: boolean },
) => {
  if (round.historic) assertMayRunHistoric(principal);
  assertAuthority(principal, round, { vi: 'điều hành', en: 'run' });
};

/**
 * Whether the caller may see this round; a round they may not see is answered like a missing one. `sitsOn`:
 * whether the caller is on the round's jury or substitutes in it (what decides for a juror).
 */
export function maySeeRound(
  principal: Principal,
  round: { provinceCode: string | null },
  sitsOn = false,
): boolean {
  if (isJuror(principal)) return sitsOn;
  return maySee(principal, round.provinceCode);
}
