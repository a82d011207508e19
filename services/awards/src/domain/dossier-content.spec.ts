import { CHUNK_MAX_BYTES, chunkProblem, completeFileProblem, sniffMediaType } from './dossier-content';

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const form = {
  kind: 'registration-form' as const,
  fileName: 'phieu.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 1000,
};
const codeOf = (p: ReturnType<typeof chunkProblem>) => (p ? `${p.code} @ ${p.field}` : null);

describe('dossier content', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, and nothing else', () => {
    expect([pdf, jpeg, png].map(sniffMediaType)).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    expect(sniffMediaType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffMediaType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBeNull();
    expect(sniffMediaType(Buffer.from('%PD'))).toBeNull();
  });

  it('takes a first piece whose content is the declared type', () => {
    expect(chunkProblem(form, 0, pdf)).toBeNull();
    expect(codeOf(chunkProblem(form, 0, png))).toBe('dossier.media-type @ body.contentBase64');
    expect(codeOf(chunkProblem({ ...form, mediaType: 'image/jpeg' }, 0, png))).toBe(
      'dossier.media-type @ body.contentBase64',
    );
    // Later pieces are the middle of the file: no signature to read there.
    expect(chunkProblem(form, 500, Buffer.alloc(10))).toBeNull();
  });

  it('refuses a piece that runs past the declared size, to the byte', () => {
    expect(chunkProblem(form, 990, Buffer.alloc(10))).toBeNull();
    expect(codeOf(chunkProblem(form, 990, Buffer.alloc(11)))).toBe(
      'dossier.file-too-large @ body.contentBase64',
    );
  });

  it('refuses an empty piece and one over 512 KiB', () => {
    const big = { ...form, sizeBytes: 10 * CHUNK_MAX_BYTES };
    expect(codeOf(chunkProblem(big, 0, Buffer.alloc(0)))).toBe('dossier.chunk-size @ body.contentBase64');
    const tooBig = Buffer.concat([pdf, Buffer.alloc(CHUNK_MAX_BYTES + 1 - pdf.length)]);
    expect(codeOf(chunkProblem(big, 0, tooBig))).toBe('dossier.chunk-size @ body.contentBase64');
    expect(chunkProblem(big, 0, tooBig.subarray(0, CHUNK_MAX_BYTES))).toBeNull();
  });

  it('names the declared checksum when the stored bytes hash otherwise', () => {
    const declared = { ...form, sha256: 'a'.repeat(64) };
    expect(completeFileProblem(declared, 0, pdf, 'a'.repeat(64))).toBeNull();
    expect(completeFileProblem(declared, 2, pdf, 'b'.repeat(64))).toMatchObject({
      code: 'dossier.checksum-mismatch',
      field: 'dossier.2.sha256',
    });
  });
});
