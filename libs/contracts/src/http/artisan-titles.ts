import { z } from 'zod';
import { isoDate, provinceCode, text, year } from '../primitives';
import { unitAsOf } from './unit-filter';

/** The two state honorary titles for handicraft artisans (Decree 43/2024/NĐ-CP). */
export const artisanTitles = ['meritorious', 'people'] as const;
export type ArtisanTitle = (typeof artisanTitles)[number];
export const artisanTitleLabels: Record<ArtisanTitle, string> = {
  meritorious: 'Nghệ nhân ưu tú',
  people: 'Nghệ nhân nhân dân',
};

/** In order: each council passes the nomination on; the State President's decision confers the title. */
export const artisanStages = [
  'provincial-council',
  'ministry-council',
  'state-council',
  'conferral',
] as const;
export type ArtisanStage = (typeof artisanStages)[number];
export const artisanStageLabels: Record<ArtisanStage, string> = {
  'provincial-council': 'Hội đồng cấp tỉnh',
  'ministry-council': 'Hội đồng cấp Bộ',
  'state-council': 'Hội đồng cấp Nhà nước',
  conferral: 'Quyết định của Chủ tịch nước',
};

export const artisanNominationStatuses = [
  'nominated',
  'provincial-passed',
  'ministry-passed',
  'state-passed',
  'conferred',
  'rejected',
] as const;
export type ArtisanNominationStatus = (typeof artisanNominationStatuses)[number];
export const artisanNominationStatusLabels: Record<ArtisanNominationStatus, string> = {
  nominated: 'Đã nộp hồ sơ đề nghị',
  'provincial-passed': 'Hội đồng cấp tỉnh đã thông qua',
  'ministry-passed': 'Hội đồng cấp Bộ đã thông qua',
  'state-passed': 'Hội đồng cấp Nhà nước đã thông qua',
  conferred: 'Đã được phong tặng',
  rejected: 'Không được xét tặng',
};

export const stageOutcomes = ['passed', 'failed'] as const;
export type StageOutcome = (typeof stageOutcomes)[number];
export const stageOutcomeLabels: Record<StageOutcome, string> = {
  passed: 'Thông qua',
  failed: 'Không thông qua',
};

const craftPeriod = z.strictObject({
  from: isoDate,
  /** Null while still practising: counted to the nomination date. */
  to: isoDate.nullable(),
});

const qualifyingWork = z.strictObject({
  name: text(300),
  completedOn: isoDate,
  /** The prize or certification that makes the work qualify. */
  recognition: text(500),
});

/** The Meritorious Artisan title the nominee already holds, with the decision that conferred it. */
const priorTitle = z.strictObject({
  title: z.literal('meritorious'),
  decisionNumber: text(100),
  conferredOn: isoDate,
});

const nominee = z.strictObject({
  fullName: text(200),
  birthYear: z.number().int().min(1900).max(2100),
  craft: text(200),
  /** The provincial unit that nominates, in force today. */
  provinceCode,
  craftPeriods: z.array(craftPeriod).min(1).max(30),
  priorTitle: priorTitle.nullable(),
  works: z.array(qualifyingWork).max(50),
});

/** POST /api/v1/artisan-nominations — a dossier put to the councils, dated the day it is entered. */
export const nominateArtisanRequest = z.strictObject({
  title: z.enum(artisanTitles),
  nominee,
});
export type NominateArtisanRequest = z.infer<typeof nominateArtisanRequest>;

/** POST /api/v1/artisan-nominations/:id/stages — the next council's (or the conferral's) decision. */
export const recordArtisanStageRequest = z.strictObject({
  stage: z.enum(artisanStages),
  decisionNumber: text(100),
  decidedOn: isoDate,
  outcome: z.enum(stageOutcomes),
});
export type RecordArtisanStageRequest = z.infer<typeof recordArtisanStageRequest>;

export const listArtisanNominationsQuery = z.strictObject({
  provinceCode: provinceCode.optional(),
  unitAsOf,
  title: z.enum(artisanTitles).optional(),
  status: z.enum(artisanNominationStatuses).optional(),
  /** The year of the nomination date. */
  year: z.coerce.number().pipe(year).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListArtisanNominationsQuery = z.infer<typeof listArtisanNominationsQuery>;

export const artisanNominationView = z.object({
  id: z.uuid(),
  title: z.enum(artisanTitles),
  titleLabel: z.string(),
  nominee: z.object({
    fullName: z.string(),
    birthYear: z.number().int(),
    craft: z.string(),
    provinceCode,
    craftPeriods: z.array(z.object({ from: isoDate, to: isoDate.nullable() })),
    priorTitle: z
      .object({ title: z.literal('meritorious'), decisionNumber: z.string(), conferredOn: isoDate })
      .nullable(),
    works: z.array(z.object({ name: z.string(), completedOn: isoDate, recognition: z.string() })),
  }),
  /** Whole years in the craft on the nomination date, as the eligibility check counted them. */
  yearsInCraft: z.number().int().min(0),
  /** The legal text the eligibility was judged by. */
  rulesBasis: z.string(),
  nominatedOn: isoDate,
  nominatedBy: z.string(),
  status: z.enum(artisanNominationStatuses),
  statusLabel: z.string(),
  stages: z.array(
    z.object({
      stage: z.enum(artisanStages),
      stageLabel: z.string(),
      decisionNumber: z.string(),
      decidedOn: isoDate,
      outcome: z.enum(stageOutcomes),
      outcomeLabel: z.string(),
      recordedBy: z.string(),
    }),
  ),
  /** The stage whose decision comes next; null once conferred or rejected. */
  nextStage: z.enum(artisanStages).nullable(),
  createdAt: z.iso.datetime(),
});
export type ArtisanNominationView = z.infer<typeof artisanNominationView>;
