import { z } from 'zod';
import { COVERAGE_START } from '@kc/reference-data';
import { year } from '../primitives';
import { projectStatuses, type ProjectStatus } from '../events/projects/vocabulary';

export const conferenceGroupings = ['current', 'historical'] as const;
export type ConferenceGrouping = (typeof conferenceGroupings)[number];

const firstCoveredYear = Number(COVERAGE_START.slice(0, 4));

/**
 * Query of GET /api/v1/conferences/national and /regional/:region. `grouping=current` (default) rolls every
 * fact up to today's provincial units; `historical` shows the units as they were on 1 January of `year`.
 */
export const conferenceQuery = z
  .strictObject({
    year: z.coerce.number({ message: 'must be a year such as 2026' }).pipe(year),
    grouping: z.enum(conferenceGroupings).default('current'),
  })
  .superRefine((query, ctx) => {
    if (query.grouping === 'historical' && query.year < firstCoveredYear) {
      ctx.addIssue({
        code: 'custom',
        path: ['year'],
        message: `must be ${firstCoveredYear} or later for grouping=historical (provincial data starts ${COVERAGE_START})`,
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
 * the same in a row, in `unattributed` and in `totals`, so totals = sum of rows + unattributed.
 */
export interface ConferenceFigures {
  /** Provincial plans (KCĐP) of the year and their budget ceilings. */
  plans: number;
  planBudgetVnd: number;
  /** Projects under the year's plans (in the unit the project was recorded in): all of them, and by status. */
  projects: number;
  projectsByStatus: Record<ProjectStatus, number>;
  /** Projects in the plan: allocated by a decision (in-plan or further along), stopped and rejected excluded. */
  projectsInPlan: number;
  /** Of them, accepted, liquidated or settled. */
  projectsCompleted: number;
  /** projectsCompleted ÷ projectsInPlan in percent, one decimal (99.6); null when no project is in the plan. */
  completionPercent: number | null;
  /** Support requested by all of the year's projects, and what the ministry-level appraisal accepted. */
  requestedSupportVnd: number;
  appraisedSupportVnd: number;
  /** Money of the year's projects: allocated by decisions, contracted, advances outstanding, paid, settled. */
  allocatedVnd: number;
  contractedVnd: number;
  advancedVnd: number;
  paidVnd: number;
  settledVnd: number;
  /** The counterpart funds (vốn đối ứng) the beneficiaries put in, per the projects' budget split. */
  counterpartVnd: number;
  /** Industrial clusters registered as of now — clusters have no year. */
  clustersRegistered: number;
  /** Trade fairs of the year hosted in the unit. */
  fairs: number;
  /** Provincial award rounds of the year. */
  awardRounds: number;
  /**
   * Booths allocated to the unit's facilities at the year's fairs (any host, any level), cancellations taken
   * off; of them, those the provincial department certified (only these are supported) and their support.
   */
  boothsAllocated: number;
  boothsSupported: number;
  boothSupportVnd: number;
}

export interface ConferenceUnitRow extends ConferenceFigures {
  code: string;
  nameVi: string;
  regionCode: ConferenceRegion;
}

export interface ConferencePlanFigures {
  count: number;
  budgetVnd: number;
}

export interface ConferenceTotals extends ConferenceFigures {
  /** The national plan (KCQG) of the year: in no row. Null in a regional report: it is not one region's. */
  nationalPlan: ConferencePlanFigures | null;
  /** Provincial plans plus the national plan. */
  allPlans: ConferencePlanFigures;
  /** Regional award rounds of the year (a regional report counts only its own region's). */
  regionalAwardRounds: number;
  /** National award rounds of the year; null in a regional report. */
  nationalAwardRounds: number | null;
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
}

/** The lifecycle statuses the figures count projects by (those of the projects events). */
export const conferenceProjectStatuses = projectStatuses;
export type ConferenceProjectStatus = ProjectStatus;
