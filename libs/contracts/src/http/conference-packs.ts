import { z } from 'zod';
import { isoDate, year } from '../primitives';
import { ruleIssue } from '../messages';
import {
  conferenceGroupings,
  conferenceRegions,
  conferenceTotals,
  refineHistoricalYear,
} from './conferences';
import { pageOf } from './pagination';

export const conferencePackLevels = ['national', 'regional'] as const;
export type ConferencePackLevel = (typeof conferencePackLevels)[number];

/**
 * POST /api/v1/conference-packs — freezes the figures of one conference (the national one, or a region's) for a
 * year as they stand now: the same report GET /api/v1/conferences/national or /regional/:region serves.
 */
export const createConferencePackRequest = z
  .strictObject({
    level: z.enum(conferencePackLevels),
    /** Required for a regional pack, absent for the national one. */
    region: z.enum(conferenceRegions).optional(),
    year,
    /** As the conference views' query: today's units (default) or the units as they were that year. */
    grouping: z.enum(conferenceGroupings).default('current'),
  })
  .superRefine((request, ctx) => {
    if (request.level === 'regional' && !request.region) {
      ctx.addIssue({
        ...ruleIssue(
          'required-for-level',
          'bắt buộc với hội nghị khu vực',
          'is required for a regional conference',
        ),
        path: ['region'],
      });
    }
    if (request.level === 'national' && request.region) {
      ctx.addIssue({
        ...ruleIssue(
          'absent-for-level',
          'phải để trống với hội nghị toàn quốc',
          'must be absent for the national conference',
        ),
        path: ['region'],
      });
    }
    refineHistoricalYear(request, ctx);
  });
export type CreateConferencePackRequest = z.infer<typeof createConferencePackRequest>;

/** GET /api/v1/conference-packs — newest first. */
export const listConferencePacksQuery = z.strictObject({
  year: z.coerce.number().pipe(year).optional(),
  level: z.enum(conferencePackLevels).optional(),
  region: z.enum(conferenceRegions).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListConferencePacksQuery = z.infer<typeof listConferencePacksQuery>;

/** A pack's two files: the PDF report and the Excel annex. */
export type ConferencePackFileKind = 'report' | 'annex';

/** One file of a pack, rendered once when the pack was frozen: its bytes never change. */
export const conferencePackFileView = z.object({
  /** The path to download it from (the gateway's). */
  href: z.string(),
  mediaType: z.string(),
  /** The name the download is saved under, in Vietnamese. */
  fileName: z.string(),
  sizeBytes: z.number().int().min(1),
  /** Hex SHA-256 of the bytes: anyone holding a copy can check it is the published one. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ConferencePackFileView = z.infer<typeof conferencePackFileView>;

/** A conference pack: the figures frozen at `cutOff`, who froze them, and the two files rendered from them. */
export const conferencePackView = z.object({
  id: z.uuid(),
  level: z.enum(conferencePackLevels),
  region: z.enum(conferenceRegions).nullable(),
  year,
  grouping: z.enum(conferenceGroupings),
  /** The report's title, e.g. "Báo cáo số liệu hội nghị khuyến công toàn quốc năm 2018". */
  title: z.string(),
  /** The date whose provincial units the figures are rolled up to (as in the conference view). */
  unitsAsOf: isoDate,
  /** The moment the figures were read: every later change is outside the pack. */
  cutOff: z.iso.datetime(),
  frozenBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.iso.datetime(),
  files: z.object({ report: conferencePackFileView, annex: conferencePackFileView }),
  /** The totals of the frozen report (every figure is defined in GET /api/v1/conferences/figures). */
  totals: conferenceTotals,
});
export type ConferencePackView = z.infer<typeof conferencePackView>;

export const conferencePackPage = pageOf(conferencePackView);
export type ConferencePackPage = z.infer<typeof conferencePackPage>;
