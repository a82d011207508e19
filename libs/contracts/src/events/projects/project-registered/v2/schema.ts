import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { activityContentCode, isoDate, provinceCode, vnd, year } from '../../../../primitives';
import {
  advanceCategories,
  fundingSources,
  planLevels,
  procurementModes,
  projectCode,
  projectKinds,
  beneficiaryTaxCode,
} from '../../vocabulary';

/** v2 carries every fact plans and reporting need, so neither has to ask projects. */
export const projectRegisteredV2 = defineEvent({
  type: 'projects.project.registered',
  version: 2,
  topic: 'projects.project.events',
  summary:
    'A project (đề án) was registered under an annual plan: kind, contents, budget split, requested support, schedule and beneficiaries.',
  payload: z.strictObject({
    projectId: z.uuid(),
    code: projectCode,
    planId: z.uuid(),
    planYear: year,
    planLevel: z.enum(planLevels),
    fundingSource: z.enum(fundingSources),
    title: z.string().min(1).max(500),
    kind: z.enum(projectKinds),
    activityContents: z.array(activityContentCode).min(1).max(9),
    implementingUnit: z.string().min(1).max(300),
    provinceCode,
    commune: z.string().min(1).max(200).nullable(),
    startDate: isoDate,
    endDate: isoDate,
    kcqgVnd: vnd,
    kcdpVnd: vnd,
    counterpartVnd: vnd,
    otherVnd: vnd,
    /** The support asked from the plan's own funding source (KCQG for a national plan, KCĐP for a provincial one). */
    requestedSupportVnd: vnd,
    normCode: z.string().min(1).max(50).nullable(),
    normUnits: z.number().int().min(1).nullable(),
    procurementMode: z.enum(procurementModes),
    advanceCategory: z.enum(advanceCategories),
    beneficiaryTaxCodes: z.array(beneficiaryTaxCode),
  }),
});
