import {
  artisanTitleLabels,
  awardProductGroupLabels,
  formatVnd,
  type ArtisanTitle,
  type AwardProductGroup,
  type ConferenceAwardLevel,
} from '@kc/contracts';

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
  clusterRecorded: (p: { code: string; name: string; revision: number }) =>
    updated(`cụm công nghiệp ${p.code} "${p.name}", lần cập nhật ${p.revision}`),
  clusterReportApproved: (p: {
    clusterCode: string;
    period: { kind: 'six-monthly' | 'annual'; year: number };
    version: number;
  }) =>
    updated(
      `báo cáo ${p.period.kind === 'annual' ? 'năm' : '6 tháng'} ${p.period.year} của cụm công nghiệp ` +
        `${p.clusterCode} được duyệt (lần nộp ${p.version})`,
    ),
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
  entrySubmitted: (p: {
    level: ConferenceAwardLevel;
    roundYear: number;
    productGroup: AwardProductGroup;
    submittedOn: string;
  }) =>
    updated(
      `sản phẩm tham gia bình chọn ${AWARD_LEVEL_VI[p.level]} năm ${p.roundYear} ` +
        `(nhóm ${awardProductGroupLabels[p.productGroup]}), nộp ngày ${viDate(p.submittedOn)}`,
    ),
  resultPublished: (p: {
    level: ConferenceAwardLevel;
    year: number;
    announcedOn: string;
    groups: readonly { entries: number; passed: number }[];
  }) => {
    const entries = p.groups.reduce((sum, g) => sum + g.entries, 0);
    const passed = p.groups.reduce((sum, g) => sum + g.passed, 0);
    return updated(
      `kết quả đợt bình chọn ${AWARD_LEVEL_VI[p.level]} năm ${p.year} công bố ngày ${viDate(p.announcedOn)}: ` +
        `${passed} sản phẩm đạt trong ${entries} sản phẩm tham gia`,
    );
  },
  titleConferred: (p: { title: ArtisanTitle; conferredOn: string }) =>
    updated(`danh hiệu ${artisanTitleLabels[p.title]} được phong tặng ngày ${viDate(p.conferredOn)}`),
  registrationCancelled: (p: { facilityTaxCode: string; freedBoothCodes: string[] }) =>
    updated(
      `cơ sở ${p.facilityTaxCode} hủy đăng ký, ${p.freedBoothCodes.length} gian hàng không còn được tính`,
    ),
};
