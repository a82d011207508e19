import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from './request-context';

/** Opens the request context: the caller's correlation id (or a new one), echoed in the response. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    res.setHeader(CORRELATION_HEADER, correlationId);
    runWithContext({ correlationId, causationId: null, actor: null }, next);
  }
}
