import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { throwError } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { DomainError, UnavailableError, type DomainErrorKind } from '@kc/errors';
import { currentContext } from '@kc/observability';
import { PROBLEM_CONTENT_TYPE, problemType, type Problem } from './problem';

const statusOfKind: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  'rule-violated': 422,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
};

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Business rule violated',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Upstream service failed',
  503: 'Service unavailable',
};

/** Postgres constraint violations that reach the edge are conflicts with existing data, not crashes. */
const pgConflicts: Record<string, string> = {
  '23505': 'A record with the same identifying values already exists.',
  '23514': 'The change would break a rule the database enforces.',
  '23503': 'The change refers to a record that does not exist or is still in use.',
};

/**
 * Turns every error into application/problem+json. Unexpected errors are logged with their stack and
 * answered with a generic 500 that shows no stack or SQL. In an event handler (rpc context) the original
 * error is passed on so the consumer can decide between retry and dead letter.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() === 'rpc') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    problem.correlationId = currentContext()?.correlationId;
    if (exception instanceof UnavailableError)
      response.setHeader('retry-after', String(exception.retryAfterSeconds));
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
    return undefined;
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      const status = statusOfKind[exception.kind];
      return {
        type: problemType(exception.code),
        title: titles[status],
        status,
        detail: exception.message,
        code: exception.code,
        ...(exception.field
          ? { errors: [{ field: exception.field, rule: exception.code, message: exception.message }] }
          : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'type' in body && 'title' in body)
        return body as Problem;
      const message =
        typeof body === 'string'
          ? body
          : String((body as { message?: unknown }).message ?? exception.message);
      return {
        type: problemType(`http-${status}`),
        title: titles[status] ?? 'Error',
        status,
        detail: message,
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code ?? '';
      if (pgConflicts[code]) {
        return {
          type: problemType('constraint-violation'),
          title: titles[409],
          status: 409,
          detail: pgConflicts[code],
        };
      }
    }
    const error = exception as Error;
    this.log.error({ msg: 'unhandled error', error: error?.message, stack: error?.stack });
    return {
      type: problemType('internal'),
      title: titles[500],
      status: 500,
      detail: 'An unexpected error occurred.',
    };
  }
}
