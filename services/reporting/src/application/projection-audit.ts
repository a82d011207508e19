import { formatVnd, type ConferenceAwardLevel } from '@kc/contracts';

/** What each projection update records in the audit trail: the read model and the fact it took in. */
const updated = (fact: string) => `Cập nhật số liệu báo cáo: ${fact}`;
const viDate = (date: string) => date.split('-').reverse().join('/');
const AWARD_LEVEL_VI: Record<ConferenceAwardLevel, string> = {
  commune: 'cấp xã',
  provincial: 'cấp tỉnh',
  regional: 'cấp khu vực',
  national: 'cấp quốc gia',
};

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
  certificateIssued: (p: {
    number: string;
    level: ConferenceAwardLevel;
    productName: string;
    issuedOn: string;
  }) =>
    updated(
      `giấy chứng nhận sản phẩm tiêu biểu ${AWARD_LEVEL_VI[p.level]} số ${p.number} cho "${p.productName}", ` +
        `cấp ngày ${viDate(p.issuedOn)}`,
    ),
  certificateWithdrawn: (p: { number: string; withdrawnOn: string }) =>
    updated(`giấy chứng nhận số ${p.number} bị thu hồi từ ngày ${viDate(p.withdrawnOn)}`),
  registrationCancelled: (p: { facilityTaxCode: string; freedBoothCodes: string[] }) =>
    updated(
      `cơ sở ${p.facilityTaxCode} hủy đăng ký, ${p.freedBoothCodes.length} gian hàng không còn được tính`,
    ),
};
