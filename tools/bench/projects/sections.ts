import type { Client } from 'pg';
import type { HttpPool } from '../booth-rush/http-pool';
import type { Loaded } from './dataset';

/** What a section of the benchmark gets: the service's HTTP pool and token, its database, the loaded data. */
export interface BenchContext {
  http: HttpPool;
  db: Client;
  token: string;
  loaded: Loaded;
  samples: number;
}

export interface BenchSection {
  name: string;
  /** Prints its own rows (HTTP next to its SQL floor, with the ratio). */
  run(ctx: BenchContext): Promise<void>;
}

/**
 * Further measurements over the same loaded data. The national conference view is the reporting service's
 * (it reads its projection, not this database); its section is to be added here by that work.
 */
export const SECTIONS: BenchSection[] = [];
