import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { route, ruleIssue, type RouteInput } from '@kc/contracts';
import { RuleViolationError, RuleViolationsError } from '@kc/errors';
import type { Problem } from './problem';
import { ProblemFilter } from './problem.filter';
import { Input, Route } from './route';

const body = z
  .strictObject({ year: z.number().int().min(2000), startDate: z.string(), endDate: z.string() })
  .refine((b) => b.endDate >= b.startDate, {
    ...ruleIssue('date-order', 'không được trước startDate', 'must not be before startDate'),
    path: ['endDate'],
  });
const validatedRoute = route({
  method: 'POST',
  path: '/validated',
  service: 'gateway',
  access: 'public',
  summary: 'Kiểm tra / Validated',
  body,
});

@Controller()
class ThrowingController {
  @Post('rule')
  rule(): never {
    throw new RuleViolationError(
      { vi: 'Vượt hạn mức 20.935.000.000 VND', en: 'Above the 20.935.000.000 VND ceiling' },
      'plan.ceiling-exceeded',
      'amountVnd',
    );
  }

  @Post('rules')
  rules(): never {
    throw new RuleViolationsError(
      { vi: 'Chưa đủ tiêu chuẩn', en: 'Criteria not met' },
      'artisan.ineligible',
      [
        {
          field: 'body.craftPeriods',
          code: 'artisan.years-in-craft',
          messages: { vi: 'Dưới 20 năm', en: 'Under 20 years' },
        },
        {
          field: 'body.works',
          code: 'artisan.qualifying-works',
          messages: { vi: 'Thiếu tác phẩm', en: 'Works missing' },
        },
      ],
    );
  }

  @Route(validatedRoute)
  validated(@Input() { body: value }: RouteInput<typeof validatedRoute>) {
    return value;
  }

  @Get('crash')
  crash(): never {
    throw new Error('SELECT secret FROM somewhere');
  }
}

@Module({ controllers: [ThrowingController] })
class ThrowingModule {}

describe('problem+json in both languages', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(ThrowingModule, { logger: false });
    app.useGlobalFilters(new ProblemFilter());
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  const call = async (method: string, path: string, json?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return { status: res.status, body: (await res.json()) as Problem };
  };

  it('lists every rule a request breaks at once, each under its own field and code', async () => {
    const { status, body } = await call('POST', '/rules');
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'artisan.ineligible' });
    expect(body.errors?.map((e) => [e.field, e.rule])).toEqual([
      ['body.craftPeriods', 'artisan.years-in-craft'],
      ['body.works', 'artisan.qualifying-works'],
    ]);
  });

  it('answers a domain error with its code and its message in Vietnamese first, then English', async () => {
    expect(await call('POST', '/rule')).toEqual({
      status: 422,
      body: {
        type: '/problems/plan.ceiling-exceeded',
        title: 'Vi phạm quy tắc nghiệp vụ / Business rule violated',
        status: 422,
        detail: 'Vượt hạn mức 20.935.000.000 VND / Above the 20.935.000.000 VND ceiling',
        messages: { vi: 'Vượt hạn mức 20.935.000.000 VND', en: 'Above the 20.935.000.000 VND ceiling' },
        code: 'plan.ceiling-exceeded',
        instance: '/rule',
        errors: [
          {
            field: 'amountVnd',
            rule: 'plan.ceiling-exceeded',
            message: 'Vượt hạn mức 20.935.000.000 VND / Above the 20.935.000.000 VND ceiling',
            messages: { vi: 'Vượt hạn mức 20.935.000.000 VND', en: 'Above the 20.935.000.000 VND ceiling' },
          },
        ],
      },
    });
  });

  it('names each bad field with zod’s rule, and a refinement with its own rule, in both languages', async () => {
    const { status, body: problem } = await call('POST', '/validated', {
      year: 1999,
      startDate: '2026-05-01',
      endDate: '2026-04-01',
      extra: 1,
    });
    expect(status).toBe(400);
    expect(problem).toMatchObject({
      title: 'Yêu cầu không hợp lệ / Invalid request',
      code: 'request.invalid-fields',
      messages: { vi: 'Yêu cầu có trường không hợp lệ.', en: 'The request has invalid fields.' },
    });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'body.year',
          rule: 'too_small',
          message: 'Quá nhỏ: mong đợi number >=2000 / Too small: expected number to be >=2000',
          messages: { vi: 'Quá nhỏ: mong đợi number >=2000', en: 'Too small: expected number to be >=2000' },
        },
        expect.objectContaining({
          field: 'body.extra',
          rule: 'unrecognized_keys',
          messages: { vi: 'không phải trường được chấp nhận', en: 'is not a known field' },
        }),
      ]),
    );
    // The refinement runs once the shape is right.
    const refined = await call('POST', '/validated', {
      year: 2026,
      startDate: '2026-05-01',
      endDate: '2026-04-01',
    });
    expect(refined.body.errors).toEqual([
      {
        field: 'body.endDate',
        rule: 'date-order',
        message: 'không được trước startDate / must not be before startDate',
        messages: { vi: 'không được trước startDate', en: 'must not be before startDate' },
      },
    ]);
  });

  it('answers an unexpected error with a generic bilingual 500 that shows nothing of the error', async () => {
    const { status, body: problem } = await call('GET', '/crash');
    expect(status).toBe(500);
    expect(problem).toMatchObject({
      title: 'Lỗi hệ thống / Internal error',
      code: 'internal.unexpected',
      detail: 'Đã xảy ra lỗi không mong đợi. / An unexpected error occurred.',
      messages: { vi: 'Đã xảy ra lỗi không mong đợi.', en: 'An unexpected error occurred.' },
    });
    expect(JSON.stringify(problem)).not.toMatch(/secret/);
  });

  it('gives the framework’s own refusals a code and a Vietnamese title too', async () => {
    const { status, body: problem } = await call('GET', '/nowhere');
    expect(status).toBe(404);
    expect(problem).toMatchObject({
      title: 'Không tìm thấy / Not found',
      code: 'http.not-found',
      messages: { vi: 'Không tìm thấy', en: 'Cannot GET /nowhere' },
    });
  });
});
