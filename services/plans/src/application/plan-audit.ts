import type { AnnualPlan } from '../domain/annual-plan';

/** Integer VND with Vietnamese digit grouping (150.000.000.000), independent of the runtime's ICU data. */
export const formatVnd = (amount: number): string => String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export const planCreatedSummary = (plan: Pick<AnnualPlan, 'name' | 'budgetVnd'>): string =>
  `Tạo kế hoạch "${plan.name}", ngân sách ${formatVnd(plan.budgetVnd)} VND`;
