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

export interface ProjectGroup extends Recorded {
  registered: number;
  approved: number;
  requestedSupportVnd: number;
  approvedSupportVnd: number;
}

export interface CountGroup extends Recorded {
  count: number;
}

export interface AwardRoundGroup extends CountGroup {
  level: 'provincial' | 'regional' | 'national';
  regionCode: string | null;
}

export interface YearFacts {
  plans: PlanGroup[];
  projects: ProjectGroup[];
  /** All clusters registered as of now, whatever the year. */
  clusters: CountGroup[];
  fairs: CountGroup[];
  awardRounds: AwardRoundGroup[];
}
