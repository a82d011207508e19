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

describe('fair audit summary with its settings', () => {
  it('adds the organiser, the award ceremony and a lottery with award priority', () => {
    expect(
      fairCreatedSummary(
        {
          name: 'Hội chợ quốc tế hàng thủ công mỹ nghệ 2026',
          scale: 'international',
          startDate: '2026-10-01',
          endDate: '2026-10-04',
          boothCount: 500,
        },
        {
          organiser: 'Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công',
          awardCeremonyName: 'Lễ tôn vinh sản phẩm CNNT tiêu biểu cấp quốc gia',
          allocationMethod: 'lottery',
          awardPriority: true,
        },
      ),
    ).toBe(
      'Tạo hội chợ "Hội chợ quốc tế hàng thủ công mỹ nghệ 2026" (quốc tế), từ 01/10/2026 đến 04/10/2026, ' +
        '500 gian hàng; đơn vị tổ chức: Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công; ' +
        'lễ tôn vinh: Lễ tôn vinh sản phẩm CNNT tiêu biểu cấp quốc gia; phân bổ bằng bốc thăm, ưu tiên sản phẩm đạt giải',
    );
  });
});

describe('fair audit summary of a first-come fair with award priority', () => {
  it('says the waiting list puts award-certified products first', () => {
    expect(
      fairCreatedSummary(
        {
          name: 'Hội chợ CNNT tiêu biểu tỉnh Ninh Bình 2026',
          scale: 'provincial',
          startDate: '2026-05-10',
          endDate: '2026-05-13',
          boothCount: 80,
        },
        { allocationMethod: 'first-come', awardPriority: true },
      ),
    ).toBe(
      'Tạo hội chợ "Hội chợ CNNT tiêu biểu tỉnh Ninh Bình 2026" (cấp tỉnh), từ 10/05/2026 đến 13/05/2026, ' +
        '80 gian hàng; danh sách chờ ưu tiên sản phẩm đạt giải',
    );
  });
});
