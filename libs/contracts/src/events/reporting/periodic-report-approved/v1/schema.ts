import { z } from 'zod';
import { defineEvent } from '../../../event-definition';
import { periodicReportRef, reviewLevel } from '../../periodic-report-common';

/**
 * A level approved a submitted report. `final`: the last level of the review chain approved it, and `figures`
 * (the version's entered values by cell key, counts and integer VND) are what counts for the unit and period —
 * replacing the figures of an earlier approval of the same report (a correction after a recorded reopening).
 */
export const periodicReportApprovedV1 = defineEvent({
  type: 'reporting.periodic-report.approved',
  version: 1,
  topic: 'reporting.periodic-report.events',
  summary: 'A periodic report was approved at one level; the final approval makes its figures count.',
  payload: z.strictObject({
    ...periodicReportRef,
    level: reviewLevel,
    final: z.boolean(),
    approvedAt: z.iso.datetime({ offset: true }),
    figures: z.record(z.string(), z.number().int().min(0)).nullable(),
  }),
});
