/** RFC 8187 value: UTF-8, percent-encoded, also the characters encodeURIComponent leaves but attr-char excludes. */
const rfc8187 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The name without its Vietnamese marks, for clients that read only `filename` (đ has no decomposition). */
const asciiFallback = (fileName: string) =>
  fileName
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');

/** `attachment` with an ASCII fallback and the exact (Vietnamese) name in RFC 6266 / 8187 form. */
export const attachmentDisposition = (fileName: string): string =>
  `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${rfc8187(fileName)}`;
