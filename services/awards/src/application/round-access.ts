import { assertMayActFor, maySee, provinceScope } from '@kc/auth';
import type { Principal } from '@kc/contracts';

export interface RoundListScope {
  /** Only these rounds (a juror's); undefined for no such limit. */
  roundIds?: string[];
  /** Only rounds of these provinces (null standing for regional and national rounds); undefined for all. */
  provinces?: (string | null)[];
}

const isJuror = (principal: Principal) => principal.role === 'juror';

/**
 * Which rounds a list may return. A juror sees only the rounds they sit on; a province officer their own
 * province's rounds and the regional and national rounds, which belong to no province; asking for another
 * province's rounds is refused rather than silently answered with nothing.
 */
export function roundListScope(principal: Principal, requested: string | undefined): RoundListScope {
  if (isJuror(principal)) {
    return {
      roundIds: principal.roundIds ?? [],
      ...(requested === undefined ? {} : { provinces: [requested] }),
    };
  }
  if (requested !== undefined) {
    assertMayActFor(principal, requested);
    return { provinces: [requested] };
  }
  const own = provinceScope(principal);
  return own === null ? {} : { provinces: [own, null] };
}

/** Whether the caller may see this round; a round they may not see is answered like a missing one. */
export function maySeeRound(
  principal: Principal,
  round: { id: string; provinceCode: string | null },
): boolean {
  if (isJuror(principal)) return (principal.roundIds ?? []).includes(round.id);
  return maySee(principal, round.provinceCode);
}
