import { vndTransformer } from './vnd-column';

describe('VND column', () => {
  it('reads a bigint string as an exact number', () => {
    expect(vndTransformer.from('120000000000')).toBe(120_000_000_000);
  });

  it('refuses an amount that a number cannot hold exactly', () => {
    expect(() => vndTransformer.from('9007199254740993')).toThrow(RangeError);
  });
});
