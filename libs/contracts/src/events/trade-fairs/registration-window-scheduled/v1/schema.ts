import { z } from 'zod';
import { defineEvent } from '../../../event-definition';

export const registrationWindowScheduledV1 = defineEvent({
  type: 'trade-fairs.registration-window.scheduled',
  version: 1,
  topic: 'trade-fairs.fair.events',
  summary:
    "A fair's booth registration window was set, with the hold duration and the per-facility booth limit.",
  payload: z.strictObject({
    fairId: z.uuid(),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    holdMinutes: z.number().int().min(1),
    facilityBoothLimit: z.number().int().min(1),
  }),
});
