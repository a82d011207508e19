import { z } from 'zod';
import { validBody, ValidationProblem } from './validation';

const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as ValidationProblem).getResponse() as { errors: { field: string; rule: string }[] };
  }
  throw new Error('accepted');
};

describe('validation of a request part', () => {
  const pipe = validBody(z.strictObject({ year: z.number() }));

  it('says what was received, in both languages', () => {
    const problem = problemOf(() => pipe.transform({ year: 'hai nghìn' }));
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
    const problem = problemOf(() => pipe.transform({ year: deep, extra: { a: deep } }));
    expect(problem.errors.map((e) => [e.field, e.rule])).toEqual([
      ['body.year', 'invalid_type'],
      ['body.extra', 'unrecognized_keys'],
    ]);
  });
});
