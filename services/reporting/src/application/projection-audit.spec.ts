import { projectionSummaries } from './projection-audit';

describe('projection audit summaries', () => {
  it('name the fact each projection took in', () => {
    expect(
      projectionSummaries.planCreated({ name: 'Kế hoạch khuyến công quốc gia năm 2026', year: 2026 }),
    ).toBe('Cập nhật số liệu báo cáo: kế hoạch "Kế hoạch khuyến công quốc gia năm 2026" năm 2026');
    expect(
      projectionSummaries.clusterRegistered({ code: 'CCN-37-012', name: 'Cụm công nghiệp Gián Khẩu' }),
    ).toBe('Cập nhật số liệu báo cáo: cụm công nghiệp CCN-37-012 "Cụm công nghiệp Gián Khẩu"');
  });

  it('name the facility, the fair and the booths of a booth fact', () => {
    const fairName = 'Hội chợ CNNT khu vực phía Bắc 2026';
    expect(
      projectionSummaries.boothAllocated({
        boothCodes: ['A-001', 'A-002'],
        facilityTaxCode: '2900123456',
        fairName,
        year: 2026,
      }),
    ).toBe(
      `Cập nhật số liệu báo cáo: 2 gian hàng đã phân bổ cho cơ sở 2900123456 tại hội chợ "${fairName}" năm 2026`,
    );
    expect(
      projectionSummaries.registrationCertified({
        boothCodes: ['A-07'],
        facilityTaxCode: '2901234567',
        fairName,
        supportVnd: 9_600_000,
      }),
    ).toBe(
      `Cập nhật số liệu báo cáo: 1 gian hàng của cơ sở 2901234567 tại hội chợ "${fairName}" được xác nhận, hỗ trợ 9.600.000 VND`,
    );
    expect(
      projectionSummaries.registrationCancelled({
        facilityTaxCode: '2900123456',
        freedBoothCodes: ['A-001'],
      }),
    ).toBe('Cập nhật số liệu báo cáo: cơ sở 2900123456 hủy đăng ký, 1 gian hàng không còn được tính');
  });
});
