import { z } from 'zod';
import { COVERAGE_START } from '@kc/reference-data';
import { year } from '../primitives';
import { ruleIssue, say } from '../messages';
import { projectStatuses, type ProjectStatus } from '../events/projects/vocabulary';
import type { ConferenceFigureDefinition } from './conference-figures';

export const conferenceGroupings = ['current', 'historical'] as const;
export type ConferenceGrouping = (typeof conferenceGroupings)[number];

const firstCoveredYear = Number(COVERAGE_START.slice(0, 4));

/**
 * Query of GET /api/v1/conferences/national and /regional/:region. `grouping=current` (default) rolls every
 * fact up to today's provincial units; `historical` shows the units as they were on 1 January of `year`.
 */
export const conferenceQuery = z
  .strictObject({
    year: z.coerce
      .number({ message: say('phải là một năm, ví dụ 2026', 'must be a year such as 2026') })
      .pipe(year),
    grouping: z.enum(conferenceGroupings).default('current'),
  })
  .superRefine((query, ctx) => {
    if (query.grouping === 'historical' && query.year < firstCoveredYear) {
      ctx.addIssue({
        ...ruleIssue(
          'not-before-coverage',
          `phải từ ${firstCoveredYear} trở đi khi grouping=historical (dữ liệu cấp tỉnh bắt đầu từ ${COVERAGE_START})`,
          `must be ${firstCoveredYear} or later for grouping=historical (provincial data starts ${COVERAGE_START})`,
        ),
        path: ['year'],
      });
    }
  });
export type ConferenceQuery = z.infer<typeof conferenceQuery>;

export const conferenceRegions = ['north', 'central', 'south'] as const;
export type ConferenceRegion = (typeof conferenceRegions)[number];

export const regionalConferenceParams = z.strictObject({ region: z.enum(conferenceRegions) });
export type RegionalConferenceParams = z.infer<typeof regionalConferenceParams>;

/**
 * What one provincial unit (or the unattributed remainder, or the total) did in the year. Every field means
 * the same in a row, in `unattributed` and in `totals`, so totals = sum of rows + unattributed. Each field is
 * defined once, with its Vietnamese and English label, in `conferenceFigures` (the report's `glossary`).
 */
export interface ConferenceFigures {
  provincialPlans: number;
  provincialPlanBudgetVnd: number;
  projects: number;
  projectsByStatus: Record<ProjectStatus, number>;
  projectsInPlan: number;
  projectsCompleted: number;
  completionPercent: number | null;
  requestedSupportVnd: number;
  appraisedSupportVnd: number;
  allocatedVnd: number;
  contractedVnd: number;
  advancedVnd: number;
  paidVnd: number;
  settledVnd: number;
  counterpartVnd: number;
  clustersRegistered: number;
  fairsHosted: number;
  provincialAwardRounds: number;
  boothsAllocated: number;
  boothsSupported: number;
  boothSupportVnd: number;
}

export interface ConferenceUnitRow extends ConferenceFigures {
  code: string;
  nameVi: string;
  regionCode: ConferenceRegion;
}

/** The unit figures summed, and the figures of no province (null where a regional report has none). */
export interface ConferenceTotals extends ConferenceFigures {
  nationalPlans: number | null;
  nationalPlanBudgetVnd: number | null;
  plansAllLevels: number;
  planBudgetAllLevelsVnd: number;
  regionalAwardRounds: number;
  nationalAwardRounds: number | null;
  awardRoundsAllLevels: number;
}

/** One activity content (1–9) of the report's scope: a project with several contents counts under each. */
export interface ConferenceContentRow {
  activityContent: number;
  nameVi: string;
  nameEn: string;
  projects: number;
  projectsInPlan: number;
  projectsCompleted: number;
  completionPercent: number | null;
  allocatedVnd: number;
  contractedVnd: number;
  advancedVnd: number;
  paidVnd: number;
  settledVnd: number;
  counterpartVnd: number;
}

export interface ConferenceReport {
  scope: 'national' | 'regional';
  region: { code: ConferenceRegion; nameVi: string; nameEn: string } | null;
  year: number;
  grouping: ConferenceGrouping;
  /** The date whose provincial units the rows show: today (current) or 1 January of the year (historical). */
  unitsAsOf: string;
  generatedAt: string;
  /** Every unit of the scope on `unitsAsOf`, zeros included, by code. */
  units: ConferenceUnitRow[];
  /**
   * Facts that no unit of the rows can hold: with grouping=historical, clusters registered under a unit created
   * after `unitsAsOf` (a merged unit cannot be split back). Always zero with grouping=current.
   */
  unattributed: ConferenceFigures;
  totals: ConferenceTotals;
  /** The scope's projects per activity content (1–9, zeros included); these rows overlap, they do not add up. */
  byContent: ConferenceContentRow[];
  /** What each figure counts, in Vietnamese and English (the same table as GET /api/v1/conferences/figures). */
  glossary: ConferenceFigureDefinition[];
}

/** The lifecycle statuses the figures count projects by (those of the projects events). */
export const conferenceProjectStatuses = projectStatuses;
export type ConferenceProjectStatus = ProjectStatus;
