import { z } from 'zod';
import { xlsxUpload } from './spreadsheet-upload';
import { isoDate, text, vnd } from '../primitives';
import { say } from '../messages';
import { advanceCategories, disbursementKinds, projectCode, yearMonth } from '../events/projects/vocabulary';
import { listProjectsQuery } from './projects';

const attachment = z.strictObject({
  name: text(255),
  mediaType: z
    .string()
    .regex(
      /^[a-z]+\/[a-z0-9.+-]+$/i,
      say('phải là kiểu nội dung, ví dụ application/pdf', 'must be a media type such as application/pdf'),
    )
    .max(100),
  bytes: z.number().int().min(1).max(500_000_000),
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, say('phải gồm 64 chữ số thập lục phân', 'must be 64 hex digits'))
    .transform((v) => v.toLowerCase()),
});

/** POST /api/v1/projects/:id/progress-reports — the implementing unit's monthly report (due by the 25th). */
export const progressReportRequest = z.strictObject({
  month: yearMonth,
  percentDone: z
    .number()
    .int()
    .min(0, say('phải từ 0 đến 100', 'must be 0–100'))
    .max(100, say('phải từ 0 đến 100', 'must be 0–100')),
  spentVnd: vnd,
  narrative: text(10_000),
  /** Metadata only: the files themselves live in the document store. */
  attachments: z.array(attachment).max(20).default([]),
});
export type ProgressReportRequest = z.infer<typeof progressReportRequest>;

export const progressReportView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  month: yearMonth,
  percentDone: z.number().int().min(0).max(100),
  spentVnd: vnd,
  narrative: z.string(),
  attachments: z.array(
    z.object({
      name: z.string(),
      mediaType: z.string(),
      bytes: z.number().int().min(1),
      /** Lower-case hex. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  receivedAt: z.iso.datetime(),
  /** Received after the 25th of its month, Vietnamese time. */
  late: z.boolean(),
  reportedBy: z.string(),
});
export type ProgressReportView = z.infer<typeof progressReportView>;

/** GET /api/v1/projects/:id/progress-reports — the reports, month by month. */
export const progressReportList = z.array(progressReportView);

/** POST /api/v1/projects/:id/disbursements — an advance (tạm ứng), payment (thanh toán) or refund (hoàn trả). */
export const disbursementRequest = z.strictObject({
  kind: z.enum(disbursementKinds),
  amountVnd: vnd.min(1, say('phải ít nhất là 1 VND', 'must be at least 1 VND')),
  on: isoDate,
  /** The payment order or document number. */
  reference: text(200).optional(),
});
export type DisbursementRequest = z.infer<typeof disbursementRequest>;

export const disbursementView = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  kind: z.enum(disbursementKinds),
  amountVnd: vnd.min(1),
  on: isoDate,
  reference: z.string().nullable(),
  /** The advance rule applied (advances only). */
  advanceRuleId: z.string().nullable(),
  /** The project's totals right after this disbursement. */
  advancedVndAfter: vnd,
  paidVndAfter: vnd,
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
});
export type DisbursementView = z.infer<typeof disbursementView>;

/** GET /api/v1/projects/:id/disbursements — the movements and the totals they add up to. */
export const disbursementsView = z.object({
  projectId: z.uuid(),
  contractValueVnd: vnd.nullable(),
  advancedVnd: vnd,
  paidVnd: vnd,
  items: z.array(disbursementView),
});
export type DisbursementsView = z.infer<typeof disbursementsView>;

/** GET /api/v1/advance-rules?asOf= — the advance rules in force on a date (today by default). */
export const advanceRulesQuery = z.strictObject({ asOf: isoDate.optional() });
export type AdvanceRulesQuery = z.infer<typeof advanceRulesQuery>;

/** One advance rule (data, with its legal basis). */
export const advanceRuleView = z.object({
  id: z.string(),
  category: z.enum(advanceCategories),
  ratePercent: z.number().int().min(1).max(100),
  /** Advances only once the reported progress is above this. */
  progressAbovePercent: z.number().int().min(0).max(99).nullable(),
  onlyAfterAcceptance: z.boolean(),
  legalBasis: z.string(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  verified: z.boolean(),
});
export type AdvanceRuleView = z.infer<typeof advanceRuleView>;

/** GET /api/v1/advance-rules — the rules in force, by category. */
export const advanceRuleList = z.array(advanceRuleView);

const importModes = ['all', 'valid-rows'] as const;

/** POST /api/v1/projects/imports — a province's registration sheet (.xlsx, the template's columns). */
export const projectImportRequest = z.strictObject({
  planId: z.uuid(),
  ...xlsxUpload,
  /** Check everything and write nothing. */
  dryRun: z.boolean().default(false),
  /** `all`: write only a fully valid sheet; `valid-rows`: write the valid rows and report the others. */
  mode: z.enum(importModes).default('all'),
});
export type ProjectImportRequest = z.infer<typeof projectImportRequest>;

export const importProblem = z.object({
  /** Sheet row number as Excel shows it. */
  row: z.number().int().min(1),
  /** Column letter, or null for a problem with a whole row or the sheet. */
  column: z.string().nullable(),
  field: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

const rowCount = z.number().int().min(0);

export const projectImportView = z.object({
  /** The stored import (null for a dry run or when nothing was written). */
  importId: z.uuid().nullable(),
  planId: z.uuid(),
  fileName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  dryRun: z.boolean(),
  mode: z.enum(importModes),
  rows: rowCount,
  validRows: rowCount,
  invalidRows: rowCount,
  /** Whether projects were written (never for a dry run). */
  written: z.boolean(),
  created: z.array(z.object({ row: z.number().int().min(1), projectId: z.uuid(), code: projectCode })),
  problems: z.array(importProblem),
  /** True when the same file was already imported for this plan: this is that first result, nothing new. */
  replayed: z.boolean(),
});
export type ProjectImportView = z.infer<typeof projectImportView>;

/** GET /api/v1/projects/export.xlsx — the list's filters, every matching project (no pages). */
export const exportProjectsQuery = listProjectsQuery.omit({ page: true, limit: true });
export type ExportProjectsQuery = z.infer<typeof exportProjectsQuery>;
