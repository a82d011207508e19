import { formatVnd } from '@kc/contracts';

/** Audit summaries, Vietnamese first (they describe domain facts). */
export const auditSummary = {
  created: (p: { code: string; title: string; requestedSupportVnd: number }) =>
    `Tạo đề án ${p.code} "${p.title}", đề nghị hỗ trợ ${formatVnd(p.requestedSupportVnd)} VND`,
  transition: (p: { code: string }, from: string, to: string, what: string) =>
    `Đề án ${p.code}: ${what} (${from} → ${to})`,
  allocation: (p: { code: string }, before: number, after: number, decision: string) =>
    `Đề án ${p.code}: kinh phí giao theo quyết định ${decision} ${formatVnd(before)} → ${formatVnd(after)} VND`,
  adjusted: (p: { code: string }, kind: string, level: string) =>
    `Điều chỉnh đề án ${p.code}: ${kind} (cấp phê duyệt: ${level})`,
  exemption: (e: { taxCode: string; activityContent: number; startDate: string; endDate: string }) =>
    `Ghi nhận ngoại lệ hỗ trợ trùng cho cơ sở ${e.taxCode}, nội dung ${e.activityContent}, ${e.startDate} – ${e.endDate}`,
  planRef: (plan: { name: string; year: number }) =>
    `Ghi nhận kế hoạch "${plan.name}" (${plan.year}) để đăng ký đề án`,
};
