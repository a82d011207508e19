import {
  conferenceFigures,
  conferenceProjectStatuses,
  type ConferenceProjectStatus as ProjectStatus,
} from '@kc/contracts';
import { addArtisanTitles, zeroArtisanTitles, type ArtisanTitleCounts } from './artisan-figures';
import {
  addAwardCertificates,
  addAwardCounts,
  zeroAwardCertificates,
  zeroAwardCounts,
  type AwardCertificateDelta,
  type AwardCertificateFigures,
  type AwardCounts,
  type AwardCountsDelta,
} from './award-figures';
import { safeAdd } from './exact-sum';
import { COMPLETED, IN_PLAN } from './project-stages';

type AdditiveUnitFigure = Extract<
  (typeof conferenceFigures)[number],
  { in: 'units'; measure: 'count' | 'vnd' | 'centi-ha' }
>;

/**
 * The additive figures a conference report gives per provincial unit (counts, integer VND, hundredths of a
 * hectare), as defined once.
 */
export const FIGURE_KEYS = conferenceFigures
  .filter(
    (figure): figure is AdditiveUnitFigure =>
      figure.in === 'units' &&
      (figure.measure === 'count' || figure.measure === 'vnd' || figure.measure === 'centi-ha'),
  )
  .map((figure) => figure.key);

export type FigureKey = (typeof FIGURE_KEYS)[number];
export type StatusCounts = Record<ProjectStatus, number>;
export type Figures = Record<FigureKey, number> & {
  projectsByStatus: StatusCounts;
  awardEntries: AwardCounts;
  awardPasses: AwardCounts;
  awardCertificates: AwardCertificateFigures;
  artisanTitlesConferred: ArtisanTitleCounts;
};
/** What one fact adds: any of the figures, counts for some statuses, award facts, artisan titles. */
export type FigureDelta = Partial<Record<FigureKey, number>> & {
  projectsByStatus?: Partial<StatusCounts>;
  awardEntries?: AwardCountsDelta;
  awardPasses?: AwardCountsDelta;
  awardCertificates?: AwardCertificateDelta;
  artisanTitlesConferred?: Partial<ArtisanTitleCounts>;
};

export function zeroStatusCounts(): StatusCounts {
  return Object.fromEntries(conferenceProjectStatuses.map((status) => [status, 0])) as StatusCounts;
}

export function zeroFigures(): Figures {
  return {
    ...(Object.fromEntries(FIGURE_KEYS.map((key) => [key, 0])) as Record<FigureKey, number>),
    projectsByStatus: zeroStatusCounts(),
    awardEntries: zeroAwardCounts(),
    awardPasses: zeroAwardCounts(),
    awardCertificates: zeroAwardCertificates(),
    artisanTitlesConferred: zeroArtisanTitles(),
  };
}

/** Adds `more` into `into`; a sum that a number cannot hold exactly is an error, never a rounded figure. */
export function addFigures(into: Figures, more: FigureDelta): Figures {
  // A delta names few of the figures: the others would add 0.
  for (const key of FIGURE_KEYS) {
    const value = more[key];
    if (value !== undefined) into[key] = safeAdd(key, into[key], value);
  }
  const byStatus = more.projectsByStatus;
  if (byStatus !== undefined) {
    for (const status of conferenceProjectStatuses) {
      const value = byStatus[status];
      if (value !== undefined)
        into.projectsByStatus[status] = safeAdd(status, into.projectsByStatus[status], value);
    }
  }
  if (more.awardEntries !== undefined) addAwardCounts(into.awardEntries, more.awardEntries);
  if (more.awardPasses !== undefined) addAwardCounts(into.awardPasses, more.awardPasses);
  if (more.awardCertificates !== undefined)
    addAwardCertificates(into.awardCertificates, more.awardCertificates);
  if (more.artisanTitlesConferred !== undefined)
    addArtisanTitles(into.artisanTitlesConferred, more.artisanTitlesConferred);
  return into;
}

/** The year's projects of one status recorded under one code, with their money (read from the projection). */
export interface ProjectGroupFigures {
  status: ProjectStatus;
  count: number;
  requestedSupportVnd: number;
  appraisedSupportVnd: number;
  allocatedVnd: number;
  contractedVnd: number;
  advancedVnd: number;
  paidVnd: number;
  settledVnd: number;
  counterpartVnd: number;
}

/** What a group of projects of one status adds to the figures: counts by stage, and all their money. */
export function projectFigures(group: ProjectGroupFigures): FigureDelta {
  const { status, count } = group;
  return {
    projects: count,
    projectsByStatus: { [status]: count },
    projectsInPlan: IN_PLAN.has(status) ? count : 0,
    projectsCompleted: COMPLETED.has(status) ? count : 0,
    requestedSupportVnd: group.requestedSupportVnd,
    appraisedSupportVnd: group.appraisedSupportVnd,
    allocatedVnd: group.allocatedVnd,
    contractedVnd: group.contractedVnd,
    advancedVnd: group.advancedVnd,
    paidVnd: group.paidVnd,
    settledVnd: group.settledVnd,
    counterpartVnd: group.counterpartVnd,
  };
}
