import type { Request } from 'express';
import { z } from 'zod';
import { route } from '@kc/contracts';
import { routeInput } from './route';
import type { ValidationProblem } from './validation';

const post = { method: 'POST', path: '/x', service: 'gateway', access: 'public', summary: 'x / x' } as const;
const request = (body: unknown) => ({ params: {}, query: {}, body }) as unknown as Request;

describe('the input of a route', () => {
  it('refuses a body where the entry declares none', () => {
    let problem: ValidationProblem | undefined;
    try {
      routeInput(route(post), request({ grant_type: 'client_credentials' }));
    } catch (error) {
      problem = error as ValidationProblem;
    }
    expect(problem?.getResponse()).toMatchObject({
      errors: [{ field: 'body.grant_type', rule: 'unrecognized_keys' }],
    });
  });

  it('leaves the body of a rawBody entry to its handler (its refusals have a shape of their own)', () => {
    const input = routeInput(
      route({ ...post, rawBody: z.object({ grant_type: z.literal('client_credentials') }) }),
      request({ grant_type: 'client_credentials' }),
    );
    expect(input.body).toBeUndefined();
  });

  it('names every bad field of every part at once: params, query and body', () => {
    const entry = route({
      ...post,
      path: '/x/:code',
      params: z.strictObject({ code: z.string().regex(/^\d{2}$/) }),
      query: z.strictObject({ asOf: z.iso.date().optional() }),
      body: z.strictObject({ year: z.number() }),
    });
    let problem: ValidationProblem | undefined;
    try {
      routeInput(entry, {
        params: { code: 'x' },
        query: { asOf: 'yesterday' },
        body: { year: '2026' },
      } as unknown as Request);
    } catch (error) {
      problem = error as ValidationProblem;
    }
    const { errors } = problem!.getResponse() as { errors: { field: string }[] };
    expect(errors.map((e) => e.field)).toEqual(['params.code', 'query.asOf', 'body.year']);
  });
});
