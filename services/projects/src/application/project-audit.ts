import { formatVnd } from '@kc/contracts';
export const projectRegisteredSummary = (project: {
  code: string;
  title: string;
  requestedSupportVnd: number;
}): string =>
  `Đăng ký đề án ${project.code} "${project.title}", đề nghị hỗ trợ ${formatVnd(project.requestedSupportVnd)} VND`;

export const projectApprovedSummary = (project: {
  code: string;
  requestedSupportVnd: number;
  approvedSupportVnd: number;
}): string =>
  `Phê duyệt đề án ${project.code}, hỗ trợ ${formatVnd(project.approvedSupportVnd)} VND ` +
  `(đề nghị ${formatVnd(project.requestedSupportVnd)} VND)`;

export const planRefSummary = (plan: { name: string; budgetVnd: number }): string =>
  `Ghi nhận kế hoạch "${plan.name}", ngân sách ${formatVnd(plan.budgetVnd)} VND, để đăng ký và phê duyệt đề án`;
