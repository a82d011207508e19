import pdfParse from 'pdf-parse/lib/pdf-parse.js';

/**
 * The text of each page of a PDF as pdf.js extracts it (what a reader copies or a search engine indexes): runs on
 * one line joined, lines on their own, NFC-normalised.
 */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const pages: string[] = [];
  await pdfParse(pdf, {
    async pagerender(page) {
      const { items } = await page.getTextContent();
      let text = '';
      let lineY: number | undefined;
      for (const item of items) {
        const y = item.transform[5];
        text += lineY === undefined || y === lineY ? item.str : `\n${item.str}`;
        lineY = y;
      }
      pages.push(text.normalize('NFC'));
      return text;
    },
  });
  return pages;
}
