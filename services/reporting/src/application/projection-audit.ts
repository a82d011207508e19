/** What each projection update records in the audit trail: the read model and the fact it took in. */
const updated = (fact: string) => `Cập nhật số liệu báo cáo: ${fact}`;

export const projectionSummaries = {
  planCreated: (p: { name: string; year: number }) => updated(`kế hoạch "${p.name}" năm ${p.year}`),
  projectRegistered: (p: { code: string; planYear: number }) =>
    updated(`đề án ${p.code} đã đăng ký (kế hoạch năm ${p.planYear})`),
  projectApproved: (p: { projectId: string; planYear: number }) =>
    updated(`đề án ${p.projectId} đã phê duyệt (kế hoạch năm ${p.planYear})`),
  clusterRegistered: (p: { code: string; name: string }) => updated(`cụm công nghiệp ${p.code} "${p.name}"`),
  fairCreated: (p: { name: string; year: number }) => updated(`hội chợ "${p.name}" năm ${p.year}`),
  awardRoundOpened: (p: { name: string; year: number }) => updated(`đợt bình chọn "${p.name}" năm ${p.year}`),
};
