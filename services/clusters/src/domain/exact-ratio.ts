import type { Bilingual } from '@kc/errors';

/**
 * A fraction kept exact, so "more than 50 %" is decided on the figures themselves and never on a rounded
 * float; only `showPercent` rounds, for display. Bigint because a mean over many clusters multiplies their
 * denominators together.
 */
export interface Ratio {
  readonly numerator: bigint;
  /** Always positive. */
  readonly denominator: bigint;
}

export function ratio(numerator: number | bigint, denominator: number | bigint): Ratio {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n) throw new RangeError(`a ratio needs a positive denominator, got ${d}`);
  return { numerator: n, denominator: d };
}

export const percent = (value: number): Ratio => ratio(value, 100);

/** Negative if a < b, zero if equal, positive if a > b. */
export const compareRatios = (a: Ratio, b: Ratio): number => {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
};

export function meanOfRatios(values: readonly Ratio[]): Ratio {
  if (values.length === 0) throw new RangeError('the mean of no ratios is undefined');
  const sum = values.reduce(
    (acc, r) =>
      ratio(acc.numerator * r.denominator + r.numerator * acc.denominator, acc.denominator * r.denominator),
    ratio(0, 1),
  );
  return ratio(sum.numerator, sum.denominator * BigInt(values.length));
}

/**
 * A non-negative ratio as a percentage to `decimals` places: "62,5%" / "62.5%". Rounded half up for display;
 * `down` for a refusal, so a figure below a threshold never reads as the threshold itself (59.96 % as "59,9%",
 * not "60%").
 */
export function showPercent(value: Ratio, decimals = 1, rounding: 'half-up' | 'down' = 'half-up'): Bilingual {
  if (value.numerator < 0n) throw new RangeError('only non-negative ratios are shown as percentages');
  const scale = 10n ** BigInt(decimals);
  const half = rounding === 'half-up' ? value.denominator : 0n;
  const scaled = (2n * value.numerator * 100n * scale + half) / (2n * value.denominator);
  const whole = (scaled / scale).toString();
  const fraction = decimals > 0 ? (scaled % scale).toString().padStart(decimals, '0').replace(/0+$/, '') : '';
  return {
    vi: `${whole}${fraction ? `,${fraction}` : ''}%`,
    en: `${whole}${fraction ? `.${fraction}` : ''}%`,
  };
}
