import { foldDiacritics } from './text';

describe('foldDiacritics', () => {
  it.each([
    ['Hà Nội', 'ha noi'],
    ['Đắk Lắk', 'dak lak'],
    ['ĐỒNG THÁP', 'dong thap'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Bà Rịa – Vũng Tàu', 'ba ria – vung tau'],
    ['Quảng Ngãi', 'quang ngai'],
    ['Nghệ An', 'nghe an'],
  ])('folds %p to %p', (input, folded) => {
    expect(foldDiacritics(input)).toBe(folded);
  });

  it('gives decomposed (NFD) and precomposed (NFC) input the same key', () => {
    expect(foldDiacritics('Hà Nội'.normalize('NFD'))).toBe(foldDiacritics('Hà Nội'.normalize('NFC')));
  });

  it('trims and collapses whitespace', () => {
    expect(foldDiacritics('  Hồ   Chí\tMinh ')).toBe('ho chi minh');
  });

  it('folds the Icelandic eth that legacy data uses in place of Đ', () => {
    expect(foldDiacritics('Ðà Nẵng')).toBe('da nang');
  });
});
