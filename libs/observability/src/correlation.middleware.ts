import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from './request-context';

/** Opens the request context: the caller's correlation id (or a new one), echoed in the response. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
    res.setHeader(CORRELATION_HEADER, correlationId);
    // Behind the gateway the caller's address arrives in X-Forwarded-For; the first entry is the client.
    const forwarded = String(req.headers['x-forwarded-for'] ?? '')
      .split(',')[0]
      .trim();
    const origin = {
      ip: forwarded || req.socket.remoteAddress || null,
      userAgent: req.headers['user-agent'] ?? null,
    };
    runWithContext({ correlationId, causationId: null, actor: null, principal: null, origin }, next);
  }
}
