import { z } from 'zod';

/**
 * The words of the project lifecycle shared by the projects events and HTTP contracts. An event version freezes
 * its payload: a new status or action means a new event version, never an edit here that old versions would see.
 */
export const projectStatuses = [
  'draft',
  'registered',
  'base-appraised',
  'submitted',
  'ministry-appraised',
  'in-plan',
  'contracted',
  'in-progress',
  'accepted',
  'liquidated',
  'settled',
  'rejected',
  'extended',
  'stopped',
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];
/** How a status reads in Vietnamese (views, messages, exports); a new status needs its label to compile. */
export const projectStatusLabels: Record<ProjectStatus, string> = {
  draft: 'Dự thảo',
  registered: 'Đã đăng ký',
  'base-appraised': 'Đã thẩm định cấp cơ sở',
  submitted: 'Đã gửi Bộ',
  'ministry-appraised': 'Đã thẩm định cấp Bộ',
  'in-plan': 'Trong kế hoạch',
  contracted: 'Đã ký hợp đồng',
  'in-progress': 'Đang thực hiện',
  accepted: 'Đã nghiệm thu',
  liquidated: 'Đã thanh lý',
  settled: 'Đã quyết toán',
  rejected: 'Không đạt',
  extended: 'Gia hạn',
  stopped: 'Dừng thực hiện',
};
/** The label of a status held as plain text (another service's copy); an unknown one reads as itself. */
export const projectStatusLabel = (status: string): string =>
  (projectStatusLabels as Record<string, string>)[status] ?? status;

export const projectActions = [
  'create',
  'register',
  'base-appraise',
  'submit',
  'ministry-appraise',
  'assign',
  'contract',
  'report-progress',
  'accept',
  'liquidate',
  'settle',
  'extend',
  'stop',
] as const;
export type ProjectAction = (typeof projectActions)[number];

export const projectKinds = ['ordinary', 'flagship', 'group'] as const;
export const planLevels = ['national', 'provincial'] as const;
export const fundingSources = ['KCQG', 'KCDP'] as const;
/** How a source is written in Vietnamese text (the code is ASCII): khuyến công quốc gia / địa phương. */
export const fundingSourceLabels = { KCQG: 'KCQG', KCDP: 'KCĐP' } as const satisfies Record<
  (typeof fundingSources)[number],
  string
>;
export const procurementModes = ['bidding', 'selection'] as const;
export const advanceCategories = [
  'cluster-infrastructure',
  'training-events-media',
  'model-machinery',
  'enterprise-founding',
] as const;
export const adjustmentKinds = [
  'support-increase',
  'content-change',
  'extension',
  'stop',
  'location',
  'beneficiary',
  'partner',
  'timing',
  'group-detail',
] as const;
export const approvalLevels = ['minister', 'agency', 'province'] as const;
export const disbursementKinds = ['advance', 'payment', 'refund'] as const;

/** Vietnamese enterprise / branch tax code: 10 digits, optionally `-` and a 3-digit branch suffix. */
export const beneficiaryTaxCode = z
  .string()
  .regex(/^\d{10}(-\d{3})?$/, 'must be a tax code of 10 digits (optionally -NNN)');
export const projectCode = z.string().min(1).max(50);
export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
