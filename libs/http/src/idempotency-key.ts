import { IDEMPOTENCY_KEY_RULE, isValidIdempotencyKey } from '@kc/contracts';
import type { Bilingual } from '@kc/errors';
import { fieldError } from './problem';
import { ValidationProblem } from './validation';

/**
 * The `Idempotency-Key` header of a write the service keeps the key for itself (a route with `idempotency:
 * 'service'`), with the gateway's rule for its form: 400 naming the header when it is missing (`whyRequired`
 * says why this write needs one) or malformed.
 */
export function requiredIdempotencyKey(value: string | undefined, whyRequired: Bilingual): string {
  if (value === undefined) {
    throw new ValidationProblem([fieldError('header.idempotency-key', 'required', whyRequired)]);
  }
  if (!isValidIdempotencyKey(value)) {
    throw new ValidationProblem([
      fieldError('header.idempotency-key', 'invalid_format', IDEMPOTENCY_KEY_RULE),
    ]);
  }
  return value;
}
