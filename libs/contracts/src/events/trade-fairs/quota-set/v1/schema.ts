import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

export const quotaSetV1 = defineEvent({
  type: 'trade-fairs.quota.set',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary:
    'A regional fair reserved booths for provinces of its region until a release time; the rest is the common pool.',
  payload: z.strictObject({
    fairId: z.uuid(),
    quotas: z.array(z.strictObject({ provinceCode, booths: z.number().int().min(0) })).min(1),
    poolBooths: z.number().int().min(0),
    releaseAt: z.iso.datetime({ offset: true }),
  }),
});
