import { HttpException, HttpStatus, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { problemType, type Problem, type ProblemFieldError } from './problem';

export class ValidationProblem extends HttpException {
  constructor(errors: ProblemFieldError[], detail = 'The request has invalid fields.') {
    const problem: Problem = {
      type: problemType('validation'),
      title: 'Invalid request',
      status: 400,
      detail,
      errors,
    };
    super(problem, HttpStatus.BAD_REQUEST);
  }
}

export function fieldErrors(error: z.ZodError, location: string): ProblemFieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [location, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: `${base}.${key}`,
        rule: 'unrecognized_keys',
        message: 'is not a known field',
      }));
    }
    return [{ field: base, rule: issue.code, message: issue.message }];
  });
}

/**
 * Validates one part of a request (`body`, `query`, `params`) with a zod schema: unknown fields are
 * rejected by strict schemas, and every bad field is reported with its path and rule.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly location: 'body' | 'query' | 'params' = 'body',
  ) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new ValidationProblem(fieldErrors(result.error, this.location));
  }
}

export const validBody = <S extends z.ZodType>(schema: S) => new ZodValidationPipe(schema, 'body');
export const validQuery = <S extends z.ZodType>(schema: S) => new ZodValidationPipe(schema, 'query');
export const validParams = <S extends z.ZodType>(schema: S) => new ZodValidationPipe(schema, 'params');
