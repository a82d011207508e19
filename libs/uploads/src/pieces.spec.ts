import {
  checksumProblem,
  PIECE_MAX_BYTES,
  pieceOrderProblem,
  pieceProblem,
  wholeFileProblem,
} from './pieces';
import { XLSX } from './media-types';

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const file = { fileName: 'báo cáo.pdf', mediaType: 'application/pdf', sizeBytes: 1000 };
const codeOf = (p: { code: string; field: string } | null) => (p ? `${p.code} @ ${p.field}` : null);

describe('pieces of a declared file', () => {
  it('reads the declared type from the first piece only, naming what the content is', () => {
    expect(pieceProblem(file, 0, pdf, 'x.')).toBeNull();
    const problem = pieceProblem(file, 0, png, 'x.');
    expect(codeOf(problem)).toBe('x.media-type @ body.contentBase64');
    expect(problem?.messages.en).toBe('File "báo cáo.pdf" was declared PDF but its content is PNG');
    expect(pieceProblem(file, 0, Buffer.from('GIF89a'), 'x.')?.messages.vi).toBe(
      'Tệp "báo cáo.pdf" đã khai là PDF nhưng nội dung không phải PDF',
    );
    expect(pieceProblem(file, 500, Buffer.alloc(10), 'x.')).toBeNull();
  });

  it('refuses a piece past the declared size to the byte, an empty one and one over 512 KiB', () => {
    expect(pieceProblem(file, 990, Buffer.alloc(10), 'x.')).toBeNull();
    expect(codeOf(pieceProblem(file, 990, Buffer.alloc(11), 'x.'))).toBe(
      'x.file-too-large @ body.contentBase64',
    );
    const big = { ...file, sizeBytes: 10 * PIECE_MAX_BYTES };
    expect(codeOf(pieceProblem(big, 0, Buffer.alloc(0), 'x.'))).toBe('x.chunk-size @ body.contentBase64');
    const tooBig = Buffer.concat([pdf, Buffer.alloc(PIECE_MAX_BYTES + 1 - pdf.length)]);
    expect(codeOf(pieceProblem(big, 0, tooBig, 'x.'))).toBe('x.chunk-size @ body.contentBase64');
    expect(pieceProblem(big, 0, tooBig.subarray(0, PIECE_MAX_BYTES), 'x.')).toBeNull();
  });

  it('judges the whole file by its SHA-256 first, then a package by its part', () => {
    const fields = { sha256: 'f.sha256', mediaType: 'f.mediaType' };
    const declared = { ...file, sha256: 'a'.repeat(64) };
    expect(checksumProblem(declared, 'a'.repeat(64), 'x.', 'f.sha256')).toBeNull();
    expect(codeOf(wholeFileProblem(declared, pdf, 'b'.repeat(64), 'x.', fields))).toBe(
      'x.checksum-mismatch @ f.sha256',
    );
    expect(wholeFileProblem(declared, pdf, 'a'.repeat(64), 'x.', fields)).toBeNull();
    // A ZIP holding no workbook, declared as one: its first bytes passed, the whole file does not.
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    const workbook = {
      fileName: 'phu-luc.xlsx',
      mediaType: XLSX,
      sizeBytes: zip.length,
      sha256: 'c'.repeat(64),
    };
    expect(pieceProblem(workbook, 0, zip, 'x.')).toBeNull();
    expect(codeOf(wholeFileProblem(workbook, zip, 'c'.repeat(64), 'x.', fields))).toBe(
      'x.media-type @ f.mediaType',
    );
  });
});

describe('the order of pieces', () => {
  const file = { fileName: 'bao-cao.pdf', receivedBytes: 1024, complete: false };

  it('takes a piece where the bytes received so far end', () => {
    expect(pieceOrderProblem(file, 1024, 'x.')).toBeNull();
  });

  it('refuses a gap or an overlap, naming where the next piece starts', () => {
    expect(pieceOrderProblem(file, 2048, 'x.')).toMatchObject({ code: 'x.offset', field: 'body.offset' });
    expect(pieceOrderProblem(file, 0, 'x.')?.messages.en).toContain('must start at byte 1024');
  });

  it('refuses anything once the file is whole', () => {
    expect(pieceOrderProblem({ ...file, complete: true }, 1024, 'x.')?.code).toBe('x.already-uploaded');
  });
});
