import { z } from 'zod';
import { isoDate, provinceCode, text, vnd, year } from '../primitives';
import { ruleIssue, say } from '../messages';
import { unitAsOf } from './unit-filter';

export const fairScales = ['provincial', 'regional', 'national', 'international'] as const;
export type FairScale = (typeof fairScales)[number];
/** How a fair's scale reads in Vietnamese (messages, lists). */
export const fairScaleLabels: Record<FairScale, string> = {
  provincial: 'cấp tỉnh',
  regional: 'cấp vùng',
  national: 'cấp quốc gia',
  international: 'quốc tế',
};
const fairRegion = z.enum(['north', 'central', 'south']);
/** Levels of product award certificates (commune included) and of the ceremonies that announce them. */
export const certificateLevels = ['commune', 'provincial', 'regional', 'national'] as const;
export type CertificateLevel = (typeof certificateLevels)[number];
/** First come, first served; or a lottery of the requests collected during the window, drawn at its close. */
export const allocationMethods = ['first-come', 'lottery'] as const;
export type AllocationMethod = (typeof allocationMethods)[number];
const policyCode = z
  .string()
  .regex(/^[a-z0-9-]{1,60}$/, say('phải là mã chính sách', 'must be a policy code'));

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
    /** The unit that organises the fair (đơn vị tổ chức). */
    organiser: text(300).optional(),
    /** The award ceremony held with the fair, if any (its level and date when known). */
    awardCeremony: z
      .strictObject({
        name: text(300),
        level: z.enum(certificateLevels).optional(),
        date: isoDate.optional(),
      })
      .optional(),
    /** The subsidy policy (code) the fair follows; when absent, the configured default for its scale. */
    subsidyPolicyCode: policyCode.optional(),
    /** How booths are given out (default first-come). */
    allocationMethod: z.enum(allocationMethods).optional(),
    /**
     * Requests with a product award certificate valid on the opening day come first: drawn first in a lottery;
     * at a first-come fair, promoted from the waiting list before the others (each in the order it joined).
     */
    awardPriority: z.boolean().optional(),
  })
  .superRefine((fair, ctx) => {
    const ceremonyDate = fair.awardCeremony?.date;
    if (ceremonyDate && (ceremonyDate < fair.startDate || ceremonyDate > fair.endDate)) {
      ctx.addIssue({
        ...ruleIssue(
          'within-fair-dates',
          'phải nằm trong thời gian hội chợ',
          "must fall within the fair's dates",
        ),
        path: ['awardCeremony', 'date'],
      });
    }
    if ((fair.registrationOpensAt === undefined) !== (fair.registrationClosesAt === undefined)) {
      ctx.addIssue({
        ...ruleIssue(
          'go-together',
          'registrationOpensAt và registrationClosesAt phải đi cùng nhau',
          'registrationOpensAt and registrationClosesAt go together',
        ),
        path: ['registrationClosesAt'],
      });
    } else if (
      fair.registrationOpensAt &&
      fair.registrationClosesAt &&
      Date.parse(fair.registrationOpensAt) >= Date.parse(fair.registrationClosesAt)
    ) {
      ctx.addIssue({
        ...ruleIssue('date-order', 'phải sau registrationOpensAt', 'must be after registrationOpensAt'),
        path: ['registrationClosesAt'],
      });
    }
    if (fair.scale === 'regional' && !fair.regionCode) {
      ctx.addIssue({
        ...ruleIssue(
          'required-for-scale',
          'bắt buộc với hội chợ cấp vùng',
          'is required for a regional fair',
        ),
        path: ['regionCode'],
      });
    }
    if (fair.scale !== 'regional' && fair.regionCode) {
      ctx.addIssue({
        ...ruleIssue(
          'absent-for-scale',
          `phải để trống với hội chợ ${fairScaleLabels[fair.scale]}`,
          `must be absent for a ${fair.scale} fair`,
        ),
        path: ['regionCode'],
      });
    }
    for (const field of ['startDate', 'endDate'] as const) {
      if (!fair[field].startsWith(`${fair.year}-`)) {
        ctx.addIssue({
          ...ruleIssue(
            'within-fair-year',
            `phải thuộc năm ${fair.year}, năm của hội chợ`,
            `must fall in ${fair.year}, the fair's year`,
          ),
          path: [field],
        });
      }
    }
    if (fair.endDate < fair.startDate) {
      ctx.addIssue({
        ...ruleIssue('date-order', 'không được trước startDate', 'must not be before startDate'),
        path: ['endDate'],
      });
    }
  });
export type CreateFairRequest = z.infer<typeof createFairRequest>;

export const listFairsQuery = z.strictObject({
  year: z.coerce.number().pipe(year).optional(),
  scale: z.enum(fairScales).optional(),
  regionCode: fairRegion.optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListFairsQuery = z.infer<typeof listFairsQuery>;

export const fairView = z.object({
  id: z.uuid(),
  name: z.string(),
  year,
  scale: z.enum(fairScales),
  regionCode: fairRegion.nullable(),
  provinceCode,
  startDate: isoDate,
  endDate: isoDate,
  boothCount: z.number().int().min(1),
  venue: z.string().nullable(),
  registrationOpensAt: z.iso.datetime().nullable(),
  registrationClosesAt: z.iso.datetime().nullable(),
  holdMinutes: z.number().int().min(1),
  facilityBoothLimit: z.number().int().min(1),
  organiser: z.string().nullable(),
  awardCeremony: z
    .object({ name: z.string(), level: z.enum(certificateLevels).nullable(), date: isoDate.nullable() })
    .nullable(),
  /** The subsidy policy version the fair follows (null when none was in force on its opening day). */
  subsidyPolicy: z.object({ code: z.string(), version: z.number().int().min(1) }).nullable(),
  allocationMethod: z.enum(allocationMethods),
  awardPriority: z.boolean(),
  /** When the lottery was drawn (lottery fairs only). */
  lotteryDrawnAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type FairView = z.infer<typeof fairView>;

/** POST /api/v1/fairs/:id/lottery — draws a lottery fair after its window closed. */
export const drawLotteryRequest = z.strictObject({
  /**
   * A seed announced in advance (e.g. a public draw's number); when absent the service draws 32 random bytes.
   * Either way it is published with the draw.
   */
  seed: z
    .string()
    .regex(/^[\x21-\x7e]{8,200}$/, 'must be 8 to 200 visible ASCII characters')
    .optional(),
});
export type DrawLotteryRequest = z.infer<typeof drawLotteryRequest>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** One request's place in the draw. */
export const lotteryEntryView = z.object({
  rank: z.number().int().min(1),
  registrationId: z.uuid(),
  /** hex(SHA-256(seed + ":" + registrationId)): recompute it to check the order. */
  ticket: sha256Hex,
  /** Drawn ahead of the others because the fair grants priority to award-certified products. */
  awardPriority: z.boolean(),
  outcome: z.enum(['held', 'waitlisted']),
});
export type LotteryEntryView = z.infer<typeof lotteryEntryView>;

/** GET /api/v1/fairs/:id/lottery — everything needed to recompute the draw. */
export const lotteryView = z.object({
  fairId: z.uuid(),
  seed: z.string(),
  algorithm: z.string(),
  awardPriority: z.boolean(),
  /** hex(SHA-256) of the lines `<rank> <registrationId> <ticket>\n` in rank order. */
  drawDigest: sha256Hex,
  drawnAt: z.iso.datetime(),
  entries: z.array(lotteryEntryView),
});
export type LotteryView = z.infer<typeof lotteryView>;

export const fairFiguresRow = z.object({
  provinceCode,
  /** Facilities with booths allocated (not cancelled). */
  facilities: z.number().int().min(0),
  boothsAllocated: z.number().int().min(0),
  /** Booths of certified, not cancelled allocations: the booths the state supports. */
  boothsSupported: z.number().int().min(0),
  rentVnd: vnd,
  supportVnd: vnd,
});
export type FairFiguresRow = z.infer<typeof fairFiguresRow>;

/** GET /api/v1/fairs/:id/figures (reporting) — booths and support of one fair, by province. */
export const fairFiguresView = z.object({
  fair: z.object({
    id: z.uuid(),
    name: z.string(),
    year,
    scale: z.enum(fairScales),
    regionCode: fairRegion.nullable(),
  }),
  provinces: z.array(fairFiguresRow),
  totals: fairFiguresRow.omit({ provinceCode: true }),
});
export type FairFiguresView = z.infer<typeof fairFiguresView>;
