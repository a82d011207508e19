import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate } from '../../../../primitives';

/** A withdrawn certificate gives no priority and counts for nothing from `withdrawnOn`. */
export const awardCertificateWithdrawnV1 = defineEvent({
  type: 'awards.certificate.withdrawn',
  version: 1,
  topic: 'awards.certificate.events',
  summary: 'An award certificate was withdrawn, with the date and the reason.',
  payload: z.strictObject({
    certificateId: z.uuid(),
    number: z.string().min(1).max(40),
    withdrawnOn: isoDate,
    reason: z.string().min(10).max(1000),
  }),
});
