import { z } from 'zod';
import { ruleIssue } from '../messages';
import { isoDate, provinceCode, text } from '../primitives';

/** The first day a petition received on paper may be recorded with (the working-day calendar starts there). */
export const PETITION_PAPER_FROM = '2018-01-01';

export const petitionStatuses = ['received', 'in-progress', 'answered', 'closed'] as const;
export type PetitionStatus = (typeof petitionStatuses)[number];
export const petitionStatusLabels: Record<PetitionStatus, string> = {
  received: 'Đã tiếp nhận',
  'in-progress': 'Đang xử lý',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
};

/**
 * POST /api/v1/cluster-petitions — a petition (kiến nghị) to the agency: from a province's department (for its
 * unit) or from a cluster's infrastructure developer (a business user whose tax code is the cluster's
 * developer's). `clusterId` names the cluster it is about; a developer must give it.
 */
export const filePetitionRequest = z.strictObject({
  provinceCode: provinceCode.optional(),
  clusterId: z.uuid().optional(),
  subject: text(300),
  content: text(10_000),
  /**
   * A petition received on paper, recorded by the agency or the department: the day it was received (not in
   * the future, not before 2018); the response deadline counts from it. Absent: received today.
   */
  receivedOn: isoDate
    .refine(
      (d) => d >= PETITION_PAPER_FROM,
      ruleIssue('not-before-2018', 'không được trước ngày 01/01/2018', 'must not be before 2018-01-01'),
    )
    .optional(),
});
export type FilePetitionRequest = z.infer<typeof filePetitionRequest>;

export const answerPetitionRequest = z.strictObject({ answer: text(10_000) });
export type AnswerPetitionRequest = z.infer<typeof answerPetitionRequest>;

export const closePetitionRequest = z.strictObject({ note: text(2000) });
export type ClosePetitionRequest = z.infer<typeof closePetitionRequest>;

export const listPetitionsQuery = z.strictObject({
  provinceCode: provinceCode.optional(),
  status: z.enum(petitionStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPetitionsQuery = z.infer<typeof listPetitionsQuery>;

export const petitionView = z.object({
  id: z.uuid(),
  provinceCode,
  clusterId: z.uuid().nullable(),
  clusterCode: z.string().nullable(),
  petitioner: z.enum(['province', 'developer']),
  /** The developer's tax code for a developer's petition. */
  developerTaxCode: z.string().nullable(),
  subject: z.string(),
  content: z.string(),
  receivedOn: isoDate,
  /** Received on paper and recorded afterwards with its day of receipt (`receivedOn` given when filed). */
  receivedOnPaper: z.boolean(),
  /** The 15th working day after receipt (working-day calendar with Vietnamese public holidays). */
  responseDueOn: isoDate,
  calendarVersion: z.string(),
  status: z.enum(petitionStatuses),
  statusLabel: z.string(),
  /** Not answered or closed and today (Việt Nam) is past the due day. */
  overdue: z.boolean(),
  answer: z
    .object({ text: z.string(), answeredBy: z.string(), answeredOn: isoDate, late: z.boolean() })
    .nullable(),
  closed: z.object({ note: z.string(), closedBy: z.string(), closedOn: isoDate }).nullable(),
  filedBy: z.string(),
  filedAt: z.iso.datetime(),
});
export type PetitionView = z.infer<typeof petitionView>;

export const findingSeverities = ['minor', 'major', 'critical'] as const;
export const findingSeverityLabels: Record<(typeof findingSeverities)[number], string> = {
  minor: 'Nhẹ',
  major: 'Nghiêm trọng',
  critical: 'Đặc biệt nghiêm trọng',
};

/** POST /api/v1/cluster-inspections — an inspection of a cluster with its findings and follow-up actions. */
export const recordInspectionRequest = z.strictObject({
  clusterId: z.uuid(),
  inspectedOn: isoDate,
  authority: text(300),
  summary: text(5000).optional(),
  findings: z
    .array(z.strictObject({ description: text(2000), severity: z.enum(findingSeverities) }))
    .max(100),
  actions: z
    .array(
      z.strictObject({
        description: text(2000),
        dueOn: isoDate,
        /** The finding (1-based, as listed) the action answers, if one. */
        finding: z.number().int().min(1).optional(),
      }),
    )
    .max(200),
});
export type RecordInspectionRequest = z.infer<typeof recordInspectionRequest>;

export const inspectionActionParams = z.strictObject({ id: z.uuid(), actionId: z.uuid() });

export const completeActionRequest = z.strictObject({
  /** Omitted: today in Việt Nam; never in the future nor before the inspection. */
  completedOn: isoDate.optional(),
  note: text(2000),
});
export type CompleteActionRequest = z.infer<typeof completeActionRequest>;

export const listInspectionsQuery = z.strictObject({
  provinceCode: provinceCode.optional(),
  clusterId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListInspectionsQuery = z.infer<typeof listInspectionsQuery>;

export const inspectionView = z.object({
  id: z.uuid(),
  clusterId: z.uuid(),
  clusterCode: z.string(),
  provinceCode,
  inspectedOn: isoDate,
  authority: z.string(),
  summary: z.string().nullable(),
  findings: z.array(
    z.object({
      number: z.number().int().min(1),
      description: z.string(),
      severity: z.enum(findingSeverities),
      severityLabel: z.string(),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.uuid(),
      finding: z.number().int().min(1).nullable(),
      description: z.string(),
      dueOn: isoDate,
      completedOn: isoDate.nullable(),
      completedBy: z.string().nullable(),
      note: z.string().nullable(),
      /** Done after its due day. */
      completedLate: z.boolean(),
      /** Not done and today (Việt Nam) is past its due day. */
      overdue: z.boolean(),
    }),
  ),
  openActions: z.number().int().min(0),
  overdueActions: z.number().int().min(0),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime(),
});
export type InspectionView = z.infer<typeof inspectionView>;
