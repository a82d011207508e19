import { formatVnd } from '@kc/contracts';

/** What each project projection update records in the audit trail: the fact it took in. */
const updated = (fact: string) => `Cập nhật số liệu báo cáo: ${fact}`;
const vnd = (amount: number) => `${formatVnd(amount)} VND`;

export const projectSummaries = {
  registered: (p: { code: string; planYear: number }) =>
    updated(`đề án ${p.code} đã đăng ký (kế hoạch năm ${p.planYear})`),
  statusChanged: (p: { projectId: string; from: string | null; to: string }) =>
    updated(`đề án ${p.projectId} chuyển trạng thái ${p.from ?? '—'} → ${p.to}`),
  appraised: (p: { projectId: string; appraisedSupportVnd: number | null }) =>
    updated(`đề án ${p.projectId} được thẩm định cấp Bộ, kinh phí hỗ trợ ${vnd(p.appraisedSupportVnd ?? 0)}`),
  contracted: (p: { projectId: string; number: string; contractValueVnd: number }) =>
    updated(`đề án ${p.projectId} ký hợp đồng số ${p.number}, giá trị ${vnd(p.contractValueVnd)}`),
  progressReported: (p: { projectId: string; month: string; percentDone: number; late: boolean }) =>
    updated(
      `đề án ${p.projectId} báo cáo tháng ${p.month}: hoàn thành ${p.percentDone}%${p.late ? ' (nộp muộn)' : ''}`,
    ),
  disbursementRecorded: (p: { projectId: string; kind: string; amountVnd: number; paidVnd: number }) =>
    updated(`đề án ${p.projectId} ghi nhận ${p.kind} ${vnd(p.amountVnd)}, đã giải ngân ${vnd(p.paidVnd)}`),
  settled: (p: { projectId: string; settledVnd: number; late: boolean }) =>
    updated(`đề án ${p.projectId} quyết toán ${vnd(p.settledVnd)}${p.late ? ' (quá hạn 22/01)' : ''}`),
  stopped: (p: { projectId: string; decisionNumber: string; unspentVnd: number }) =>
    updated(
      `đề án ${p.projectId} dừng thực hiện theo quyết định ${p.decisionNumber}, hoàn trả ${vnd(p.unspentVnd)}`,
    ),
  adjusted: (p: { projectId: string; kind: string }) =>
    updated(`đề án ${p.projectId} điều chỉnh (${p.kind}): thời gian thực hiện mới`),
  assignmentDecided: (p: { number: string; planYear: number; allocations: unknown[] }) =>
    updated(`quyết định giao kế hoạch ${p.number} năm ${p.planYear}: ${p.allocations.length} đề án`),
  ceilingSet: (p: { planId: string; fundingSource: string; ceilingVnd: number }) =>
    updated(`trần kinh phí ${p.fundingSource} của kế hoạch ${p.planId}: ${vnd(p.ceilingVnd)}`),
};
