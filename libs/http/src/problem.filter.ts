import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { throwError } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import {
  DomainError,
  RuleViolationsError,
  UnavailableError,
  type Bilingual,
  type DomainErrorKind,
} from '@kc/errors';
import { currentContext } from '@kc/observability';
import { fieldError, PROBLEM_CONTENT_TYPE, problemOf, titleOf, type Problem } from './problem';

const statusOfKind: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  'rule-violated': 422,
  forbidden: 403,
  unauthenticated: 401,
  unavailable: 503,
};

/** Postgres constraint violations that reach the edge are conflicts with existing data, not crashes. */
const pgConflicts: Record<string, { code: string; messages: Bilingual }> = {
  '23505': {
    code: 'constraint.unique',
    messages: {
      vi: 'Đã có một bản ghi với cùng các giá trị định danh.',
      en: 'A record with the same identifying values already exists.',
    },
  },
  '23514': {
    code: 'constraint.check',
    messages: {
      vi: 'Thay đổi này vi phạm một quy tắc mà cơ sở dữ liệu bảo đảm.',
      en: 'The change would break a rule the database enforces.',
    },
  },
  '23503': {
    code: 'constraint.foreign-key',
    messages: {
      vi: 'Thay đổi này tham chiếu một bản ghi không tồn tại hoặc đang được sử dụng.',
      en: 'The change refers to a record that does not exist or is still in use.',
    },
  },
};

/** `Method not allowed` → `http.method-not-allowed`: a stable code for the framework's own refusals. */
const httpCode = (status: number) =>
  `http.${titleOf(status)
    .en.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')}`;

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
      const { code, messages, field } = exception;
      const errors =
        exception instanceof RuleViolationsError
          ? exception.violations.map((v) => fieldError(v.field, v.code, v.messages))
          : field
            ? [fieldError(field, code, messages)]
            : [];
      return problemOf({
        status: statusOfKind[exception.kind],
        code,
        messages,
        ...(errors.length > 0 ? { errors } : {}),
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'type' in body && 'code' in body)
        return body as Problem;
      // The framework's own refusals (no route, wrong method…) speak English: the title says it in Vietnamese.
      const en =
        typeof body === 'string'
          ? body
          : String((body as { message?: unknown }).message ?? exception.message);
      const messages = { vi: titleOf(status).vi, en };
      return problemOf({ status, code: httpCode(status), slug: `http-${status}`, messages });
    }
    if (exception instanceof QueryFailedError) {
      const conflict = pgConflicts[(exception.driverError as { code?: string } | undefined)?.code ?? ''];
      if (conflict) return problemOf({ status: 409, slug: 'constraint-violation', ...conflict });
    }
    const error = exception as Error;
    this.log.error({ msg: 'unhandled error', error: error?.message, stack: error?.stack });
    return problemOf({
      status: 500,
      code: 'internal.unexpected',
      slug: 'internal',
      messages: { vi: 'Đã xảy ra lỗi không mong đợi.', en: 'An unexpected error occurred.' },
    });
  }
}
