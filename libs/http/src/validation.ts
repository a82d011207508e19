import { HttpException, HttpStatus } from '@nestjs/common';
import { z } from 'zod';
import type { Bilingual } from '@kc/errors';
import { fieldError, problemOf, type ProblemFieldError } from './problem';

export class ValidationProblem extends HttpException {
  constructor(
    errors: ProblemFieldError[],
    messages: Bilingual = { vi: 'Yêu cầu có trường không hợp lệ.', en: 'The request has invalid fields.' },
  ) {
    super(
      problemOf({ status: 400, code: 'request.invalid-fields', slug: 'validation', messages, errors }),
      HttpStatus.BAD_REQUEST,
    );
  }
}

const vi = z.locales.vi().localeError;
const en = z.locales.en().localeError;
type Issue = z.core.$ZodIssue;

/** What a zod locale says about an issue (its error map answers a string or `{ message }`). */
function localeMessage(map: z.core.$ZodErrorMap, issue: Issue): string {
  const said = map(issue as unknown as Parameters<z.core.$ZodErrorMap>[0]);
  return typeof said === 'string' ? said : (said?.message ?? issue.message);
}

/**
 * An issue's message in both languages: a refinement's own (`params: { rule, vi, en }`), a schema's custom
 * `vi / en` message, or else what zod's Vietnamese and English locales say about the issue.
 */
function messagesOf(issue: Issue): Bilingual {
  const params = (issue as { params?: { vi?: unknown; en?: unknown } }).params;
  if (typeof params?.vi === 'string' && typeof params.en === 'string')
    return { vi: params.vi, en: params.en };
  const english = localeMessage(en, issue);
  if (issue.message === english) return { vi: localeMessage(vi, issue), en: english };
  const at = issue.message.indexOf(' / ');
  if (at >= 0) return { vi: issue.message.slice(0, at), en: issue.message.slice(at + 3) };
  // A custom message in one language only: the locale's Vietnamese says at least what kind of problem it is.
  return { vi: localeMessage(vi, issue), en: issue.message };
}

/** zod calls every refinement `custom`: the refinement's own rule name (`params.rule`) is the stable one. */
const ruleOf = (issue: Issue): string => {
  const rule = (issue as { params?: { rule?: unknown } }).params?.rule;
  return issue.code === 'custom' && typeof rule === 'string' ? rule : issue.code;
};

const UNKNOWN_FIELD: Bilingual = { vi: 'không phải trường được chấp nhận', en: 'is not a known field' };

/**
 * A union's refusal, told as the refusal of its closest variant (the one with the fewest issues; the first on a
 * tie), so the client learns which field inside it is wrong rather than only that the union as a whole is.
 */
function withUnionsOpened(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || !issue.errors?.length) return [issue];
    const closest = issue.errors.reduce((best, variant) => (variant.length < best.length ? variant : best));
    if (closest.length === 0) return [issue];
    return withUnionsOpened(
      closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue),
    );
  });
}

export function fieldErrors(error: z.ZodError, location: string): ProblemFieldError[] {
  return withUnionsOpened(error.issues).flatMap((issue) => {
    const base = [location, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => fieldError(`${base}.${key}`, 'unrecognized_keys', UNKNOWN_FIELD));
    }
    return [fieldError(base, ruleOf(issue), messagesOf(issue))];
  });
}

/**
 * Parses keeping the input in the issues, so the locales can say what was received. zod renders the issues as
 * JSON for the error's message: an input nested too deeply for that (a hostile body) is parsed again without it.
 */
export function parseReporting<S extends z.ZodType>(schema: S, value: unknown) {
  try {
    return schema.safeParse(value, { reportInput: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return schema.safeParse(value);
  }
}
