import { HttpException, HttpStatus } from '@nestjs/common';
import type { Bilingual } from '@kc/errors';
import { problemOf, type Problem } from '@kc/http';

/** 429 problem+json; whoever answers sets Retry-After from `retryAfterSeconds`. */
export class TooManyRequestsError extends HttpException {
  constructor(
    readonly code: string,
    messages: Bilingual,
    readonly retryAfterSeconds: number,
  ) {
    super(TooManyRequestsError.problem(code, messages), HttpStatus.TOO_MANY_REQUESTS);
  }

  static problem(code: string, messages: Bilingual): Problem {
    return problemOf({ status: 429, code, messages });
  }
}
