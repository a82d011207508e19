import { z } from 'zod';
import type { Request } from 'express';
import { route } from '@kc/contracts';
import { routeInput } from './route';
import type { ValidationProblem } from './validation';

const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as ValidationProblem).getResponse() as { errors: { field: string; rule: string }[] };
  }
  throw new Error('accepted');
};

describe('validation of a request part', () => {
  const entry = route({
    method: 'POST',
    path: '/x',
    service: 'gateway',
    access: 'public',
    summary: 'x / x',
    body: z.strictObject({ year: z.number() }),
  });
  const send = (body: unknown) => routeInput(entry, { params: {}, query: {}, body } as unknown as Request);

  it('says what was received, in both languages', () => {
    const problem = problemOf(() => send({ year: 'hai nghìn' }));
    expect(problem.errors).toEqual([
      expect.objectContaining({
        field: 'body.year',
        rule: 'invalid_type',
        messages: { vi: expect.stringContaining('string'), en: expect.stringContaining('received string') },
      }),
    ]);
  });

  it('refuses a hostile body nested too deeply to report, as a 400 naming the fields', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const problem = problemOf(() => send({ year: deep, extra: { a: deep } }));
    expect(problem.errors.map((e) => [e.field, e.rule])).toEqual([
      ['body.year', 'invalid_type'],
      ['body.extra', 'unrecognized_keys'],
    ]);
  });

  it('names the field inside a union that its closest variant refuses, not the union as a whole', () => {
    const either = route({
      method: 'POST',
      path: '/y',
      service: 'gateway',
      access: 'public',
      summary: 'y / y',
      body: z.union([
        z.strictObject({ clusterId: z.string(), figures: z.strictObject({ leased: z.number() }) }),
        z.strictObject({ provinceCode: z.string() }),
      ]),
    });
    const post = (body: unknown) => routeInput(either, { params: {}, query: {}, body } as unknown as Request);
    expect(problemOf(() => post({ clusterId: 'c', figures: { leased: true } })).errors).toEqual([
      expect.objectContaining({ field: 'body.figures.leased', rule: 'invalid_type' }),
    ]);
    expect(problemOf(() => post({ clusterId: 'c', figures: { leased: 1, note: 'x' } })).errors).toEqual([
      expect.objectContaining({ field: 'body.figures.note', rule: 'unrecognized_keys' }),
    ]);
  });
});
