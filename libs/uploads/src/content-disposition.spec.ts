import { attachmentDisposition } from './content-disposition';

describe('the download name', () => {
  it('gives an ASCII name and the exact Vietnamese one', () => {
    expect(attachmentDisposition('Báo cáo quý I (đã ký).pdf')).toBe(
      `attachment; filename="Bao cao quy I (da ky).pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20qu%C3%BD%20I%20%28%C4%91%C3%A3%20k%C3%BD%29.pdf`,
    );
    expect(attachmentDisposition('a"b\\c.pdf')).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});
