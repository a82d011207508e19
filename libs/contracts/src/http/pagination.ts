import { z } from 'zod';

/** One page of a list: the items and where they sit in the whole. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int().min(1),
    limit: z.number().int().min(1),
    total: z.number().int().min(0),
  });

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

/** A whole list in one answer. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
