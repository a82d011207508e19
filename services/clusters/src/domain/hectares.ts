import type { Bilingual } from '@kc/errors';

/**
 * Areas are whole hundredths of a hectare (1 = 100 m²). The decree, the circular's forms and the registry's
 * columns and events all state hectares to two decimals, so this unit adds and compares exactly with no
 * conversion; m² would only add digits nobody reports.
 */
export type CentiHectares = number;

const group = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** "28.997,5 ha" in Vietnamese, "28,997.5 ha" in English: at most two decimals, trailing zeros dropped. */
export function showHectares(centiHa: CentiHectares): Bilingual {
  const whole = String(Math.floor(centiHa / 100));
  const cents = String(centiHa % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return {
    vi: `${group(whole, '.')}${cents ? `,${cents}` : ''} ha`,
    en: `${group(whole, ',')}${cents ? `.${cents}` : ''} ha`,
  };
}

/** A whole, non-negative number of hundredths of a hectare: anything else is a caller's bug. */
export function assertArea(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be whole hundredths of a hectare, 0 or more, got ${value}`);
  }
}
