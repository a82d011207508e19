import { formatVnd } from '@kc/contracts';
import type { AnnualPlan, FundingSource } from '../domain/annual-plan';

export const planCreatedSummary = (plan: Pick<AnnualPlan, 'name' | 'budgetVnd'>): string =>
  `Tạo kế hoạch "${plan.name}", ngân sách ${formatVnd(plan.budgetVnd)} VND`;

export const ceilingSetSummary = (
  planName: string,
  source: FundingSource,
  previousVnd: number | null,
  ceilingVnd: number,
  decisionNumber: string,
): string =>
  `Điều chỉnh trần ngân sách ${source === 'KCQG' ? 'KCQG' : 'KCĐP'} của "${planName}" ` +
  `${previousVnd === null ? '' : `từ ${formatVnd(previousVnd)} `}thành ${formatVnd(ceilingVnd)} VND ` +
  `(quyết định ${decisionNumber})`;

export const decisionSummary = (planName: string, number: string, count: number, totalVnd: number): string =>
  `Quyết định giao kế hoạch ${number} cho "${planName}": ${count} đề án, tổng ${formatVnd(totalVnd)} VND`;

export const registrationSummary = (
  planName: string,
  reportNumber: string,
  count: number,
  late: boolean,
): string => `Báo cáo đăng ký ${reportNumber} cho "${planName}": ${count} đề án${late ? ' (nộp muộn)' : ''}`;
