/** pdf-parse 1.1 (its library file: the package's main file reads a sample PDF when loaded without a parent). */
declare module 'pdf-parse/lib/pdf-parse.js' {
  interface PdfTextItem {
    str: string;
    /** [a, b, c, d, x, y]: the item's position on the page. */
    transform: number[];
  }
  interface PdfPage {
    getTextContent(): Promise<{ items: PdfTextItem[] }>;
  }
  interface PdfParseOptions {
    /** Called for each page in order; what it returns is that page's text. */
    pagerender?: (page: PdfPage) => Promise<string>;
  }
  function pdfParse(data: Buffer, options?: PdfParseOptions): Promise<{ numpages: number; text: string }>;
  export = pdfParse;
}
