import type { Client } from 'pg';
import type { HttpPool } from '../booth-rush/http-pool';
import { allocations } from './allocations-section';
import { conferenceView } from './conference-section';
import type { Loaded } from './dataset';

/** What a section of the benchmark gets: the projects service's HTTP pool and token, its database, the data. */
export interface BenchContext {
  http: HttpPool;
  /** The projects service's address (for the load worker). */
  baseUrl: string;
  db: Client;
  token: string;
  loaded: Loaded;
  samples: number;
  /** The run's id: a section's own scratch database is named after it. */
  run: string;
  concurrency: number;
  /** Plan-assignment decisions to send, and projects allocated by each. */
  allocations: number;
  lines: number;
}

export interface BenchSection {
  name: string;
  /** Prints its own rows (HTTP next to its SQL floor) and returns its summary line, with the ratio. */
  run(ctx: BenchContext): Promise<string>;
}

/**
 * Measurements of other services over the same data set, each booting its service on a scratch database of
 * its own: the national conference view (reporting reads its projections, not the projects database) and
 * plan allocations (decisions are the plans service's).
 */
export const SECTIONS: BenchSection[] = [conferenceView, allocations];
