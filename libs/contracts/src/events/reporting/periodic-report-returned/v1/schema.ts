import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { periodicReportRef, reviewLevel } from '../../periodic-report-common';

/** A reviewer returned a submitted report to its unit for correction, with the reason. */
export const periodicReportReturnedV1 = defineEvent({
  type: 'reporting.periodic-report.returned',
  version: 1,
  topic: 'reporting.periodic-report.events',
  summary: 'A periodic report was returned to its province for correction, with the reason.',
  payload: z.strictObject({
    ...periodicReportRef,
    level: reviewLevel,
    reason: z.string().min(1).max(5_000),
    returnedAt: z.iso.datetime({ offset: true }),
  }),
});
