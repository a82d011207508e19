import { z } from 'zod';
import { activityContentCode, isoDate, provinceCode, text, vnd } from '../primitives';
import { ruleIssue, say } from '../messages';
import { unitAsOf } from './unit-filter';

const normCode = z
  .string()
  .regex(
    /^[a-z0-9-]{1,60}$/,
    say('phải gồm chữ thường, chữ số và gạch ngang', 'must be lower-case letters, digits and dashes'),
  );
const basisPoints = z.number().int().min(1).max(10_000);
const permille = z.number().int().min(1000).max(5000);

/**
 * GET /api/v1/funding-norms — the versions in force on `asOf` (default: today, Vietnamese time): the national
 * norms plus those of `provinceCode` (a province officer: always their own province's).
 */
export const listFundingNormsQuery = z.strictObject({
  asOf: isoDate.optional(),
  provinceCode: provinceCode.optional(),
  unitAsOf,
  activityContent: z.coerce.number().pipe(activityContentCode).optional(),
});
export type ListFundingNormsQuery = z.infer<typeof listFundingNormsQuery>;

/**
 * POST /api/v1/funding-norms — a new version of a norm (or a new norm), national or, with `provinceCode`, that
 * province's own (its department for its own province, or the agency). The version of the same scope in force
 * until then ends the day before `validFrom`.
 */
export const createFundingNormRequest = z
  .strictObject({
    code: normCode,
    /** The province whose own norm this is; absent for a national norm. */
    provinceCode: provinceCode.optional(),
    nameVi: text(300),
    nameEn: text(300),
    activityContent: activityContentCode,
    legalBasis: text(300),
    validFrom: isoDate,
    validTo: isoDate.optional(),
    /** Cap as a share of the item's cost, in basis points (3000 = 30 %); absent when the norm sets none. */
    maxPercentBp: basisPoints.optional(),
    /** Cap in VND per unit; absent when the norm sets none. */
    maxVndPerUnit: vnd.optional(),
    unit: text(60),
    /** How far the per-unit cap may be raised in the norm's priority case (1500 = 1.5×); 1000 = none. */
    priorityMultiplierPermille: permille.default(1000),
    verified: z.boolean(),
  })
  .superRefine((norm, ctx) => {
    if (norm.maxPercentBp === undefined && norm.maxVndPerUnit === undefined) {
      ctx.addIssue({
        ...ruleIssue(
          'percentage-or-cap',
          'định mức cần có tỷ lệ phần trăm hoặc mức trần VND',
          'a norm needs a percentage or a VND cap',
        ),
        path: ['maxPercentBp'],
      });
    }
    if (norm.validTo !== undefined && norm.validTo < norm.validFrom) {
      ctx.addIssue({
        ...ruleIssue('date-order', 'không được trước validFrom', 'must not be before validFrom'),
        path: ['validTo'],
      });
    }
  });
export type CreateFundingNormRequest = z.infer<typeof createFundingNormRequest>;

/**
 * POST /api/v1/funding-norms/check — is this support within the norm in force on `asOf`? With `provinceCode`
 * (a provincial-plan project) the province's own version in force wins over the national one.
 */
export const checkFundingNormRequest = z.strictObject({
  code: normCode,
  provinceCode: provinceCode.optional(),
  asOf: isoDate,
  costVnd: vnd,
  supportVnd: vnd,
  units: z.number().int().min(1).max(100_000).default(1),
  /** The norm's priority case applies (a priority area; for machinery, a full technology line). */
  priority: z.boolean().default(false),
});
export type CheckFundingNormRequest = z.infer<typeof checkFundingNormRequest>;

export const fundingNormView = z.object({
  code: normCode,
  /** The province whose own norm this is; null for a national norm. */
  provinceCode: provinceCode.nullable(),
  /** Numbered per code and scope (national, or one province). */
  version: z.number().int().min(1),
  nameVi: z.string(),
  nameEn: z.string(),
  activityContent: activityContentCode,
  legalBasis: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  maxPercentBp: basisPoints.nullable(),
  maxVndPerUnit: vnd.nullable(),
  unit: z.string(),
  priorityMultiplierPermille: permille,
  verified: z.boolean(),
});
export type FundingNormView = z.infer<typeof fundingNormView>;

export const fundingNormCheckView = z.object({
  withinNorm: z.boolean(),
  /** The most the norm allows for this cost and these units. */
  maxSupportVnd: vnd,
  /** Which cap binds: the share of cost or the per-unit amount. */
  bindingCap: z.enum(['percent', 'per-unit']),
  norm: fundingNormView,
});
export type FundingNormCheckView = z.infer<typeof fundingNormCheckView>;
