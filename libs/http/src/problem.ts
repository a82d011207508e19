/** RFC 9457 problem details: the one error format of every HTTP response in the platform. */
export interface ProblemFieldError {
  /** Where the problem is: `body.budgetVnd`, `query.year`, `body.activityContents.0`. */
  field: string;
  /** The rule that was broken, e.g. `too_small`, `invalid_type`, `unrecognized_keys`. */
  rule: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  correlationId?: string;
  errors?: ProblemFieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (slug: string) => `/problems/${slug}`;
