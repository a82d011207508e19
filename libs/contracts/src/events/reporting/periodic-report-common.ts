import { z } from 'zod';
import { isoDate, provinceCode } from '../../primitives';

/** What every periodic-report event says of its report (never the narrative text: it stays in reporting). */
export const periodicReportRef = {
  reportId: z.uuid(),
  formId: z.string().min(1).max(60),
  formVersion: z.number().int().min(1),
  /** `2026-Q1`, `2026-H1`, `2026-Y`, `2026-M03`. */
  period: z.string().regex(/^\d{4}-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|Y)$/),
  provinceCode,
  reporterId: z.string().min(1).max(60),
  /** The numbered, frozen version the step is about. */
  version: z.number().int().min(1),
};

export const reviewLevel = z.enum(['province', 'agency']);
export { isoDate };
