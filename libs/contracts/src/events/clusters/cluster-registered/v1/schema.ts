import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode } from '../../../../primitives';

export const clusterRegisteredV1 = defineEvent({
  type: 'clusters.cluster.registered',
  version: 1,
  topic: 'clusters.cluster.events',
  summary: 'An industrial cluster (CCN) was entered in the registry.',
  payload: z.strictObject({
    clusterId: z.uuid(),
    code: z.string().min(1).max(50),
    name: z.string().min(1).max(300),
    provinceCode,
    status: z.enum(['planned', 'established', 'detailed-plan', 'infrastructure', 'operating']),
    /** Hectares with two decimals, carried as hundredths of a hectare to stay an integer. */
    totalAreaCentiHa: z.number().int().min(0),
  }),
});
