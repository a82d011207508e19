import { compactVndText, cutOffLine, hectaresText, percentText, vndText } from './pack-text';

describe('figures as the report writes them', () => {
  it('groups VND digits with dots and adds đ', () => {
    expect(vndText(120_000_000_000)).toBe('120.000.000.000 đ');
    expect(vndText(0)).toBe('0 đ');
    expect(vndText(-5_000_000)).toBe('-5.000.000 đ');
  });

  it('writes a rate with a decimal comma, and a dash when nothing was in the plan', () => {
    expect(percentText(99.6)).toBe('99,6 %');
    expect(percentText(100)).toBe('100,0 %');
    expect(percentText(null)).toBe('—');
  });

  it('writes hundredths of a hectare as hectares with two decimals, exactly', () => {
    expect(hectaresText(2_899_750)).toBe('28.997,50');
    expect(hectaresText(30)).toBe('0,30');
    expect(hectaresText(6_205)).toBe('62,05');
    expect(hectaresText(0)).toBe('0,00');
  });

  it('shortens chart amounts to tỷ and triệu', () => {
    expect(compactVndText(120_000_000_000)).toBe('120 tỷ');
    expect(compactVndText(1_150_000_000)).toBe('1,2 tỷ');
    expect(compactVndText(350_000_000)).toBe('350 triệu');
    expect(compactVndText(20_000)).toBe('20.000');
  });

  it('states the cut-off on Vietnam’s clock, whatever the server’s zone', () => {
    expect(cutOffLine(new Date('2026-12-31T17:05:00Z'))).toBe(
      'Số liệu chốt lúc 01/01/2027 00:05 (giờ Việt Nam)',
    );
  });
});
