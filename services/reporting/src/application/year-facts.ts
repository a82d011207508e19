import type { ArtisanTitle, ConferenceAwardLevel, ConferenceClusterPeriod } from '@kc/contracts';
import type { ClusterRegistryFigures, ClusterReportFigures } from '../domain/cluster-figures';
import type { ProjectGroupFigures } from '../domain/figures';
import type { ApprovedReport } from '../domain/periodic-reports';

/** What the projections hold for one year, grouped by province code and the date that code is read on. */
interface Recorded {
  /** Null for facts that belong to no province (the national plan, regional and national award rounds). */
  provinceCode: string | null;
  asOf: string | null;
}

export interface PlanGroup extends Recorded {
  level: 'national' | 'provincial';
  count: number;
  budgetVnd: number;
}

/** The year's projects of one status recorded under one code and reading date, with their money. */
export interface ProjectGroup extends Recorded, ProjectGroupFigures {
  provinceCode: string;
  asOf: string;
}

/** The same, for the projects that list one activity content (a project with several is in several). */
export interface ContentGroup extends ProjectGroup {
  activityContent: number;
}

export interface CountGroup extends Recorded {
  count: number;
}

export interface AwardRoundGroup extends CountGroup {
  level: 'provincial' | 'regional' | 'national';
  regionCode: string | null;
}

/** Booths allocated to facilities of one code at the year's fairs, cancellations taken off. */
export interface BoothGroup extends Recorded {
  allocated: number;
  /** Of them, certified by the provincial department: the supported booths. */
  supported: number;
  supportVnd: number;
}

/**
 * Award facts of one level and product group recorded under one code and reading date: certificates issued in
 * the year (the holder's code as the awards service recorded it, read on the day of issue); entries in the
 * year's rounds and the passes among them (the entrant's code, read on the day of entry).
 */
export interface AwardCountGroup extends Recorded {
  provinceCode: string;
  asOf: string;
  level: ConferenceAwardLevel;
  productGroup: string;
  count: number;
}

/** Artisan titles of one kind conferred in the year on nominees of one code (read as the queries say). */
export interface ArtisanTitleGroup extends Recorded {
  provinceCode: string;
  asOf: string;
  title: ArtisanTitle;
  count: number;
}

/** The registry's clusters of one status under one code, read on the day their kept revision was recorded. */
export interface ClusterRegistryGroup extends Recorded, ClusterRegistryFigures {
  provinceCode: string;
  asOf: string;
}

/** The approved reports counted for the year, of one period kind, under one code read on the period's cut-off. */
export interface ClusterReportGroup extends Recorded, ClusterReportFigures {
  provinceCode: string;
  asOf: string;
}

export interface YearFacts {
  plans: PlanGroup[];
  projects: ProjectGroup[];
  contents: ContentGroup[];
  /** The cluster registry as of now, whatever the year. */
  clusterRegistry: ClusterRegistryGroup[];
  /** Which of the year's approved cluster reports `clusterReports` holds (one per cluster). */
  clusterPeriod: ConferenceClusterPeriod;
  clusterReports: ClusterReportGroup[];
  fairs: CountGroup[];
  awardRounds: AwardRoundGroup[];
  /** By the fair's year, whoever hosted it. */
  booths: BoothGroup[];
  /** Entries in the rounds of the year. */
  awardEntries: AwardCountGroup[];
  /** Passes in the published results of the rounds of the year. */
  awardPasses: AwardCountGroup[];
  certificatesIssued: AwardCountGroup[];
  /** Certificates valid on 31 December of the year (issued that year or before), by code and day of issue. */
  certificatesValid: CountGroup[];
  /** By the year of the conferral decision. */
  artisanTitles: ArtisanTitleGroup[];
  /** The department periodic reports of the year with an approved version (which one counts: the domain's). */
  approvedReports: ApprovedReport[];
}
