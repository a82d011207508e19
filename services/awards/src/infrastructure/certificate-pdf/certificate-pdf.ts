import { dirname, join } from 'node:path';
import pdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

// Roboto, as pdfmake ships it, has every Vietnamese letter (the reporting service's conference packs use it too);
// nothing is fetched at run time, and the document may read no other file or URL.
const ROBOTO = dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
const FONT_FILES = {
  normal: join(ROBOTO, 'Roboto-Regular.ttf'),
  bold: join(ROBOTO, 'Roboto-Medium.ttf'),
  italics: join(ROBOTO, 'Roboto-Italic.ttf'),
  bolditalics: join(ROBOTO, 'Roboto-MediumItalic.ttf'),
};
const READABLE = new Set<string>(Object.values(FONT_FILES));
pdfMake.setFonts({ Roboto: FONT_FILES });
pdfMake.setUrlAccessPolicy(() => false);
pdfMake.setLocalAccessPolicy((path) => READABLE.has(path));

const INK = '#1c2b3a';
const MUTED = '#5b6b7b';
const ACCENT = '#9a1b1b';
const GOLD = '#b8892d';
// A4 landscape, in points.
const PAGE = { width: 841.89, height: 595.28 };

/** What a printed certificate shows: the facts of its public record (no tax code), and where to check it. */
export interface PrintedCertificate {
  number: string;
  /** "cấp quốc gia", "cấp khu vực", "cấp tỉnh", "cấp xã", "cấp huyện". */
  levelLabel: string;
  roundYear: number;
  productName: string;
  productGroupLabel: string;
  holderName: string;
  /** "Tỉnh Nghệ An" as the unit was named on the issue date. */
  holderProvinceName: string;
  issuedOn: string;
  validUntil: string;
  verificationUrl: string;
  withdrawal: { on: string; reason: string } | null;
}

const viDate = (date: string) => date.split('-').reverse().join('/');

/** Two gold frames, drawn the same way on every print. */
const frame = (): Content => ({
  canvas: [
    { type: 'rect', x: 18, y: 18, w: PAGE.width - 36, h: PAGE.height - 36, lineWidth: 3, lineColor: GOLD },
    { type: 'rect', x: 26, y: 26, w: PAGE.width - 52, h: PAGE.height - 52, lineWidth: 0.8, lineColor: GOLD },
  ],
});

const fact = (label: string, value: string): Content => ({
  text: [
    { text: `${label}: `, color: MUTED },
    { text: value, bold: true },
  ],
  margin: [0, 0, 0, 4],
});

/**
 * The printable certificate: A4 landscape, Vietnamese, the number, product, holder, level, issue date and
 * validity, and a QR code of the public verification page. A withdrawn certificate prints with the withdrawal
 * across it. Dated by its issue date, so the same certificate gives the same bytes.
 */
export function renderCertificatePdf(certificate: PrintedCertificate): Promise<Buffer> {
  const level = `${certificate.levelLabel} năm ${certificate.roundYear}`.toLocaleUpperCase('vi-VN');
  const issued = new Date(`${certificate.issuedOn}T00:00:00+07:00`);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [60, 48, 60, 40],
    language: 'vi-VN',
    info: {
      title: `Giấy chứng nhận sản phẩm công nghiệp nông thôn tiêu biểu số ${certificate.number}`,
      subject: certificate.productName,
      keywords: certificate.number,
      creator: 'Nền tảng quản lý chương trình khuyến công',
      producer: 'pdfmake',
      creationDate: issued,
      modDate: issued,
    },
    background: () => frame(),
    ...(certificate.withdrawal
      ? { watermark: { text: 'ĐÃ THU HỒI', color: ACCENT, opacity: 0.18, bold: true, angle: -20 } }
      : {}),
    defaultStyle: { font: 'Roboto', fontSize: 12, color: INK },
    content: [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, alignment: 'center', fontSize: 12 },
      { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, alignment: 'center', fontSize: 12 },
      {
        text: 'GIẤY CHỨNG NHẬN',
        bold: true,
        alignment: 'center',
        fontSize: 34,
        color: ACCENT,
        margin: [0, 26, 0, 2],
      },
      {
        text: 'SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU',
        bold: true,
        alignment: 'center',
        fontSize: 17,
        color: ACCENT,
      },
      { text: level, bold: true, alignment: 'center', fontSize: 14, margin: [0, 4, 0, 22] },
      { text: 'Chứng nhận sản phẩm', alignment: 'center', color: MUTED },
      {
        text: certificate.productName,
        bold: true,
        alignment: 'center',
        fontSize: 22,
        margin: [0, 4, 0, 4],
      },
      { text: `Nhóm sản phẩm: ${certificate.productGroupLabel}`, alignment: 'center', margin: [0, 0, 0, 14] },
      { text: 'của cơ sở', alignment: 'center', color: MUTED },
      { text: certificate.holderName, bold: true, alignment: 'center', fontSize: 16, margin: [0, 4, 0, 2] },
      { text: certificate.holderProvinceName, alignment: 'center', margin: [0, 0, 0, 24] },
      {
        columns: [
          {
            width: '*',
            stack: [
              fact('Số giấy chứng nhận', certificate.number),
              fact('Ngày cấp', viDate(certificate.issuedOn)),
              fact('Có hiệu lực đến hết ngày', viDate(certificate.validUntil)),
              ...(certificate.withdrawal
                ? [
                    {
                      text: `Đã thu hồi ngày ${viDate(certificate.withdrawal.on)}: ${certificate.withdrawal.reason}`,
                      color: ACCENT,
                      bold: true,
                      margin: [0, 6, 0, 0],
                    } satisfies Content,
                  ]
                : []),
            ],
          },
          {
            width: 200,
            stack: [
              { qr: certificate.verificationUrl, fit: 96, alignment: 'right', eccLevel: 'M' },
              {
                text: ['Tra cứu giấy chứng nhận tại\n', certificate.verificationUrl],
                alignment: 'right',
                fontSize: 8,
                color: MUTED,
                margin: [0, 4, 0, 0],
              },
            ],
          },
        ],
      },
    ],
  };
  return pdfMake.createPdf(doc).getBuffer();
}
