import { z } from 'zod';

/**
 * The answer of a history import of reports (cluster reports, periodic reports): each record created, found
 * already there (a re-sent import changes nothing) or refused with the problem it would have had on its own.
 * `ref` names a record (its index and natural key); `created` is what a created report tells beyond it.
 */
export function reportHistoryImportView<R extends z.ZodRawShape, C extends z.ZodRawShape>(
  ref: R,
  created: C,
) {
  const record = { index: z.number().int().min(0), ...ref };
  return z.object({
    records: z.number().int().min(1),
    /** Reports this request created, as recorded. */
    created: z.array(
      z.object({ ...record, reportId: z.uuid(), versions: z.number().int().min(1), ...created }),
    ),
    /** Records telling the same story as a report already held: nothing changed. */
    existing: z.array(z.object({ ...record, reportId: z.uuid() })),
    /**
     * Records refused, nothing of them written: `status` is the HTTP status the problem would have on its own
     * (409 a different report is held for the same key, 404 an unknown subject, 422 a rule).
     */
    refused: z.array(
      z.object({
        ...record,
        reportId: z.uuid().nullable(),
        status: z.number().int(),
        field: z.string(),
        rule: z.string(),
        message: z.string(),
      }),
    ),
  });
}
