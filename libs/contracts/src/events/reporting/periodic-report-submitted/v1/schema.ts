import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { isoDate, periodicReportRef } from '../../periodic-report-common';

/**
 * A unit submitted its periodic report: a new frozen version, received at `submittedAt` (the platform's receipt
 * time), on time or late by whole Vietnamese calendar days against the deadline fixed when the report opened.
 */
export const periodicReportSubmittedV1 = defineEvent({
  type: 'reporting.periodic-report.submitted',
  version: 1,
  topic: 'reporting.periodic-report.events',
  summary: 'A province submitted a periodic report (a new numbered version), on time or late.',
  payload: z.strictObject({
    ...periodicReportRef,
    submittedAt: z.iso.datetime({ offset: true }),
    submittedOn: isoDate,
    lastOnTimeDay: isoDate,
    onTime: z.boolean(),
    daysLate: z.number().int().min(0),
  }),
});
