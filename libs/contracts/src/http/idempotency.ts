/**
 * The platform's one Idempotency-Key policy (the gateway's key records and the trade-fairs booking store).
 *
 * A key is spent only on an answer that a retry of the same request could never change:
 * - a completed write (2xx): replayed as it was, with no second effect;
 * - a refusal of the request's shape (400 invalid, 413 too large, 415 not JSON): the same bytes stay invalid.
 *
 * Every other answer depends on state that can change, so it is not kept and the same key may be sent again:
 * 401/403 (credentials and roles change), 404 (a record may yet arrive from another service), 409 and 422
 * (conflicts and business rules are judged against current state: a ceiling raised, a replica caught up, a
 * lock released), 429, 5xx and no answer at all. None of these had an effect, so a retry cannot double one.
 */
const FINAL_REFUSALS = new Set([400, 413, 415]);

/** True when an Idempotency-Key keeps this answer for replay (see the policy above). */
export function isFinalAnswer(status: number): boolean {
  return (status >= 200 && status < 300) || FINAL_REFUSALS.has(status);
}
