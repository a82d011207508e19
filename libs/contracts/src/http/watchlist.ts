import { z } from 'zod';
import { isoDate, provinceCode, year } from '../primitives';
import { say } from '../messages';
import { projectStatuses, yearMonth } from '../events/projects/vocabulary';
import { conferenceRegions } from './conferences';
import { pageOf } from './pagination';
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
export const watchlistFlag = z.object({
  code: z.enum(watchlistFlagCodes),
  severity: z.enum(['warning', 'overdue']),
  /** Vietnamese first, English second. */
  reasonVi: z.string(),
  reasonEn: z.string(),
});
export type WatchlistFlag = z.infer<typeof watchlistFlag>;

export const watchlistItem = z.object({
  projectId: z.uuid(),
  code: z.string(),
  title: z.string(),
  planId: z.uuid(),
  planYear: year,
  planLevel: z.enum(['national', 'provincial']),
  /** As recorded, and today's unit that holds it. */
  provinceCode,
  unitCode: provinceCode,
  unitNameVi: z.string(),
  status: z.enum(projectStatuses),
  /** The status in Vietnamese (`projectStatusLabels`). */
  statusLabel: z.string(),
  lastProgressMonth: yearMonth.nullable(),
  lastProgressPercent: z.number().int().min(0).max(100).nullable(),
  flags: z.array(watchlistFlag),
});
export type WatchlistItem = z.infer<typeof watchlistItem>;

/** GET /api/v1/watchlist. */
export const watchlistPage = pageOf(watchlistItem).extend({
  /** The day (Vietnam) the rules were applied on. */
  asOf: isoDate,
});
export type WatchlistPage = z.infer<typeof watchlistPage>;
