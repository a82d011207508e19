import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { provinceCode, vnd } from '../../../../primitives';

/**
 * The host province's department certified the fair's participant list — the payment evidence of every
 * supported booth (domain §9). The list is closed from here: no certification or cancellation changes it.
 */
export const participantListCertifiedV1 = defineEvent({
  type: 'trade-fairs.participant-list.certified',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary: "The host province's department certified the fair's participant list (the payment evidence).",
  payload: z.strictObject({
    fairId: z.uuid(),
    hostProvinceCode: provinceCode,
    documentNumber: z.string().min(1).max(100),
    /** The provincial units whose delegations are on the list. */
    provinceCodes: z.array(provinceCode).min(1),
    facilities: z.number().int().min(1),
    booths: z.number().int().min(1),
    rentVnd: vnd,
    supportVnd: vnd,
  }),
});
