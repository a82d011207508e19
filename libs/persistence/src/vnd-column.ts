import type { ValueTransformer } from 'typeorm';

/**
 * Postgres `bigint` comes back from the driver as a string; VND amounts are exposed as numbers only when
 * they are safe integers, so no amount is ever silently rounded.
 */
export const vndTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const amount = Number(value);
    if (!Number.isSafeInteger(amount)) throw new RangeError(`VND amount ${value} is not a safe integer`);
    return amount;
  },
};
