import { z } from 'zod';
import { isoDate, provinceCode, text } from '../primitives';
import { taxCode } from './booths';

export const complaintStatuses = ['submitted', 'answered'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  submitted: 'Đã tiếp nhận',
  answered: 'Đã trả lời',
};

export const complaintOutcomes = ['upheld', 'rejected'] as const;
export type ComplaintOutcome = (typeof complaintOutcomes)[number];
export const complaintOutcomeLabels: Record<ComplaintOutcome, string> = {
  upheld: 'Chấp nhận khiếu nại',
  rejected: 'Không chấp nhận khiếu nại',
};

/** A complaint addressed under its round: `/api/v1/award-rounds/:id/complaints/:complaintId`. */
export const complaintParams = z.strictObject({ id: z.uuid(), complaintId: z.uuid() });
export type ComplaintParams = z.infer<typeof complaintParams>;

/** POST /api/v1/award-rounds/:id/complaints — a facility's complaint about the round's results. */
export const fileComplaintRequest = z.strictObject({
  /** The facility the complaint is about; a business user files for its own tax code only. */
  facilityTaxCode: taxCode,
  facilityName: text(300),
  /** The facility's provincial unit, in force on the day the complaint is received. */
  provinceCode,
  content: text(5000),
  /**
   * The day the complaint reached the council, when staff enter a complaint received on paper; omitted: today
   * in Việt Nam. Not in the future; a business files online and gives none.
   */
  receivedOn: isoDate.optional(),
});
export type FileComplaintRequest = z.infer<typeof fileComplaintRequest>;

/** PUT /api/v1/award-rounds/:id/complaints/:complaintId/answer — the council's answer, dated the day it is entered. */
export const answerComplaintRequest = z.strictObject({
  outcome: z.enum(complaintOutcomes),
  reason: text(5000),
});
export type AnswerComplaintRequest = z.infer<typeof answerComplaintRequest>;

export const listComplaintsQuery = z.strictObject({
  status: z.enum(complaintStatuses).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuery>;

export const complaintView = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  facilityTaxCode: z.string(),
  facilityName: z.string(),
  provinceCode,
  content: z.string(),
  /** The round's announcement the window was counted from, and the window's last day (15th working day). */
  announcedOn: isoDate,
  windowClosesOn: isoDate,
  receivedOn: isoDate,
  /** The 10th working day after receipt. */
  answerDueOn: isoDate,
  status: z.enum(complaintStatuses),
  statusLabel: z.string(),
  /** Unanswered and past its due day today; once answered, `answer.late` tells whether it came in time. */
  overdue: z.boolean(),
  answer: z
    .object({
      outcome: z.enum(complaintOutcomes),
      outcomeLabel: z.string(),
      reason: z.string(),
      answeredOn: isoDate,
      answeredBy: z.string(),
      /** Answered after the due day: recorded, and shown. */
      late: z.boolean(),
    })
    .nullable(),
  filedBy: z.string(),
  filedAt: z.iso.datetime(),
  /** The working-day calendar version the dates were counted on. */
  calendarVersion: z.string(),
});
export type ComplaintView = z.infer<typeof complaintView>;
