import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal, RouteDefinition } from '@kc/contracts';
import { currentContext } from '@kc/observability';
import { vietnamDate } from '@kc/reference-data';
import { SharedAnswers } from '../../application/edge-cache/shared-answers';
import { ForwardingService, type Forwarded } from '../../application/forwarding.service';
import { ChangeSignals } from '../../infrastructure/edge-cache/change-signals';
import {
  UpstreamClient,
  type Upstream,
  type UpstreamResponse,
} from '../../infrastructure/upstream/upstream-client';

/** An entry the gateway only relays: answered by a service behind it. */
export type RelayedRoute = RouteDefinition & { service: Upstream };

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Idempotency keys are per caller: another caller's key never replays someone else's answer. */
const callerOf = (principal: Principal | null | undefined) =>
  principal ? `${principal.kind}:${principal.id}` : 'anonymous';

/**
 * What the proxy controllers call once the guard and their edge validation have passed: forwards the request
 * as the client sent it (path, query, body) with the verified internal token (the caller's own, or the one
 * exchanged for an API key or external token) and writes the service's answer back unchanged.
 */
@Injectable()
export class Relay {
  constructor(
    private readonly forwarding: ForwardingService,
    private readonly upstream: UpstreamClient,
    private readonly sharedAnswers: SharedAnswers,
    private readonly changes: ChangeSignals,
  ) {}

  /**
   * A `cache: 'shared'` read is answered from what the edge keeps while it hears every change; any other request
   * is forwarded, and a write makes this edge fetch the service's shared answers anew (even one that failed or
   * timed out: it may have committed).
   */
  async to(route: RelayedRoute, req: Request, res: Response): Promise<void> {
    if (route.cache === 'shared' && this.changes.listening) {
      // The day is part of the key: a view of "today's units" turns with the date, not with an event.
      const request = `${vietnamDate(new Date())} ${req.originalUrl}`;
      const response = await this.sharedAnswers.answer(route.service, request, async () => {
        const { response } = await this.forward(route, req);
        return response;
      });
      this.write(res, { response, replayed: false }, req);
      return;
    }
    try {
      this.write(res, await this.forward(route, req));
    } finally {
      if (req.method !== 'GET') this.changes.written(route.service);
    }
  }

  /** The request as the client sent it, with the route's Idempotency-Key rule (`idempotency: 'service'`). */
  private forward(route: RelayedRoute, req: Request): Promise<Forwarded> {
    return this.forwarding.forward(
      route.service,
      {
        method: req.method,
        path: req.originalUrl,
        body: req.method === 'GET' ? undefined : req.body,
        idempotencyKey: header(req, 'idempotency-key'),
        authorization: header(req, 'authorization'),
        forwardedFor: header(req, 'x-forwarded-for'),
        userAgent: header(req, 'user-agent'),
        caller: callerOf(currentContext()?.principal),
      },
      route.idempotency === 'service',
    );
  }

  /** A write the gateway answers itself, under the same Idempotency-Key rules as a forwarded one. */
  async local(req: Request, res: Response, send: () => Promise<UpstreamResponse>): Promise<void> {
    const request = {
      method: req.method,
      path: req.originalUrl,
      body: req.body,
      idempotencyKey: header(req, 'idempotency-key'),
    };
    this.write(res, await this.forwarding.once(callerOf(currentContext()?.principal), request, send));
  }

  private write(res: Response, { response, replayed }: Forwarded, req?: Request): void {
    res.status(response.status);
    if (response.contentType) res.setHeader('content-type', response.contentType);
    if (response.location) res.setHeader('location', response.location);
    if (response.retryAfter) res.setHeader('retry-after', response.retryAfter);
    if (replayed) res.setHeader('idempotent-replayed', 'true');
    if (!response.kept || !req) {
      res.send(response.body);
      return;
    }
    // Express answers 304 itself when the client's If-None-Match holds this validator.
    res.setHeader('etag', response.kept.etag);
    res.vary('accept-encoding');
    if (req.acceptsEncodings('gzip', 'identity') !== 'gzip') {
      res.send(response.kept.bytes);
      return;
    }
    res.setHeader('content-encoding', 'gzip');
    res.send(response.kept.gzipped);
  }

  /**
   * Relays a file (.xlsx, the floor plan's SVG and page) byte for byte with the service's own headers: its type and
   * name, its ETag (a 304 to the client's If-None-Match) and a page's content security policy, which replaces the
   * edge's default one.
   */
  async file(service: Upstream, req: Request, res: Response): Promise<void> {
    const file = await this.upstream.download(service, {
      method: 'GET',
      path: req.originalUrl,
      authorization: header(req, 'authorization'),
      forwardedFor: header(req, 'x-forwarded-for'),
      userAgent: header(req, 'user-agent'),
      ifNoneMatch: header(req, 'if-none-match'),
    });
    res.status(file.status).set(file.headers);
    if (file.status === 304) res.end();
    else res.send(file.body);
  }
}
