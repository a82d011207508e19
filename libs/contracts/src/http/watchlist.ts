import { z } from 'zod';
import { provinceCode, year } from '../primitives';
import { say } from '../messages';
import type { ProjectStatus } from '../events/projects/vocabulary';
import { conferenceRegions } from './conferences';
import { unitAsOf } from './unit-filter';

/**
 * Query of GET /api/v1/watchlist: projects at risk, optionally of one plan year, one provincial unit (today's
 * unit holding the project's territory) or one region. A province officer always gets their own unit.
 */
export const watchlistQuery = z.strictObject({
  year: z.coerce
    .number({ message: say('phải là một năm, ví dụ 2026', 'must be a year such as 2026') })
    .pipe(year)
    .optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
  regionCode: z.enum(conferenceRegions).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type WatchlistQuery = z.infer<typeof watchlistQuery>;

export const watchlistFlagCodes = [
  'missing-report',
  'late-report',
  'behind-schedule',
  'no-advance',
  'settlement-deadline',
] as const;
export type WatchlistFlagCode = (typeof watchlistFlagCodes)[number];

/** One reason a project is on the watchlist; `overdue` when the date that mattered has passed. */
export interface WatchlistFlag {
  code: WatchlistFlagCode;
  severity: 'warning' | 'overdue';
  /** Vietnamese first, English second. */
  reasonVi: string;
  reasonEn: string;
}

export interface WatchlistItem {
  projectId: string;
  code: string;
  title: string;
  planId: string;
  planYear: number;
  planLevel: 'national' | 'provincial';
  /** As recorded, and today's unit that holds it. */
  provinceCode: string;
  unitCode: string;
  unitNameVi: string;
  status: ProjectStatus;
  /** The status in Vietnamese (`projectStatusLabels`). */
  statusLabel: string;
  lastProgressMonth: string | null;
  lastProgressPercent: number | null;
  flags: WatchlistFlag[];
}

export interface WatchlistPage {
  /** The day (Vietnam) the rules were applied on. */
  asOf: string;
  items: WatchlistItem[];
  page: number;
  limit: number;
  total: number;
}
