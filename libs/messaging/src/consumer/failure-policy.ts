import { ZodError } from 'zod';
import { DomainError } from '@kc/errors';

/** A handler throws this when retrying cannot help (the message itself is wrong for this consumer). */
export class PermanentHandlerError extends Error {
  override readonly name = 'PermanentHandlerError';
}

export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentHandlerError || error instanceof DomainError || error instanceof ZodError;
}

export interface RetryPolicy {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialBackoffMs: 200,
  maxBackoffMs: 5_000,
};

export function backoffFor(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.initialBackoffMs * 2 ** (attempt - 1), policy.maxBackoffMs);
}
