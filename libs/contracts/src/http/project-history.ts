import { z } from 'zod';
import { isoDate, text, vnd } from '../primitives';
import { ruleIssue, say } from '../messages';
import { disbursementKinds, projectCode, projectStatuses } from '../events/projects/vocabulary';
import {
  acceptProjectRequest,
  baseAppraisalRequest,
  contractProjectRequest,
  createProjectRequest,
  liquidateProjectRequest,
  ministryAppraisalRequest,
  settleProjectRequest,
} from './projects';
import { progressReportRequest } from './project-finance';

/**
 * At most this many records per request: bounds the work of one call (each record is a transaction of a few
 * dozen statements; the gateway waits 10 s for a service's answer).
 */
export const MAX_HISTORY_RECORDS = 100;

/** A monthly report as the legacy system kept it, with the day it was received (its lateness follows). */
const historicalReport = progressReportRequest.extend({ receivedOn: isoDate });

const historicalDisbursement = z.strictObject({
  kind: z.enum(disbursementKinds),
  amountVnd: vnd.min(1, say('phải ít nhất là 1 VND', 'must be at least 1 VND')),
  on: isoDate,
  reference: text(200).optional(),
});

/** An extension into the next year: a Minister-level decision (the province's own for a provincial plan). */
const historicalExtension = z.strictObject({
  newEndDate: isoDate,
  decisionNumber: text(100),
  decidedOn: isoDate,
  reason: text(2000),
});

/**
 * One project's past as a legacy system recorded it. Every step is optional: a record carries what happened
 * so far, in any of its parts; the import records, from where the project stands, the steps that come next.
 */
export const projectHistoryRecord = z
  .strictObject({
    /** The record's identifier in the legacy system; unique within the plan: a re-sent record finds its project. */
    legacyRef: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(
        /^[\x21-\x7e]+$/,
        say(
          'phải là ký tự ASCII nhìn thấy được, không có dấu cách',
          'must be visible ASCII characters without spaces',
        ),
      ),
    /** The project's facts (as POST /api/v1/projects, without the plan): needed when the record is new. */
    project: createProjectRequest.omit({ planId: true }).optional(),
    baseAppraisal: baseAppraisalRequest.optional(),
    ministryAppraisal: ministryAppraisalRequest.optional(),
    contract: contractProjectRequest.optional(),
    reports: z.array(historicalReport).max(60).default([]),
    disbursements: z.array(historicalDisbursement).max(100).default([]),
    extension: historicalExtension.optional(),
    acceptance: acceptProjectRequest.optional(),
    liquidation: liquidateProjectRequest.optional(),
    settlement: settleProjectRequest.optional(),
  })
  .superRefine((r, ctx) => {
    const failed = [r.baseAppraisal, r.ministryAppraisal].findIndex((a) => a?.result === 'failed');
    const later = failed === 0 ? Boolean(r.ministryAppraisal) || Boolean(r.contract) : Boolean(r.contract);
    if (failed >= 0 && later) {
      ctx.addIssue({
        ...ruleIssue(
          'failed-appraisal-ends-history',
          'thẩm định không đạt kết thúc hồ sơ: không bước nào được theo sau',
          'a failed appraisal ends the history: no later step may follow',
        ),
        path: [failed === 0 ? 'baseAppraisal' : 'ministryAppraisal', 'result'],
      });
    }
    const months = r.reports.map((x) => x.month);
    if (new Set(months).size !== months.length) {
      ctx.addIssue({
        ...ruleIssue('no-repeats', 'không được báo cáo một tháng hai lần', 'must not report a month twice'),
        path: ['reports'],
      });
    }
  });
export type ProjectHistoryRecord = z.infer<typeof projectHistoryRecord>;

/**
 * POST /api/v1/projects/history-imports — records the past of projects a legacy system already took through
 * their lifecycle (a province or the agency migrating its records): creation and registration, appraisals,
 * contract, monthly reports, advances and payments, extension, acceptance, liquidation and settlement, each on
 * the day it happened and under the same rules as the live steps. Steps that belong to the plans service (the
 * registration report that submits a project, the decision that allocates to it) are never recorded here.
 */
export const projectHistoryImportRequest = z
  .strictObject({
    planId: z.uuid(),
    records: z.array(projectHistoryRecord).min(1).max(MAX_HISTORY_RECORDS),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.records.forEach((record, i) => {
      if (seen.has(record.legacyRef)) {
        ctx.addIssue({
          ...ruleIssue('no-repeats', 'xuất hiện hai lần', 'appears twice'),
          path: ['records', i, 'legacyRef'],
        });
      }
      seen.add(record.legacyRef);
      // `omit` leaves the project rules behind (schedule order, norm code and units together): check them here.
      if (record.project) {
        const facts = createProjectRequest.safeParse({ planId: body.planId, ...record.project });
        for (const issue of facts.success ? [] : facts.error.issues) {
          // The project rule's own name and messages travel with it (a built-in check keeps zod's code).
          const params = issue.code === 'custom' ? issue.params : { rule: issue.code };
          ctx.addIssue({
            code: 'custom',
            path: ['records', i, 'project', ...issue.path],
            message: issue.message,
            params,
          });
        }
      }
    });
  });
export type ProjectHistoryImportRequest = z.infer<typeof projectHistoryImportRequest>;

/** A problem with one record, the field named from the request's root (`records[3].reports[2].month`). */
export const historyProblem = z.object({
  field: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});
export type HistoryProblem = z.infer<typeof historyProblem>;

export const projectHistoryResult = z.object({
  legacyRef: z.string(),
  /** The record's project (null when the record was refused before one existed). */
  projectId: z.uuid().nullable(),
  code: projectCode.nullable(),
  /** Where the project stands after this request. */
  status: z.enum(projectStatuses).nullable(),
  /** Lifecycle steps this request recorded for the record (0: nothing new, or refused). */
  recorded: z.number().int().min(0),
  /**
   * The project's next step belongs to the plans service: its province's registration report (→ submitted) or
   * the assignment decision (→ in-plan). Send the record again once that happened.
   */
  waitingFor: z.enum(['registration', 'decision']).nullable(),
  /** Why nothing of this record was written (each record is written whole or not at all). */
  problems: z.array(historyProblem),
});
export type ProjectHistoryResult = z.infer<typeof projectHistoryResult>;

export const projectHistoryImportView = z.object({
  planId: z.uuid(),
  records: z.number().int().min(1),
  /** Steps recorded over all records. */
  recorded: z.number().int().min(0),
  /** Records refused (see their problems); the others were written or had nothing new. */
  refused: z.number().int().min(0),
  results: z.array(projectHistoryResult),
});
export type ProjectHistoryImportView = z.infer<typeof projectHistoryImportView>;
