import { formatVnd } from '@kc/contracts';
import type { AnnualPlan } from '../domain/annual-plan';

export const planCreatedSummary = (plan: Pick<AnnualPlan, 'name' | 'budgetVnd'>): string =>
  `Tạo kế hoạch "${plan.name}", ngân sách ${formatVnd(plan.budgetVnd)} VND`;
