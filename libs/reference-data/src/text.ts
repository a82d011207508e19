/**
 * Folds Vietnamese text to a search key: "Hà Nội" → "ha noi", "Đắk Lắk" → "dak lak".
 * NFC first so that precomposed and decomposed input give the same key; then marks are stripped from the
 * canonical decomposition. đ has no decomposition, so it is mapped by hand (with the look-alike Icelandic ð
 * that legacy data sometimes carries). Whitespace is trimmed and collapsed so that spacing never blocks a match.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[đð]/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}
