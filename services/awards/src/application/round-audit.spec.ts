import { roundOpenedSummary } from './round-audit';

describe('award round audit summary', () => {
  it('names the round, its level and year', () => {
    expect(
      roundOpenedSummary({
        name: 'Bình chọn sản phẩm CNNT tiêu biểu tỉnh Nghệ An năm 2026',
        level: 'provincial',
        year: 2026,
      }),
    ).toBe('Mở đợt bình chọn "Bình chọn sản phẩm CNNT tiêu biểu tỉnh Nghệ An năm 2026" (cấp tỉnh, năm 2026)');
  });
});
