// Types of demo-guide.mjs (plain JavaScript, run by Node) for the TypeScript that reads it: tests.
import type { DemoClusters } from './demo-clusters.mjs';
import type { DemoDataset } from './demo-dataset.mjs';
import type { DemoPeriodicReports } from './demo-periodic-reports.mjs';

/** The historic rounds of one past year and level, as the awards loader reports them. */
export interface LoadedPastRound {
  key: string;
  year: number;
  level: string;
  certificates: number;
  provinces: number;
  rounds: { id: string; name: string; entries: number; passed: number }[];
}

/** One of this year's rounds as the awards loader leaves it. */
export interface LoadedRound {
  key: string;
  id: string;
  name: string;
  level: string;
  state: 'entries-open' | 'scoring' | 'closed' | 'published';
  scoringClosesOn: string;
  jurors: string[];
  secretary: string;
  entries: number;
  /** In scoring: the sheets each juror still owes (none listed when all are in). */
  owed?: Record<string, number>;
  /** Published: how many passed and the certificates issued. */
  passed?: number;
  certificates?: string[];
}

export function demoGuide(loaded: {
  data: DemoDataset;
  currentYear: number;
  planIds: Record<string, string>;
  fairs: { id: string; name: string }[];
  bookableFair: { id: string; name: string; registrationClosesAt: string; holdMinutes: number } | null;
  awards: { past: LoadedPastRound[]; rounds: LoadedRound[] };
  /** The clusters' data set and what the clusters loader recorded or found (ids for the lines). */
  clusters?: {
    demo: DemoClusters;
    reports?: { reportIds: Map<string, string> };
    petitions?: { key: string; id: string; provinceCode: string; petition: { responseDueOn: string } }[];
    inspection?: {
      id: string;
      clusterCode: string;
      provinceCode: string;
      inspection: { actions: { id: string; completedOn: string | null }[] };
    } | null;
  };
  /** The provinces' periodic reports of the demo (demo-periodic-reports.mjs). */
  periodicReports?: DemoPeriodicReports;
}): string[];
