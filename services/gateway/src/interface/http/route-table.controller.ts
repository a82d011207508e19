import { Controller, Inject, Req, Res, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { RouteDefinition } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { Relay, type RelayedRoute } from './relay';

/**
 * Where two paths first differ, a literal segment goes before a parameter, so that
 * `/api/v1/projects/export.xlsx` is matched before `/api/v1/projects/:id` takes it; otherwise the table's order
 * stands (the sort is stable).
 */
export function literalSegmentsFirst(a: RouteDefinition, b: RouteDefinition): number {
  const left = a.path.split('/');
  const right = b.path.split('/');
  const at = left.findIndex((segment, i) => segment !== right[i]);
  if (at < 0 || at >= right.length) return 0;
  const leftParam = left[at].startsWith(':');
  return leftParam === right[at].startsWith(':') ? 0 : leftParam ? 1 : -1;
}

/**
 * The gateway's side of the route table: one controller whose handlers are made from the entries — each checks
 * the entry's access rule (the guard) and input (`@Input`), then relays the request to the owning service as it
 * came. The gateway's own routes (`service: 'gateway'`) and a route where the edge adds logic of its own (a
 * page's CSP, an ETag) have hand-written handlers bound with `@Route(entry)` instead, and stay out of `entries`.
 */
export function routeTableController(entries: readonly RelayedRoute[]): Type<unknown> {
  class RouteTableController {
    constructor(readonly relay: Relay) {}
  }
  Inject(Relay)(RouteTableController, undefined, 0);
  Controller()(RouteTableController);
  const prototype = RouteTableController.prototype as unknown as Record<string, unknown>;
  for (const entry of [...entries].sort(literalSegmentsFirst)) {
    const name = `${entry.method} ${entry.path}`;
    prototype[name] = async function (
      this: RouteTableController,
      _input: unknown,
      req: Request,
      res: Response,
    ) {
      return entry.kind === 'file'
        ? this.relay.file(entry.service, req, res)
        : this.relay.to(entry, req, res);
    };
    Input()(prototype, name, 0);
    Req()(prototype, name, 1);
    Res()(prototype, name, 2);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    Route(entry)(prototype, name, descriptor);
  }
  return RouteTableController;
}
