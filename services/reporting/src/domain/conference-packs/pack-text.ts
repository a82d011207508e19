import { formatVnd } from '@kc/contracts';

/** Digits grouped the Vietnamese way: 262, 2.000, 120.000.000.000. */
export const countText = (value: number): string => formatVnd(value);

/** 120.000.000.000 đ */
export const vndText = (amount: number): string => `${formatVnd(amount)} đ`;

/** 99,6 — one decimal (as a rate is held) with a decimal comma. */
export const oneDecimalText = (value: number): string => value.toFixed(1).replace('.', ',');

/**
 * Hundredths of a hectare as hectares with two decimals, digits grouped the Vietnamese way and computed in
 * integers (no binary fraction on the way): 2899750 → 28.997,50.
 */
export function hectaresText(centiHa: number): string {
  const sign = centiHa < 0 ? '-' : '';
  const abs = Math.abs(centiHa);
  return `${sign}${formatVnd(Math.trunc(abs / 100))},${String(abs % 100).padStart(2, '0')}`;
}

/** 99,6 % — a dash when nothing was in the plan to divide by. */
export const percentText = (percent: number | null): string =>
  percent === null ? '—' : `${oneDecimalText(percent)} %`;

/** A chart axis: 1,2 tỷ, 350 triệu, 20.000. */
export function compactVndText(amount: number): string {
  const abs = Math.abs(amount);
  // Tenths of a billion counted in integers: 1.150.000.000 is 1,2 tỷ (toFixed would round the binary 1.15 down).
  if (abs >= 1e9) return `${String(Math.round(amount / 1e8) / 10).replace('.', ',')} tỷ`;
  if (abs >= 1e6) return `${formatVnd(Math.round(amount / 1e6))} triệu`;
  return formatVnd(amount);
}

// Việt Nam keeps UTC+7 all year; named like every other rule of the platform that reads "Vietnam time".
const vietnamClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment on Vietnam's clock: day, month, year, hour and minute, zero-padded. */
export function vietnamClockOf(moment: Date): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(vietnamClock.formatToParts(moment).map((p) => [p.type, p.value]));
  return { day: parts.day, month: parts.month, year: parts.year, hour: parts.hour, minute: parts.minute };
}

/** 21/05/2026 14:30 */
export function vietnamDateTimeText(moment: Date): string {
  const t = vietnamClockOf(moment);
  return `${t.day}/${t.month}/${t.year} ${t.hour}:${t.minute}`;
}

/** `2026-05-21` → 21/05/2026 */
export const isoDateText = (isoDate: string): string => isoDate.split('-').reverse().join('/');

/** The line every page of the report carries. */
export const cutOffLine = (cutOff: Date): string =>
  `Số liệu chốt lúc ${vietnamDateTimeText(cutOff)} (giờ Việt Nam)`;
