import { renderCertificatePdf, type PrintedCertificate } from './certificate-pdf';

const certificate: PrintedCertificate = {
  number: 'QG-2023-0173',
  levelLabel: 'cấp quốc gia',
  roundYear: 2023,
  productName:
    'Bộ ấm chén gốm men lam vẽ tay họa tiết sen hồng và chim lạc, phiên bản dành cho quà tặng ngoại giao',
  productGroupLabel: 'Thủ công mỹ nghệ',
  holderName: 'Hợp tác xã Gốm sứ Phú Gia',
  holderProvinceName: 'Tỉnh Nghệ An',
  issuedOn: '2023-11-20',
  validUntil: '2025-12-31',
  verificationUrl: 'http://localhost:3000/verify/QG-2023-0173',
  withdrawal: null,
};
/** Page objects of the document (pdfkit writes object dictionaries uncompressed). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length;

/** Loading pdfmake and rendering a few times takes seconds on a busy machine. */
jest.setTimeout(30_000);

describe('the printable certificate', () => {
  it('gives the same bytes for the same certificate, on one landscape page even with a long product name', async () => {
    const [first, again] = await Promise.all([
      renderCertificatePdf(certificate),
      renderCertificatePdf(certificate),
    ]);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(again)).toBe(true);
    expect(pageCount(first)).toBe(1);
    // A4 landscape: 841.89 × 595.28 points.
    expect(first.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
  });

  it('prints differently once withdrawn, still on one page', async () => {
    const withdrawn = await renderCertificatePdf({
      ...certificate,
      withdrawal: { on: '2024-03-02', reason: 'Sản phẩm không còn đáp ứng tiêu chuẩn chất lượng đã đăng ký' },
    });
    expect(withdrawn.equals(await renderCertificatePdf(certificate))).toBe(false);
    expect(pageCount(withdrawn)).toBe(1);
  });
});
