import { projectionSummaries } from './projection-audit';

describe('projection audit summaries', () => {
  it('name the fact each projection took in', () => {
    expect(
      projectionSummaries.planCreated({ name: 'Kế hoạch khuyến công quốc gia năm 2026', year: 2026 }),
    ).toBe('Cập nhật số liệu báo cáo: kế hoạch "Kế hoạch khuyến công quốc gia năm 2026" năm 2026');
    expect(projectionSummaries.projectRegistered({ code: 'KCQG-2026-40-001', planYear: 2026 })).toBe(
      'Cập nhật số liệu báo cáo: đề án KCQG-2026-40-001 đã đăng ký (kế hoạch năm 2026)',
    );
    expect(
      projectionSummaries.clusterRegistered({ code: 'CCN-37-012', name: 'Cụm công nghiệp Gián Khẩu' }),
    ).toBe('Cập nhật số liệu báo cáo: cụm công nghiệp CCN-37-012 "Cụm công nghiệp Gián Khẩu"');
  });
});
