/**
 * The life of one webhook delivery (one event for one subscription):
 *
 *   pending ──2xx──▶ delivered                      (final: the event id was received, it is never sent again)
 *   pending ──retries spent──▶ given-up ──redrive──▶ pending   (a fresh attempt budget)
 *   pending ──unsubscribe──▶ cancelled              (final: kept in the log, never sent)
 *
 * The database holds the same transitions (migration 1764300000300-webhook-management).
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'given-up', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * The status an attempt leaves: delivered on a 2xx; otherwise cancelled if the subscription was unsubscribed
 * while the attempt was in flight, pending while the backoff allows another attempt, given up when it does not.
 */
export function statusAfterAttempt(outcome: {
  ok: boolean;
  retry: boolean;
  unsubscribed: boolean;
}): WebhookDeliveryStatus {
  if (outcome.ok) return 'delivered';
  if (outcome.unsubscribed) return 'cancelled';
  return outcome.retry ? 'pending' : 'given-up';
}

/**
 * Attempts counted against the retry budget once attempt `number` was made: those of the current round, which
 * starts at the first attempt or at the first one after the last redrive (`roundFirstAttempt`).
 */
export function attemptsInRound(number: number, roundFirstAttempt: number): number {
  if (!Number.isInteger(number) || !Number.isInteger(roundFirstAttempt) || roundFirstAttempt < 1) {
    throw new RangeError(`attempts are numbered from 1, got ${number} in a round from ${roundFirstAttempt}`);
  }
  if (number < roundFirstAttempt)
    throw new RangeError(`attempt ${number} precedes its round (${roundFirstAttempt})`);
  return number - roundFirstAttempt + 1;
}

/**
 * Only a given-up delivery is redriven: a delivered one was received (once per event id), a pending one is still
 * being tried, a cancelled one belongs to an endpoint that unsubscribed.
 */
export const mayRedrive = (status: WebhookDeliveryStatus): boolean => status === 'given-up';
