import { HttpException, HttpStatus } from '@nestjs/common';
import { problemType, type Problem } from '@kc/http';

/** 429 problem+json; whoever answers sets Retry-After from `retryAfterSeconds`. */
export class TooManyRequestsError extends HttpException {
  constructor(
    readonly code: string,
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(TooManyRequestsError.problem(code, detail), HttpStatus.TOO_MANY_REQUESTS);
  }

  static problem(code: string, detail: string): Problem {
    return { type: problemType(code), title: 'Too many requests', status: 429, detail, code };
  }
}
