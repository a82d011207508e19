import { formatVnd } from '@kc/contracts';
import { planCreatedSummary } from './plan-audit';

describe('plan audit summary', () => {
  it('groups VND digits the Vietnamese way', () => {
    expect(formatVnd(150_000_000_000)).toBe('150.000.000.000');
    expect(formatVnd(999)).toBe('999');
    expect(formatVnd(0)).toBe('0');
  });

  it('names the plan and its budget', () => {
    expect(
      planCreatedSummary({ name: 'Kế hoạch khuyến công quốc gia năm 2026', budgetVnd: 150_000_000_000 }),
    ).toBe('Tạo kế hoạch "Kế hoạch khuyến công quốc gia năm 2026", ngân sách 150.000.000.000 VND');
  });
});
