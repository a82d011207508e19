import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { activityContentCode, isoDate, provinceCode, year } from '../../../../primitives';

export const programmeCreatedV1 = defineEvent({
  type: 'plans.programme.created',
  version: 1,
  topic: 'plans.plan.events',
  summary:
    'A khuyến công programme (a province’s own KCĐP programme) was created with its content groups and targets.',
  payload: z.strictObject({
    programmeId: z.uuid(),
    code: z.string().min(1).max(60),
    nameVi: z.string().min(1).max(300),
    level: z.enum(['national', 'provincial']),
    provinceCode: provinceCode.nullable(),
    firstYear: year,
    lastYear: year,
    legalBasis: z.strictObject({
      decisionNumber: z.string().min(1).max(60),
      decisionDate: isoDate.nullable(),
      issuer: z.string().min(1).max(200),
    }),
    contentGroups: z.array(
      z.strictObject({
        code: z.string().min(1).max(20),
        nameVi: z.string().min(1).max(300),
        activityContents: z.array(activityContentCode).min(1),
      }),
    ),
    targets: z.array(
      z.strictObject({
        contentGroupCode: z.string().min(1).max(20),
        indicatorVi: z.string().min(1).max(300),
        targetValue: z.number().min(0).nullable(),
        unit: z.string().min(1).max(60),
      }),
    ),
  }),
});
