import { z } from 'zod';
import { say } from './messages';

/** Money is integer VND, never a float; JSON carries it as a safe integer. */
export const vnd = z
  .number({ message: say('phải là số tiền VND', 'must be a number of VND') })
  .int(say('phải là số nguyên VND', 'must be a whole number of VND'))
  .min(0, say('không được âm', 'must not be negative'))
  .max(Number.MAX_SAFE_INTEGER, say('quá lớn', 'is too large'));

/** `150000000000` → `150.000.000.000`, the Vietnamese way of grouping digits (for summaries and messages). */
export const formatVnd = (amount: number): string => String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export const provinceCode = z
  .string()
  .regex(
    /^\d{2}$/,
    say('phải là mã đơn vị cấp tỉnh gồm hai chữ số', 'must be a two-digit provincial unit code'),
  );
export const year = z.number().int().min(2000).max(2100);
export const isoDate = z.iso.date();
export const activityContentCode = z.number().int().min(1).max(9);
/** Free text is stored NFC-normalised so that searches and comparisons see one spelling of each letter. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, say('không được để trống', 'must not be empty'))
    .max(max)
    .transform((value) => value.normalize('NFC'));
