import {
  conferenceFigures,
  type ConferenceContentRow,
  type ConferenceFigures,
  type ConferenceGrouping,
  type ConferenceReport,
} from '@kc/contracts';
import { activityContents, regions, vietnamDate, type RegionCode } from '@kc/reference-data';
import { artisanTitlesView } from '../domain/artisan-figures';
import { awardCertificatesView, awardCountsOf, awardCountsView } from '../domain/award-figures';
import { clusterRates, clusterRegistryFigures, clusterReportFigures } from '../domain/cluster-figures';
import { safeAdd } from '../domain/exact-sum';
import {
  addFigures,
  projectFigures,
  zeroFigures,
  type FigureDelta,
  type FigureKey,
  type Figures,
} from '../domain/figures';
import { reportedIndicators } from '../domain/periodic-reports/reported-indicators';
import { completionPercent } from '../domain/project-stages';
import { historicalUnitsDate } from '../domain/province-dates';
import { placements, rollUp, type RecordedFigures } from '../domain/roll-up';
import type { YearFacts } from './year-facts';

export interface ConferenceRequest {
  /** Null for the national conference. */
  region: RegionCode | null;
  year: number;
  grouping: ConferenceGrouping;
  now: Date;
}

/**
 * Turns one year's grouped facts into the conference view: provincial facts are rolled up to the units of the
 * chosen grouping; the national plan and regional/national award rounds belong to no province and only
 * appear in the totals. Each figure is computed here once, as `conferenceFigures` defines it.
 */
export function conferenceReport(facts: YearFacts, request: ConferenceRequest): ConferenceReport {
  const unitsAsOf =
    request.grouping === 'current' ? vietnamDate(request.now) : historicalUnitsDate(request.year);
  const recorded: RecordedFigures[] = [];
  const record = (group: { provinceCode: string | null; asOf: string | null }, figures: FigureDelta) => {
    if (group.provinceCode === null || group.asOf === null) {
      throw new Error(`a provincial fact has no province code or reading date: ${JSON.stringify(group)}`);
    }
    recorded.push({ provinceCode: group.provinceCode, asOf: group.asOf, figures });
  };

  let nationalPlans = 0;
  let nationalPlanBudgetVnd = 0;
  for (const group of facts.plans) {
    if (group.level === 'national') {
      nationalPlans = safeAdd('nationalPlans', nationalPlans, group.count);
      nationalPlanBudgetVnd = safeAdd('nationalPlanBudgetVnd', nationalPlanBudgetVnd, group.budgetVnd);
    } else {
      record(group, { provincialPlans: group.count, provincialPlanBudgetVnd: group.budgetVnd });
    }
  }
  for (const group of facts.projects) record(group, projectFigures(group));
  // The registry's clusters count for the unit their latest revision recorded; a report's for the unit it named
  // at its period's cut-off.
  for (const group of facts.clusterRegistry) record(group, clusterRegistryFigures(group));
  for (const group of facts.clusterReports) record(group, clusterReportFigures(group));
  for (const group of facts.fairs) record(group, { fairsHosted: group.count });
  // Booths count for the facility's unit, wherever the fair was held.
  for (const group of facts.booths) {
    record(group, {
      boothsAllocated: group.allocated,
      boothsSupported: group.supported,
      boothSupportVnd: group.supportVnd,
    });
  }

  // Entries and passes count for the entrant's unit, certificates for the holder's, whatever the round's level.
  for (const group of facts.awardEntries) {
    record(group, { awardEntries: awardCountsOf(group.level, group.productGroup, group.count) });
  }
  for (const group of facts.awardPasses) {
    record(group, { awardPasses: awardCountsOf(group.level, group.productGroup, group.count) });
  }
  for (const group of facts.certificatesIssued) {
    record(group, {
      awardCertificates: { issued: awardCountsOf(group.level, group.productGroup, group.count) },
    });
  }
  for (const group of facts.certificatesValid) {
    record(group, { awardCertificates: { validAtYearEnd: group.count } });
  }
  for (const group of facts.artisanTitles) {
    record(group, { artisanTitlesConferred: { [group.title]: group.count } });
  }

  let regionalAwardRounds = 0;
  let nationalAwardRounds = 0;
  for (const group of facts.awardRounds) {
    if (group.level === 'provincial') record(group, { provincialAwardRounds: group.count });
    else if (group.level === 'national')
      nationalAwardRounds = safeAdd('nationalAwardRounds', nationalAwardRounds, group.count);
    else if (request.region === null || group.regionCode === request.region)
      regionalAwardRounds = safeAdd('regionalAwardRounds', regionalAwardRounds, group.count);
  }

  const { units, unattributed } = rollUp(recorded, {
    unitsOn: unitsAsOf,
    region: request.region ?? undefined,
  });
  const provincial = units.reduce(
    (sum, unit) => addFigures(sum, unit),
    addFigures(zeroFigures(), unattributed),
  );
  const byContent = contentRows(facts, request, unitsAsOf);
  const national = request.region === null;
  // A regional report has no national facts: none in the all-levels figures, null where shown alone.
  const nationalOnly = (figure: number) => (national ? figure : 0);
  const sum = (name: string, ...parts: number[]) => parts.reduce((a, b) => safeAdd(name, a, b), 0);
  const region = regions.find((r) => r.code === request.region);

  return {
    scope: national ? 'national' : 'regional',
    region: region ? { code: region.code, nameVi: region.nameVi, nameEn: region.nameEn } : null,
    year: request.year,
    grouping: request.grouping,
    clusterPeriod: facts.clusterPeriod,
    unitsAsOf,
    generatedAt: request.now.toISOString(),
    units: units.map((unit) => ({ ...unit, ...withCompletion(unit) })),
    unattributed: withCompletion(unattributed),
    totals: {
      ...withCompletion(provincial),
      nationalPlans: national ? nationalPlans : null,
      nationalPlanBudgetVnd: national ? nationalPlanBudgetVnd : null,
      plansAllLevels: sum('plansAllLevels', provincial.provincialPlans, nationalOnly(nationalPlans)),
      planBudgetAllLevelsVnd: sum(
        'planBudgetAllLevelsVnd',
        provincial.provincialPlanBudgetVnd,
        nationalOnly(nationalPlanBudgetVnd),
      ),
      regionalAwardRounds,
      nationalAwardRounds: national ? nationalAwardRounds : null,
      awardRoundsAllLevels: sum(
        'awardRoundsAllLevels',
        provincial.provincialAwardRounds,
        regionalAwardRounds,
        nationalOnly(nationalAwardRounds),
      ),
    },
    byContent,
    glossary: [...conferenceFigures],
    // What the departments reported, beside the platform's own figures: rows of the same grouping.
    reportedIndicators: reportedIndicators(facts.approvedReports, {
      year: request.year,
      grouping: request.grouping,
      region: request.region,
      today: vietnamDate(request.now),
    }),
  };
}

/**
 * The additive figures as the view shows them, with the rates they give (the completion rate, the clusters'
 * occupancy and wastewater coverage): a rate is never summed, always recomputed.
 */
function withCompletion(figures: Figures): ConferenceFigures {
  return {
    ...figures,
    completionPercent: completionPercent(figures.projectsCompleted, figures.projectsInPlan),
    ...clusterRates(figures),
    awardEntries: awardCountsView(figures.awardEntries),
    awardPasses: awardCountsView(figures.awardPasses),
    awardCertificates: awardCertificatesView(figures.awardCertificates),
    artisanTitlesConferred: artisanTitlesView(figures.artisanTitlesConferred),
  };
}

/** What a content row shows of its projects' figures. */
const CONTENT_FIGURES = [
  'projects',
  'projectsInPlan',
  'projectsCompleted',
  'allocatedVnd',
  'contractedVnd',
  'advancedVnd',
  'paidVnd',
  'settledVnd',
  'counterpartVnd',
] as const satisfies readonly FigureKey[];
type ContentFigures = Record<(typeof CONTENT_FIGURES)[number], number>;

/** Per activity content, the projects of the report's scope (placed in a region as the unit rows place them). */
function contentRows(
  facts: YearFacts,
  request: ConferenceRequest,
  unitsAsOf: string,
): ConferenceContentRow[] {
  // Only the figures a row shows are summed: there are many more content groups than project groups.
  const sums = new Map<number, ContentFigures>(
    activityContents.map((content) => [
      content.code,
      Object.fromEntries(CONTENT_FIGURES.map((key) => [key, 0])) as ContentFigures,
    ]),
  );
  const placementOf = placements(unitsAsOf);
  for (const group of facts.contents) {
    const figures = sums.get(group.activityContent);
    if (!figures) throw new RangeError(`activity content ${group.activityContent} is not one of 1–9`);
    if (
      request.region !== null &&
      placementOf(group.provinceCode, group.asOf).counted.regionCode !== request.region
    )
      continue;
    const delta = projectFigures(group);
    for (const key of CONTENT_FIGURES) figures[key] = safeAdd(key, figures[key], delta[key] ?? 0);
  }
  return activityContents.map((content) => {
    const f = sums.get(content.code)!;
    return {
      activityContent: content.code,
      nameVi: content.nameVi,
      nameEn: content.nameEn,
      projects: f.projects,
      projectsInPlan: f.projectsInPlan,
      projectsCompleted: f.projectsCompleted,
      completionPercent: completionPercent(f.projectsCompleted, f.projectsInPlan),
      allocatedVnd: f.allocatedVnd,
      contractedVnd: f.contractedVnd,
      advancedVnd: f.advancedVnd,
      paidVnd: f.paidVnd,
      settledVnd: f.settledVnd,
      counterpartVnd: f.counterpartVnd,
    };
  });
}
