import { bothLanguages, type Bilingual } from '@kc/errors';

/** RFC 9457 problem details: the one error format of every HTTP response in the platform. */
export interface ProblemFieldError {
  /** Where the problem is: `body.budgetVnd`, `query.year`, `body.activityContents.0`. */
  field: string;
  /** The rule that was broken, e.g. `too_small`, `invalid_type`, `unrecognized_keys`, `date-order`. */
  rule: string;
  /** Vietnamese first: `vi / en`. */
  message: string;
  messages: Bilingual;
}

export interface Problem {
  type: string;
  /** Vietnamese first: `Vi phạm quy tắc nghiệp vụ / Business rule violated`. */
  title: string;
  status: number;
  /** Vietnamese first, `vi / en`, for clients that read one string. */
  detail: string;
  /** The detail in each language. */
  messages: Bilingual;
  /** A stable machine-readable code, e.g. `project.illegal-transition`, `request.invalid-fields`. */
  code: string;
  instance?: string;
  correlationId?: string;
  errors?: ProblemFieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (slug: string) => `/problems/${slug}`;

const TITLES: Record<number, Bilingual> = {
  400: { vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' },
  401: { vi: 'Chưa xác thực', en: 'Not authenticated' },
  403: { vi: 'Không có quyền', en: 'Forbidden' },
  404: { vi: 'Không tìm thấy', en: 'Not found' },
  405: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  408: { vi: 'Hết thời gian chờ yêu cầu', en: 'Request timeout' },
  409: { vi: 'Xung đột với dữ liệu hiện có', en: 'Conflict' },
  413: { vi: 'Yêu cầu quá lớn', en: 'Request too large' },
  415: { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported media type' },
  422: { vi: 'Vi phạm quy tắc nghiệp vụ', en: 'Business rule violated' },
  429: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  431: { vi: 'Phần đầu yêu cầu quá lớn', en: 'Request header fields too large' },
  500: { vi: 'Lỗi hệ thống', en: 'Internal error' },
  502: { vi: 'Dịch vụ phía sau bị lỗi', en: 'Upstream service failed' },
  503: { vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service unavailable' },
  504: { vi: 'Dịch vụ phía sau không trả lời kịp', en: 'Upstream service timed out' },
};

/** The status's title in each language. */
export const titleOf = (status: number): Bilingual => TITLES[status] ?? { vi: 'Lỗi', en: 'Error' };

export const fieldError = (field: string, rule: string, messages: Bilingual): ProblemFieldError => ({
  field,
  rule,
  message: bothLanguages(messages),
  messages,
});

/**
 * Builds a problem: the title from the status, the detail in both languages, the code; the type is
 * `/problems/<slug>` (the code unless an older, published slug is kept).
 */
export function problemOf(init: {
  status: number;
  code: string;
  messages: Bilingual;
  slug?: string;
  errors?: ProblemFieldError[];
}): Problem {
  return {
    type: problemType(init.slug ?? init.code),
    title: bothLanguages(titleOf(init.status)),
    status: init.status,
    detail: bothLanguages(init.messages),
    messages: init.messages,
    code: init.code,
    ...(init.errors ? { errors: init.errors } : {}),
  };
}
