import { z } from 'zod';
import { isoDate, provinceCode, text, year } from '../primitives';
import { ruleIssue } from '../messages';
import { unitAsOf } from './unit-filter';

export const awardLevels = ['provincial', 'regional', 'national'] as const;
export type AwardLevel = (typeof awardLevels)[number];
/** How the level reads in Vietnamese (messages, lists, exports). */
export const awardLevelLabels: Record<AwardLevel, string> = {
  provincial: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
};
const awardRegion = z.enum(['north', 'central', 'south']);

/** POST /api/v1/award-rounds — opens a round of bình chọn sản phẩm CNNT tiêu biểu at one level. */
export const openAwardRoundRequest = z
  .strictObject({
    name: text(300),
    year,
    level: z.enum(awardLevels),
    provinceCode: provinceCode.optional(),
    regionCode: awardRegion.optional(),
    closesOn: isoDate.optional(),
  })
  .superRefine((round, ctx) => {
    if (round.level === 'provincial' && !round.provinceCode) {
      ctx.addIssue({
        ...ruleIssue(
          'required-for-level',
          'bắt buộc với vòng cấp tỉnh',
          'is required for a provincial round',
        ),
        path: ['provinceCode'],
      });
    }
    if (round.level !== 'provincial' && round.provinceCode) {
      ctx.addIssue({
        ...ruleIssue(
          'absent-for-level',
          `phải để trống với vòng ${awardLevelLabels[round.level]}`,
          `must be absent for a ${round.level} round`,
        ),
        path: ['provinceCode'],
      });
    }
    if (round.level === 'regional' && !round.regionCode) {
      ctx.addIssue({
        ...ruleIssue(
          'required-for-level',
          'bắt buộc với vòng cấp khu vực',
          'is required for a regional round',
        ),
        path: ['regionCode'],
      });
    }
    if (round.level !== 'regional' && round.regionCode) {
      ctx.addIssue({
        ...ruleIssue(
          'absent-for-level',
          `phải để trống với vòng ${awardLevelLabels[round.level]}`,
          `must be absent for a ${round.level} round`,
        ),
        path: ['regionCode'],
      });
    }
  });
export type OpenAwardRoundRequest = z.infer<typeof openAwardRoundRequest>;

export const listAwardRoundsQuery = z.strictObject({
  year: z.coerce.number().pipe(year).optional(),
  level: z.enum(awardLevels).optional(),
  regionCode: awardRegion.optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAwardRoundsQuery = z.infer<typeof listAwardRoundsQuery>;

export const awardRoundView = z.object({
  id: z.uuid(),
  name: z.string(),
  year,
  level: z.enum(awardLevels),
  provinceCode: provinceCode.nullable(),
  regionCode: awardRegion.nullable(),
  closesOn: isoDate.nullable(),
  /** Departures from usual practice that do not block the round (e.g. a national round in an even year). */
  warnings: z.array(z.string()),
  createdAt: z.iso.datetime(),
});
export type AwardRoundView = z.infer<typeof awardRoundView>;
