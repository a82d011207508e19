import { z } from 'zod';
import { provinceCode, text, vnd, year } from '../primitives';

/** POST /api/v1/plans — an annual plan, national or for one provincial unit. */
export const createPlanRequest = z
  .strictObject({
    year,
    level: z.enum(['national', 'provincial']),
    provinceCode: provinceCode.optional(),
    name: text(300).optional(),
    budgetVnd: vnd,
  })
  .superRefine((plan, ctx) => {
    if (plan.level === 'provincial' && !plan.provinceCode) {
      ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: 'is required for a provincial plan' });
    }
    if (plan.level === 'national' && plan.provinceCode) {
      ctx.addIssue({ code: 'custom', path: ['provinceCode'], message: 'must be absent for a national plan' });
    }
  });
export type CreatePlanRequest = z.infer<typeof createPlanRequest>;

export const listPlansQuery = z.strictObject({
  year: z.coerce.number().pipe(year).optional(),
  level: z.enum(['national', 'provincial']).optional(),
  provinceCode: provinceCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export interface PlanView {
  id: string;
  name: string;
  year: number;
  level: 'national' | 'provincial';
  provinceCode: string | null;
  budgetVnd: number;
  createdAt: string;
}
