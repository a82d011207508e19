import { formatVnd } from '@kc/contracts';

/** What each projection update records in the audit trail: the read model and the fact it took in. */
const updated = (fact: string) => `Cập nhật số liệu báo cáo: ${fact}`;

export const projectionSummaries = {
  planCreated: (p: { name: string; year: number }) => updated(`kế hoạch "${p.name}" năm ${p.year}`),
  clusterRegistered: (p: { code: string; name: string }) => updated(`cụm công nghiệp ${p.code} "${p.name}"`),
  fairCreated: (p: { name: string; year: number }) => updated(`hội chợ "${p.name}" năm ${p.year}`),
  awardRoundOpened: (p: { name: string; year: number }) => updated(`đợt bình chọn "${p.name}" năm ${p.year}`),
  boothAllocated: (p: { boothCodes: string[]; facilityTaxCode: string; fairName: string; year: number }) =>
    updated(
      `${p.boothCodes.length} gian hàng đã phân bổ cho cơ sở ${p.facilityTaxCode} tại hội chợ "${p.fairName}" năm ${p.year}`,
    ),
  registrationCertified: (p: {
    boothCodes: string[];
    facilityTaxCode: string;
    fairName: string;
    supportVnd: number;
  }) =>
    updated(
      `${p.boothCodes.length} gian hàng của cơ sở ${p.facilityTaxCode} tại hội chợ "${p.fairName}" được xác nhận, ` +
        `hỗ trợ ${formatVnd(p.supportVnd)} VND`,
    ),
  registrationCancelled: (p: { facilityTaxCode: string; freedBoothCodes: string[] }) =>
    updated(
      `cơ sở ${p.facilityTaxCode} hủy đăng ký, ${p.freedBoothCodes.length} gian hàng không còn được tính`,
    ),
};
