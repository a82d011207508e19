import {
  applyDecorators,
  createParamDecorator,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { Permit, Public } from '@kc/auth';
import type { RouteDefinition } from '@kc/contracts';
import type { ProblemFieldError } from './problem';
import { fieldErrors, parseReporting, ValidationProblem } from './validation';

const ROUTE_ENTRY = 'kc:route-entry';

/** A route without a body schema takes nothing, or `{}`: anything else is refused, never silently dropped. */
const noBody = z.strictObject({});

/**
 * Binds a handler to its route table entry: method and path, access rule, success status — all from the entry.
 * The handler takes its validated input with `@Input()`.
 */
export function Route(entry: RouteDefinition): MethodDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_ENTRY, entry),
    RequestMapping({ path: entry.path, method: RequestMethod[entry.method] }),
    HttpCode(entry.status ?? 200),
    entry.access === 'public' ? Public() : Permit(entry.access),
  );
}

/** The entry a handler is bound to (`@Route`), if any. */
export const routeEntryOf = (handler: object): RouteDefinition | undefined =>
  Reflect.getMetadata(ROUTE_ENTRY, handler) as RouteDefinition | undefined;

/**
 * Validates a request against its entry — params, query and body — and refuses it once with every bad field of
 * every part, each named under its location (`params.id`, `query.asOf`, `body.year`).
 */
export function routeInput(entry: RouteDefinition, req: Request) {
  const errors: ProblemFieldError[] = [];
  const valid = (schema: z.ZodType | undefined, location: 'params' | 'query' | 'body', value: unknown) => {
    if (!schema) return undefined;
    const result = parseReporting(schema, value ?? {});
    if (result.success) return result.data;
    errors.push(...fieldErrors(result.error, location));
    return undefined;
  };
  const takesBody = entry.method !== 'GET' && entry.method !== 'DELETE' && !entry.rawBody;
  const input = {
    params: valid(entry.params, 'params', req.params),
    query: valid(entry.query, 'query', req.query),
    body: takesBody ? valid(entry.body ?? noBody, 'body', req.body) : undefined,
  };
  if (errors.length > 0) throw new ValidationProblem(errors);
  return input;
}

/** The handler's input (`RouteInput<typeof entry>`), validated by the schemas of the entry it is bound to. */
export const Input = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const entry = routeEntryOf(ctx.getHandler());
  if (!entry)
    throw new Error(`@Input() needs @Route(entry) on ${ctx.getClass().name}.${ctx.getHandler().name}`);
  return routeInput(entry, ctx.switchToHttp().getRequest<Request>());
});
