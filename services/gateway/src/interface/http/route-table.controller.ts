import { applyDecorators, Controller, Inject, Req, Res, type Type } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { Request, Response } from 'express';
import { responseJsonSchema, type RouteDefinition } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ApiZodBody, ApiZodQuery, jsonSchemaOf } from './openapi';
import type { Upstream } from '../../infrastructure/upstream/upstream-client';
import { Relay } from './relay';

/** Documents each path parameter of the entry with its schema. */
function ApiParams(schema: RouteDefinition['params']) {
  const properties = (schema ? jsonSchemaOf(schema).properties : undefined) ?? {};
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiParam({ name, required: true, schema: property as SchemaObject }),
    ),
  );
}

/** The answer of success: the entry's response schema, its file types, or nothing for a 204. */
function ApiSuccess(entry: RouteDefinition) {
  const status = entry.status ?? 200;
  const content =
    entry.kind === 'file'
      ? Object.fromEntries(
          (entry.produces ?? ['application/octet-stream']).map((type) => [
            type,
            { schema: { type: 'string', format: 'binary' } as SchemaObject },
          ]),
        )
      : entry.response
        ? { 'application/json': { schema: responseJsonSchema(entry) as SchemaObject } }
        : undefined;
  return ApiResponse({ status, description: status === 201 ? 'Đã tạo / Created' : 'OK', content });
}

/** The OpenAPI side of an entry: its group, summary, parameters, query, body and answer, all from the table. */
export const documented = (entry: RouteDefinition) =>
  applyDecorators(
    ApiTags(entry.tag ?? entry.service),
    ApiOperation({ summary: entry.summary, description: entry.description }),
    ApiParams(entry.params),
    ...(entry.query ? [ApiZodQuery(entry.query)] : []),
    ...(entry.body ? [ApiZodBody(entry.body)] : []),
    ApiSuccess(entry),
  );

/** An entry the gateway only relays: answered by a service behind it. */
export type RelayedRoute = RouteDefinition & { service: Upstream };

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
        : this.relay.to(entry.service, req, res);
    };
    Input()(prototype, name, 0);
    Req()(prototype, name, 1);
    Res()(prototype, name, 2);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    applyDecorators(Route(entry), documented(entry))(prototype, name, descriptor);
  }
  return RouteTableController;
}
