import { z } from 'zod';
import { isoDate, provinceCode, text, year } from '../primitives';

export const fairScales = ['provincial', 'regional', 'national'] as const;
export type FairScale = (typeof fairScales)[number];
const fairRegion = z.enum(['north', 'central', 'south']);

/** POST /api/v1/fairs — a trade fair (hội chợ triển lãm hàng CNNT tiêu biểu) with its host and dates. */
export const createFairRequest = z
  .strictObject({
    name: text(300),
    year,
    scale: z.enum(fairScales),
    regionCode: fairRegion.optional(),
    provinceCode,
    startDate: isoDate,
    endDate: isoDate,
    boothCount: z.number().int().min(1).max(100_000),
    venue: text(300).optional(),
    /** The registration window; registration stays closed until both are set. */
    registrationOpensAt: z.iso.datetime({ offset: true }).optional(),
    registrationClosesAt: z.iso.datetime({ offset: true }).optional(),
    /** How long a booth hold lasts before it must be confirmed (default 15 minutes). */
    holdMinutes: z.number().int().min(1).max(1_440).optional(),
    /** The most booths one facility may book at this fair (default 2). */
    facilityBoothLimit: z.number().int().min(1).max(20).optional(),
  })
  .superRefine((fair, ctx) => {
    if ((fair.registrationOpensAt === undefined) !== (fair.registrationClosesAt === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['registrationClosesAt'],
        message: 'registrationOpensAt and registrationClosesAt go together',
      });
    } else if (
      fair.registrationOpensAt &&
      fair.registrationClosesAt &&
      Date.parse(fair.registrationOpensAt) >= Date.parse(fair.registrationClosesAt)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['registrationClosesAt'],
        message: 'must be after registrationOpensAt',
      });
    }
    if (fair.scale === 'regional' && !fair.regionCode) {
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'is required for a regional fair' });
    }
    if (fair.scale !== 'regional' && fair.regionCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['regionCode'],
        message: `must be absent for a ${fair.scale} fair`,
      });
    }
    for (const field of ['startDate', 'endDate'] as const) {
      if (!fair[field].startsWith(`${fair.year}-`)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `must fall in ${fair.year}, the fair's year`,
        });
      }
    }
    if (fair.endDate < fair.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must not be before startDate' });
    }
  });
export type CreateFairRequest = z.infer<typeof createFairRequest>;

export const listFairsQuery = z.strictObject({
  year: z.coerce.number().pipe(year).optional(),
  scale: z.enum(fairScales).optional(),
  regionCode: fairRegion.optional(),
  provinceCode: provinceCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListFairsQuery = z.infer<typeof listFairsQuery>;

export interface FairView {
  id: string;
  name: string;
  year: number;
  scale: FairScale;
  regionCode: z.infer<typeof fairRegion> | null;
  provinceCode: string;
  startDate: string;
  endDate: string;
  boothCount: number;
  venue: string | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  holdMinutes: number;
  facilityBoothLimit: number;
  createdAt: string;
}
