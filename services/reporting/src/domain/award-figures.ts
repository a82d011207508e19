import {
  conferenceAwardLevels,
  type ConferenceAwardLevel,
  type ConferenceAwardCertificates,
  type ConferenceAwardCounts,
} from '@kc/contracts';
import { safeAdd } from './exact-sum';

/**
 * Award facts counted by level and by product group (entries, passes, certificates issued). Groups are whatever
 * the events name, so a map: no name can collide with an object's keys.
 */
export interface AwardCounts {
  byLevel: Record<ConferenceAwardLevel, number>;
  byGroup: Map<string, number>;
}

/** What some facts add to `AwardCounts`; a whole `AwardCounts` is one too (a row added into the totals). */
export interface AwardCountsDelta {
  byLevel?: Partial<Record<ConferenceAwardLevel, number>>;
  byGroup?: ReadonlyMap<string, number>;
}

/** What the rows hold of the award certificates while facts are summed (see conferenceAwardCertificates). */
export interface AwardCertificateFigures {
  issued: AwardCounts;
  validAtYearEnd: number;
}

export interface AwardCertificateDelta {
  issued?: AwardCountsDelta;
  validAtYearEnd?: number;
}

export function zeroAwardCounts(): AwardCounts {
  const byLevel = Object.fromEntries(conferenceAwardLevels.map((level) => [level, 0]));
  return { byLevel: byLevel as Record<ConferenceAwardLevel, number>, byGroup: new Map() };
}

/** `count` facts of one level and product group: what one grouped row adds. */
export function awardCountsOf(
  level: ConferenceAwardLevel,
  productGroup: string,
  count: number,
): AwardCountsDelta {
  return { byLevel: { [level]: count }, byGroup: new Map([[productGroup, count]]) };
}

/** Adds `more` into `into`; a sum that a number cannot hold exactly is an error. */
export function addAwardCounts(into: AwardCounts, more: AwardCountsDelta): AwardCounts {
  for (const level of conferenceAwardLevels) {
    const value = more.byLevel?.[level];
    if (value !== undefined) into.byLevel[level] = safeAdd(level, into.byLevel[level], value);
  }
  for (const [group, value] of more.byGroup ?? []) {
    into.byGroup.set(group, safeAdd(group, into.byGroup.get(group) ?? 0, value));
  }
  return into;
}

/** As the view shows them: groups by name, so the same figures always serialise alike. */
export function awardCountsView(counts: AwardCounts): ConferenceAwardCounts {
  return {
    byLevel: { ...counts.byLevel },
    byGroup: Object.fromEntries([...counts.byGroup].sort(([a], [b]) => a.localeCompare(b))),
  };
}

export function zeroAwardCertificates(): AwardCertificateFigures {
  return { issued: zeroAwardCounts(), validAtYearEnd: 0 };
}

export function addAwardCertificates(
  into: AwardCertificateFigures,
  more: AwardCertificateDelta,
): AwardCertificateFigures {
  if (more.issued !== undefined) addAwardCounts(into.issued, more.issued);
  if (more.validAtYearEnd !== undefined) {
    into.validAtYearEnd = safeAdd('validAtYearEnd', into.validAtYearEnd, more.validAtYearEnd);
  }
  return into;
}

export function awardCertificatesView(figures: AwardCertificateFigures): ConferenceAwardCertificates {
  return { issued: awardCountsView(figures.issued), validAtYearEnd: figures.validAtYearEnd };
}
