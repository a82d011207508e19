import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, throwError, type MonoTypeOperatorFunction, type Observable } from 'rxjs';
import { TooManyRequestsError } from '../../application/too-many-requests';

/** Puts Retry-After on a 429 answer (the problem filter writes only the body). */
export const withRetryAfter = <T>(response: Response): MonoTypeOperatorFunction<T> =>
  catchError((error: unknown) => {
    if (error instanceof TooManyRequestsError) {
      response.setHeader('retry-after', String(error.retryAfterSeconds));
    }
    return throwError(() => error);
  });

/** Puts Retry-After on the 429 answers of a handler. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(withRetryAfter(context.switchToHttp().getResponse<Response>()));
  }
}
