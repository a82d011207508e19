import { formatVnd } from '@kc/contracts';
import { planRefSummary, projectApprovedSummary, projectRegisteredSummary } from './project-audit';

describe('project audit summaries', () => {
  it('groups VND digits the Vietnamese way', () => {
    expect(formatVnd(1_500_000_000)).toBe('1.500.000.000');
    expect(formatVnd(100)).toBe('100');
  });

  it('describes a registration, an approval and a plan copied from the plans service', () => {
    const project = {
      code: 'KCQG-2026-40-001',
      title: 'Hỗ trợ máy sấy nông sản',
      requestedSupportVnd: 1_500_000_000,
    };
    expect(projectRegisteredSummary(project)).toBe(
      'Đăng ký đề án KCQG-2026-40-001 "Hỗ trợ máy sấy nông sản", đề nghị hỗ trợ 1.500.000.000 VND',
    );
    expect(projectApprovedSummary({ ...project, approvedSupportVnd: 1_200_000_000 })).toBe(
      'Phê duyệt đề án KCQG-2026-40-001, hỗ trợ 1.200.000.000 VND (đề nghị 1.500.000.000 VND)',
    );
    expect(
      planRefSummary({ name: 'Kế hoạch khuyến công quốc gia năm 2026', budgetVnd: 150_000_000_000 }),
    ).toBe(
      'Ghi nhận kế hoạch "Kế hoạch khuyến công quốc gia năm 2026", ngân sách 150.000.000.000 VND, để đăng ký và phê duyệt đề án',
    );
  });
});
