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
