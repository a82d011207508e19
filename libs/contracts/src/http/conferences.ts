import { z } from 'zod';
import { COVERAGE_START } from '@kc/reference-data';
import { activityContentCode, isoDate, provinceCode, vnd, year } from '../primitives';
import { ruleIssue, say } from '../messages';
import { projectStatuses, type ProjectStatus } from '../events/projects/vocabulary';
import { awardCertificateIssuedV1 } from '../events/awards/certificate-issued/v1/schema';
import { artisanTitles, type ArtisanTitle } from './artisan-titles';
import { conferenceFigureDefinition } from './conference-figures';

export const conferenceGroupings = ['current', 'historical'] as const;
export type ConferenceGrouping = (typeof conferenceGroupings)[number];

/**
 * Which approved cluster reports of the year the "reported" cluster figures sum: by default each cluster's annual
 * report when approved, else its six-monthly one; or that one period only.
 */
export const conferenceClusterPeriods = ['annual-else-six-monthly', 'annual', 'six-monthly'] as const;
export type ConferenceClusterPeriod = (typeof conferenceClusterPeriods)[number];

const firstCoveredYear = Number(COVERAGE_START.slice(0, 4));

/** `historical` reads the units of 1 January of `year`: the provincial data must cover that day. */
export function refineHistoricalYear(
  request: { year: number; grouping: ConferenceGrouping },
  ctx: z.RefinementCtx,
): void {
  if (request.grouping === 'historical' && request.year < firstCoveredYear) {
    ctx.addIssue({
      ...ruleIssue(
        'not-before-coverage',
        `phải từ ${firstCoveredYear} trở đi khi grouping=historical (dữ liệu cấp tỉnh bắt đầu từ ${COVERAGE_START})`,
        `must be ${firstCoveredYear} or later for grouping=historical (provincial data starts ${COVERAGE_START})`,
      ),
      path: ['year'],
    });
  }
}

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
    clusterPeriod: z.enum(conferenceClusterPeriods).default('annual-else-six-monthly'),
  })
  .superRefine(refineHistoricalYear);
export type ConferenceQuery = z.infer<typeof conferenceQuery>;

export const conferenceRegions = ['north', 'central', 'south'] as const;
export type ConferenceRegion = (typeof conferenceRegions)[number];

export const regionalConferenceParams = z.strictObject({ region: z.enum(conferenceRegions) });
export type RegionalConferenceParams = z.infer<typeof regionalConferenceParams>;

/** A number of things counted: never negative. */
const count = z.number().int().min(0);
/**
 * Allocated VND nets the decisions' changes against what stopped projects gave back: a stop's release can be
 * read before the allocation it returns, so a figure may be negative for a moment.
 */
const netVnd = z.number().int();
/** completed ÷ in the plan in percent, one decimal; null when nothing is in the plan. */
const percent = z.number().min(0).max(100).nullable();
/** Leased ÷ leasable land in percent, one decimal: a record may give more leased than leasable land. */
const occupancyPercent = z.number().min(0).nullable();

const projectsByStatus = z.object(
  Object.fromEntries(projectStatuses.map((status) => [status, count])) as Record<ProjectStatus, typeof count>,
);

/** The award levels, commune to national, as the certificate events name them. */
export const conferenceAwardLevels = awardCertificateIssuedV1.payload.shape.level.options;
export type ConferenceAwardLevel = (typeof conferenceAwardLevels)[number];

/**
 * Award facts counted twice over: by level and by product group (each side adds up to the same number).
 * `byGroup` is keyed by the product group as the awards events name it; a group with none is absent.
 */
export const conferenceAwardCounts = z.object({
  byLevel: z.object(
    Object.fromEntries(conferenceAwardLevels.map((level) => [level, count])) as Record<
      ConferenceAwardLevel,
      typeof count
    >,
  ),
  byGroup: z.record(z.string(), count),
});
export type ConferenceAwardCounts = z.infer<typeof conferenceAwardCounts>;

/**
 * The award certificates of the unit's holders (the unit recorded on the day of issue, placed like every other
 * fact of the row).
 */
export const conferenceAwardCertificates = z.object({
  /** Issued in the year (by issue date), at every level; withdrawn ones included. */
  issued: conferenceAwardCounts,
  /** Valid on 31 December of the year, whatever year they were issued in: valid until then, not withdrawn by then. */
  validAtYearEnd: count,
});
export type ConferenceAwardCertificates = z.infer<typeof conferenceAwardCertificates>;

/** Artisan titles conferred in the year on the unit's nominees, per title (Meritorious, People's Artisan). */
export const conferenceArtisanTitles = z.object(
  Object.fromEntries(artisanTitles.map((title) => [title, count])) as Record<ArtisanTitle, typeof count>,
);
export type ConferenceArtisanTitles = z.infer<typeof conferenceArtisanTitles>;

/**
 * What one provincial unit (or the unattributed remainder, or the total) did in the year. Every field means
 * the same in a row, in `unattributed` and in `totals`, so totals = sum of rows + unattributed. Each field is
 * defined once, with its Vietnamese and English label, in `conferenceFigures` (the report's `glossary`).
 */
export const conferenceFiguresView = z.object({
  provincialPlans: count,
  provincialPlanBudgetVnd: vnd,
  projects: count,
  projectsByStatus,
  projectsInPlan: count,
  projectsCompleted: count,
  completionPercent: percent,
  requestedSupportVnd: vnd,
  appraisedSupportVnd: vnd,
  allocatedVnd: netVnd,
  contractedVnd: vnd,
  advancedVnd: vnd,
  paidVnd: vnd,
  settledVnd: vnd,
  counterpartVnd: vnd,
  /** The cluster registry as of now (removed clusters excluded), whatever the year. */
  clustersRegistered: count,
  clustersPlanned: count,
  clustersEstablished: count,
  clustersOperating: count,
  /** Areas in hundredths of a hectare, summed exactly. */
  clusterTotalAreaCentiHa: count,
  clusterLeasableAreaCentiHa: count,
  clusterLeasedAreaCentiHa: count,
  clusterOccupancyPercent: occupancyPercent,
  clustersWithWastewaterPlant: count,
  wastewaterCoveragePercent: percent,
  clusterProjects: count,
  clusterFirms: count,
  clusterWorkers: count,
  /** The sums of the year's approved cluster reports (one per cluster, see `clusterPeriod`). */
  clusterReports: count,
  clusterReportsAnnual: count,
  clusterReportsLate: count,
  reportedTotalAreaCentiHa: count,
  reportedLeasableAreaCentiHa: count,
  reportedLeasedAreaCentiHa: count,
  reportedOccupancyPercent: occupancyPercent,
  reportedClustersWithWastewaterPlant: count,
  reportedWastewaterCoveragePercent: percent,
  reportedProjects: count,
  reportedFirms: count,
  reportedWorkers: count,
  fairsHosted: count,
  provincialAwardRounds: count,
  boothsAllocated: count,
  boothsSupported: count,
  boothSupportVnd: vnd,
  /** Entries in the year's award rounds from the unit's facilities (the unit recorded on the day of entry). */
  awardEntries: conferenceAwardCounts,
  /** Of those rounds' published results, the entries that passed, counted for the entrant's unit. */
  awardPasses: conferenceAwardCounts,
  awardCertificates: conferenceAwardCertificates,
  artisanTitlesConferred: conferenceArtisanTitles,
});
export type ConferenceFigures = z.infer<typeof conferenceFiguresView>;

export const conferenceUnitRow = conferenceFiguresView.extend({
  code: provinceCode,
  nameVi: z.string(),
  regionCode: z.enum(conferenceRegions),
});
export type ConferenceUnitRow = z.infer<typeof conferenceUnitRow>;

/** The unit figures summed, and the figures of no province (null where a regional report has none). */
export const conferenceTotals = conferenceFiguresView.extend({
  nationalPlans: count.nullable(),
  nationalPlanBudgetVnd: vnd.nullable(),
  plansAllLevels: count,
  planBudgetAllLevelsVnd: vnd,
  regionalAwardRounds: count,
  nationalAwardRounds: count.nullable(),
  awardRoundsAllLevels: count,
});
export type ConferenceTotals = z.infer<typeof conferenceTotals>;

/** One activity content (1–9) of the report's scope: a project with several contents counts under each. */
export const conferenceContentRow = z.object({
  activityContent: activityContentCode,
  nameVi: z.string(),
  nameEn: z.string(),
  projects: count,
  projectsInPlan: count,
  projectsCompleted: count,
  completionPercent: percent,
  allocatedVnd: netVnd,
  contractedVnd: vnd,
  advancedVnd: vnd,
  paidVnd: vnd,
  settledVnd: vnd,
  counterpartVnd: vnd,
});
export type ConferenceContentRow = z.infer<typeof conferenceContentRow>;

/** One indicator of the provincial departments' periodic reports (the forms' catalogue, in form order). */
export const reportedIndicatorDefinition = z.object({
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  kind: z.enum(['entered', 'ratio']),
  /** Ratios are in basis points (62,5 % = 6250). */
  measure: z.enum(['count', 'vnd', 'basis-points']),
  /** What a broken-down indicator is entered by (`content-3`, `national`); empty when entered once. */
  members: z.array(z.object({ key: z.string(), labelVi: z.string(), labelEn: z.string() })),
});
export type ReportedIndicatorDefinition = z.infer<typeof reportedIndicatorDefinition>;

/**
 * Sums of approved report figures: per entered indicator its total (VND or a count, exact), per broken-down one
 * its members, and the ratios in basis points computed from these totals (never an average of rates).
 */
export const reportedIndicatorFigures = z.object({
  totals: z.record(z.string(), vnd),
  members: z.record(z.string(), z.record(z.string(), vnd)),
  ratios: z.record(z.string(), count.nullable()),
});
export type ReportedIndicatorFigures = z.infer<typeof reportedIndicatorFigures>;

/** The report a unit's year figure comes from: its figures are year-to-date up to `cutOff`. */
export const reportedIndicatorSource = z.object({
  formId: z.string(),
  period: z.string(),
  cutOff: isoDate,
  approvedVersion: z.number().int().min(1),
  /** Reopened for correction: this approved version counts until a correction is approved. */
  underCorrection: z.boolean(),
});

/** A unit that owes the year's reports, as it was then; `report` null: none approved (it adds nothing). */
export const reportingUnitView = z.object({
  code: provinceCode,
  nameVi: z.string(),
  regionCode: z.enum(conferenceRegions),
  /** The row its figures are in: itself, or (grouping=current) the unit of today that holds it. */
  countedIn: provinceCode,
  report: reportedIndicatorSource.nullable(),
});

/** Figures null: none of the area's reporting units has an approved report (not a zero). */
const reportedArea = z.object({
  expected: count,
  reported: count,
  figures: reportedIndicatorFigures.nullable(),
});

/**
 * The indicators the provincial departments reported (approved periodic reports), beside the platform's own
 * figures: a unit's year figure is its approved annual report, else its approved six-monthly or quarterly report
 * with the latest cut-off (year-to-date). Rows follow the report's grouping; regions and the total sum the same
 * rows. Reporting units are those in force on the year's last day (today while the year runs).
 */
export const conferenceReportedIndicators = z.object({
  /** Periodic reports exist on the platform for periods ending on or after this day. */
  departmentFormsFrom: isoDate,
  reportingUnitsAsOf: isoDate,
  unitsAsOf: isoDate,
  indicators: z.array(reportedIndicatorDefinition),
  reportingUnits: z.array(reportingUnitView),
  units: z.array(
    z.object({
      code: provinceCode,
      nameVi: z.string(),
      regionCode: z.enum(conferenceRegions),
      reportedBy: z.array(provinceCode),
      missing: z.array(provinceCode),
      figures: reportedIndicatorFigures.nullable(),
    }),
  ),
  regions: z.array(
    reportedArea.extend({ code: z.enum(conferenceRegions), nameVi: z.string(), nameEn: z.string() }),
  ),
  total: reportedArea,
});
export type ConferenceReportedIndicators = z.infer<typeof conferenceReportedIndicators>;

/** GET /api/v1/conferences/national and /regional/:region. */
export const conferenceReport = z.object({
  scope: z.enum(['national', 'regional']),
  region: z.object({ code: z.enum(conferenceRegions), nameVi: z.string(), nameEn: z.string() }).nullable(),
  year,
  grouping: z.enum(conferenceGroupings),
  /** Which approved cluster reports of the year the reported cluster figures sum. */
  clusterPeriod: z.enum(conferenceClusterPeriods),
  /** The date whose provincial units the rows show: today (current) or 1 January of the year (historical). */
  unitsAsOf: isoDate,
  generatedAt: z.iso.datetime(),
  /** Every unit of the scope on `unitsAsOf`, zeros included, by code. */
  units: z.array(conferenceUnitRow),
  /**
   * Facts that no unit of the rows can hold: with grouping=historical, clusters recorded (or reports made) under a
   * unit created after `unitsAsOf` (a merged unit cannot be split back). Always zero with grouping=current.
   */
  unattributed: conferenceFiguresView,
  totals: conferenceTotals,
  /** The scope's projects per activity content (1–9, zeros included); these rows overlap, they do not add up. */
  byContent: z.array(conferenceContentRow),
  /** What each figure counts, in Vietnamese and English (the same table as GET /api/v1/conferences/figures). */
  glossary: z.array(conferenceFigureDefinition),
  /** The figures the provincial departments reported in their approved periodic reports. */
  reportedIndicators: conferenceReportedIndicators,
});
export type ConferenceReport = z.infer<typeof conferenceReport>;

/** The lifecycle statuses the figures count projects by (those of the projects events). */
export const conferenceProjectStatuses = projectStatuses;
export type ConferenceProjectStatus = ProjectStatus;
