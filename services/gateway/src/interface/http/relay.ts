import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForwardingService } from '../../application/forwarding.service';
import type { Upstream } from '../../infrastructure/upstream/upstream-client';

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What the proxy controllers call once their edge validation has passed: forwards the request as the client
 * sent it (path, query, body) and writes the service's status, content type and body back unchanged.
 */
@Injectable()
export class Relay {
  constructor(private readonly forwarding: ForwardingService) {}

  async to(service: Upstream, req: Request, res: Response): Promise<void> {
    const { response, replayed } = await this.forwarding.forward(service, {
      method: req.method,
      path: req.originalUrl,
      body: req.method === 'GET' ? undefined : req.body,
      contentType: header(req, 'content-type'),
      idempotencyKey: header(req, 'idempotency-key'),
    });
    res.status(response.status);
    if (response.contentType) res.setHeader('content-type', response.contentType);
    if (response.location) res.setHeader('location', response.location);
    if (replayed) res.setHeader('idempotent-replayed', 'true');
    res.send(response.body);
  }
}
