/**
 * Framework-free errors that domain and application code throw. The HTTP edge maps each kind to one
 * problem+json status, so business code never thinks about status codes.
 */
export type DomainErrorKind =
  | 'not-found'
  | 'conflict'
  | 'rule-violated'
  | 'forbidden'
  | 'unauthenticated'
  | 'unavailable';

/** A message in both languages of the platform: Vietnamese first (the product's language), English second. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** The one combined form for a single string (logs, the problem `detail`): Vietnamese first. */
export const bothLanguages = (text: Bilingual): string => `${text.vi} / ${text.en}`;

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** The message in each language; `message` joins them for logs. */
  readonly messages: Bilingual;
  constructor(
    messages: Bilingual,
    /** A stable machine-readable code, e.g. `project.illegal-transition`. */
    readonly code: string,
    /** The field the rule is about, when there is one (e.g. `approvedSupportVnd`). */
    readonly field?: string,
  ) {
    super(bothLanguages(messages));
    this.messages = messages;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/** The request is well-formed but conflicts with the current state (e.g. an illegal state transition). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The request is well-formed but breaks a business rule (e.g. approved support above the request). */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule-violated';
}

/** One rule of several a request breaks at once, each named by its field and code. */
export interface Violation {
  field: string;
  code: string;
  messages: Bilingual;
}

/**
 * A request that breaks several rules at once, all of which the caller should hear about together (e.g. every
 * eligibility criterion a nominee misses): one 422 whose errors[] lists each.
 */
export class RuleViolationsError extends RuleViolationError {
  constructor(
    messages: Bilingual,
    code: string,
    readonly violations: readonly Violation[],
  ) {
    super(messages, code);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

/**
 * The answer cannot be given yet: e.g. this service's copy of another service's facts has not caught up (code
 * `consistency.replica-behind`), or that service could not be asked. Retryable: the edge answers 503 with
 * `Retry-After`, and an Idempotency-Key is not spent on it.
 */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(
    messages: Bilingual,
    code: string,
    field?: string,
    /** When a retry may succeed. */
    readonly retryAfterSeconds = 1,
  ) {
    super(messages, code, field);
  }
}
