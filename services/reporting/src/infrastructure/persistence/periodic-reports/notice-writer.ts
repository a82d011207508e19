import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Bilingual } from '@kc/errors';
import { sql } from '@kc/persistence';
import type { WebhookEventKind } from '@kc/contracts';

export type NoticeKindStored = 'reminder' | 'due-today' | 'overdue' | 'returned' | 'approved';

export interface NewNotice {
  key: string;
  kind: NoticeKindStored;
  provinceCode: string;
  /** The reporter inside the unit (a project, a facility); null for the department's own report. */
  reporterId: string | null;
  formId: string;
  period: string;
  reportId: string | null;
  message: Bilingual;
  at: Date;
}

/** The webhook event kind a notice goes out as (a reminder and the due-day notice are both reminders). */
export const webhookKindOf = (kind: NoticeKindStored): WebhookEventKind =>
  kind === 'overdue'
    ? 'periodic-report.overdue'
    : kind === 'returned'
      ? 'periodic-report.returned'
      : kind === 'approved'
        ? 'periodic-report.approved'
        : 'periodic-report.reminder';

/**
 * Records a notice once per key, in the caller's transaction: the notification list entry and one pending
 * webhook delivery per active subscription that wants its kind (the unit's own systems and the agency's). A key
 * already recorded inserts nothing — neither the list entry nor a delivery — so re-runs and parallel schedulers
 * are harmless. Returns whether this call recorded it.
 */
export async function recordNotice(manager: EntityManager, notice: NewNotice): Promise<boolean> {
  const id = randomUUID();
  const inserted = await sql<{ id: string }>(
    manager,
    `INSERT INTO notice (id, key, kind, province_code, reporter_id, form_id, period, report_id, message, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (key) DO NOTHING RETURNING id`,
    [
      id,
      notice.key,
      notice.kind,
      notice.provinceCode,
      notice.reporterId,
      notice.formId,
      notice.period,
      notice.reportId,
      JSON.stringify(notice.message),
      notice.at,
    ],
    { inTransaction: true },
  );
  if (inserted.length === 0) return false;
  const type = webhookKindOf(notice.kind);
  // The exact bytes signed and sent, fixed now: every retry sends the same body with the same event id.
  const body = JSON.stringify({
    id,
    type,
    occurredAt: notice.at.toISOString(),
    data: {
      notice: notice.kind,
      provinceCode: notice.provinceCode,
      // Added field: which project or facility the notice is about (null for the department's own report).
      reporterId: notice.reporterId,
      formId: notice.formId,
      period: notice.period,
      reportId: notice.reportId,
      message: notice.message,
    },
  });
  // FOR SHARE: a subscription being unsubscribed (or paused) right now is read as it stands once that commits,
  // so no pending delivery is queued behind an unsubscribe that already cancelled the others.
  await sql(
    manager,
    `INSERT INTO webhook_delivery (id, subscription_id, event_id, kind, body, status, next_attempt_at, created_at)
     SELECT gen_random_uuid(), s.id, $1, $2, $3, 'pending', $4, $4
       FROM webhook_subscription s
      WHERE s.active AND $2 = ANY (s.events) AND (s.province_code IS NULL OR s.province_code = $5)
        FOR SHARE OF s
     ON CONFLICT (subscription_id, event_id) DO NOTHING`,
    [id, type, body, notice.at, notice.provinceCode],
    { inTransaction: true },
  );
  return true;
}
