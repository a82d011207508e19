import { fairCreatedSummary } from './fair-audit';

describe('fair audit summary', () => {
  it('names the fair, its scale, dates and booths', () => {
    expect(
      fairCreatedSummary({
        name: 'Hội chợ triển lãm hàng CNNT tiêu biểu khu vực miền Bắc 2026',
        scale: 'regional',
        startDate: '2026-09-15',
        endDate: '2026-09-20',
        boothCount: 300,
      }),
    ).toBe(
      'Tạo hội chợ "Hội chợ triển lãm hàng CNNT tiêu biểu khu vực miền Bắc 2026" (cấp khu vực), ' +
        'từ 15/09/2026 đến 20/09/2026, 300 gian hàng',
    );
  });
});
