import { requiredIdempotencyKey } from './idempotency-key';
import { ValidationProblem } from './validation';

const WHY = { vi: 'Gửi báo cáo cần có Idempotency-Key', en: 'a submission needs an Idempotency-Key' };

const refusal = (value: string | undefined) => {
  try {
    requiredIdempotencyKey(value, WHY);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationProblem);
    return (error as ValidationProblem).getResponse() as { errors: { field: string; rule: string }[] };
  }
  throw new Error('accepted');
};

describe('a required Idempotency-Key', () => {
  it('is given back when it is well formed', () => {
    expect(requiredIdempotencyKey('7d3f0a52-2b4c-4c7e-9a1e-1f2b3c4d5e6f', WHY)).toBe(
      '7d3f0a52-2b4c-4c7e-9a1e-1f2b3c4d5e6f',
    );
  });

  it('is refused when missing, naming the header and saying why this write needs one', () => {
    const answer = refusal(undefined);
    expect(answer.errors).toEqual([
      expect.objectContaining({ field: 'header.idempotency-key', rule: 'required' }),
    ]);
    expect(JSON.stringify(answer)).toContain('Gửi báo cáo cần có Idempotency-Key');
  });

  it('is refused when malformed', () => {
    expect(refusal('a key with spaces').errors).toEqual([
      expect.objectContaining({ field: 'header.idempotency-key', rule: 'invalid_format' }),
    ]);
  });
});
