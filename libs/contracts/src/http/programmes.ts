import { z } from 'zod';
import { activityContentCode, isoDate, provinceCode, text, year } from '../primitives';
import { ruleIssue, say } from '../messages';
import { unitAsOf } from './unit-filter';

const programmeLevel = z.enum(['national', 'provincial']);

/** GET /api/v1/programmes — khuyến công programmes (national and provincial) with content groups and targets. */
export const listProgrammesQuery = z.strictObject({
  /** Only programmes covering this year. */
  year: z.coerce.number().pipe(year).optional(),
  level: programmeLevel.optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
});
export type ListProgrammesQuery = z.infer<typeof listProgrammesQuery>;

export const legalBasisView = z.object({
  decisionNumber: z.string(),
  /** null where the date is not recorded. */
  decisionDate: isoDate.nullable(),
  issuer: z.string(),
});
export type LegalBasisView = z.infer<typeof legalBasisView>;

export const contentGroupView = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  activityContents: z.array(activityContentCode),
  /** False when the split of activity contents into this group is not confirmed from the legal text. */
  verified: z.boolean(),
});
export type ContentGroupView = z.infer<typeof contentGroupView>;

export const programmeTargetView = z.object({
  contentGroupCode: z.string(),
  indicatorVi: z.string(),
  indicatorEn: z.string(),
  /** null where the programme's figure is not recorded here. */
  targetValue: z.number().min(0).nullable(),
  unit: z.string(),
  verified: z.boolean(),
});
export type ProgrammeTargetView = z.infer<typeof programmeTargetView>;

export const programmeView = z.object({
  id: z.uuid(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  level: programmeLevel,
  provinceCode: provinceCode.nullable(),
  firstYear: year,
  lastYear: year,
  legalBasis: legalBasisView,
  verified: z.boolean(),
  contentGroups: z.array(contentGroupView),
  targets: z.array(programmeTargetView),
});
export type ProgrammeView = z.infer<typeof programmeView>;

const groupCode = z
  .string()
  .regex(
    /^[A-Za-z0-9.-]{1,20}$/,
    say('phải gồm chữ, chữ số, dấu chấm và gạch ngang', 'must be letters, digits, dots and dashes'),
  );

const contentGroup = z.strictObject({
  code: groupCode,
  nameVi: text(300),
  nameEn: text(300),
  /** The activity contents (1–9) the group covers. */
  activityContents: z
    .array(activityContentCode)
    .min(1)
    .max(9)
    .refine(
      (c) => new Set(c).size === c.length,
      ruleIssue('no-repeats', 'không được lặp lại một nội dung', 'must not repeat a content'),
    ),
});

const programmeTarget = z.strictObject({
  contentGroupCode: groupCode,
  indicatorVi: text(300),
  indicatorEn: text(300),
  targetValue: z.number().min(0).max(1e12),
  unit: text(60),
});

/**
 * POST /api/v1/programmes — a province's own khuyến công programme (KCĐP), by its department for its own
 * province or by the agency. Content groups are either the national programme's of the same period
 * (`nationalContentGroups: true`) or the province's own.
 */
export const createProgrammeRequest = z
  .strictObject({
    code: z
      .string()
      .regex(
        /^[A-Za-z0-9-]{1,60}$/,
        say('phải gồm chữ, chữ số và gạch ngang', 'must be letters, digits and dashes'),
      ),
    nameVi: text(300),
    nameEn: text(300),
    provinceCode,
    firstYear: year,
    lastYear: year,
    legalBasis: z.strictObject({ decisionNumber: text(60), decisionDate: isoDate, issuer: text(200) }),
    nationalContentGroups: z.boolean().default(false),
    contentGroups: z.array(contentGroup).max(30).default([]),
    targets: z.array(programmeTarget).max(200).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.lastYear < p.firstYear) {
      ctx.addIssue({
        ...ruleIssue('date-order', 'không được trước firstYear', 'must not be before firstYear'),
        path: ['lastYear'],
      });
    }
    if (p.nationalContentGroups === p.contentGroups.length > 0) {
      ctx.addIssue({
        ...ruleIssue(
          'one-of',
          'đặt nhóm nội dung riêng cho chương trình hoặc đặt nationalContentGroups, không cả hai',
          'give the programme its own content groups or set nationalContentGroups, not both',
        ),
        path: ['contentGroups'],
      });
    }
    const codes = p.contentGroups.map((g) => g.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) {
        ctx.addIssue({
          ...ruleIssue('no-repeats', 'bị lặp lại', 'is repeated'),
          path: ['contentGroups', i, 'code'],
        });
      }
    });
    const indicators = p.targets.map((t) => `${t.contentGroupCode}\u0000${t.indicatorVi}`);
    indicators.forEach((key, i) => {
      if (indicators.indexOf(key) !== i) {
        ctx.addIssue({
          ...ruleIssue(
            'no-repeats',
            'bị lặp lại trong nhóm nội dung của nó',
            'is repeated within its content group',
          ),
          path: ['targets', i, 'indicatorVi'],
        });
      }
    });
  });
export type CreateProgrammeRequest = z.infer<typeof createProgrammeRequest>;
