import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { map, type Observable } from 'rxjs';
import { responseJsonSchema, type RouteDefinition } from '@kc/contracts';
import { routeEntryOf } from '@kc/http';

// OpenAPI 3.0 schemas are JSON Schema draft 4 with extras (`nullable`, `example`; a boolean
// `exclusiveMinimum`): Ajv's draft-4 build reads `nullable` and is told to pass over the rest.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validators = new WeakMap<RouteDefinition, ValidateFunction | null>();

/** Whether `body` (as it travels: JSON) is what `entry` declares, or the reasons it is not. */
function conformanceProblems(entry: RouteDefinition, body: unknown): string[] {
  if ((entry.kind ?? 'json') !== 'json' || (entry.status ?? 200) === 204) return [];
  if (!validators.has(entry)) {
    const schema = responseJsonSchema(entry);
    validators.set(entry, schema ? ajv.compile(schema) : null);
  }
  const validate = validators.get(entry);
  if (!validate) return [`${entry.method} ${entry.path} declares no response schema`];
  const wire: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  return validate(wire)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`,
      );
}

/**
 * Holds every success answer of a route bound with `@Route(entry)` to the entry's response schema, in the
 * service tests: an answer the table does not declare fails the request (500) and prints why, so the
 * OpenAPI document cannot drift from what the services send.
 */
@Injectable()
export class ResponseConformance implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const entry = context.getType() === 'http' ? routeEntryOf(context.getHandler()) : undefined;
    if (!entry) return next.handle();
    return next.handle().pipe(
      map((body: unknown) => {
        // A handler that wrote its answer itself (the gateway's relay) left nothing here to hold.
        if (context.switchToHttp().getResponse<{ headersSent: boolean }>().headersSent) return body;
        const problems = conformanceProblems(entry, body);
        if (problems.length === 0) return body;
        const message = `${entry.method} ${entry.path} answered outside its declared response:\n  ${problems.join('\n  ')}`;
        console.error(message);
        throw new Error(message);
      }),
    );
  }
}
