import { createHash } from 'node:crypto';
import type { AttachmentFileView } from '@kc/contracts';
import type { Caller } from '@kc/service-testing';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Bytes that begin as `head` (what the service reads the type from), then `size` bytes in all made from `seed`. */
export function fileBytes(head: Buffer, seed: string, size: number): Buffer {
  const body = Buffer.alloc(size - head.length);
  for (let i = 0; i < body.length; i += 32)
    createHash('sha256').update(`${seed}:${i}`).digest().copy(body, i);
  return Buffer.concat([head, body]);
}

/** A scan of a signed report, as a PDF starts. */
export const pdfScan = (seed: string, size = 20 * 1024) => fileBytes(Buffer.from('%PDF-1.7\n'), seed, size);

/** The declaration of a file in a report's content (PUT …/content, `attachments`). */
export const declaration = (slot: string, fileName: string, mediaType: string, bytes: Buffer) => ({
  slot,
  fileName,
  mediaType,
  bytes: bytes.length,
  sha256: sha256(bytes),
});

/** The signed report of a department's report: its declaration and its bytes. */
export function signedReportFile(seed: string, fileName = 'bao-cao-co-chu-ky.pdf') {
  const bytes = pdfScan(seed);
  return { bytes, attachment: declaration('signedReport', fileName, 'application/pdf', bytes) };
}

/**
 * Uploads a declared file's bytes in pieces (512 KiB unless told), each taken: the last answer, whole. A file
 * already whole on the report (a returned report keeps its files) is sent again as one piece and changes nothing.
 */
export async function uploadFile(
  caller: Caller,
  reportId: string,
  bytes: Buffer,
  pieceBytes = 512 * 1024,
): Promise<AttachmentFileView> {
  const path = `/api/v1/periodic-reports/${reportId}/attachments/${sha256(bytes)}/content`;
  let last: AttachmentFileView | undefined;
  for (let offset = 0; offset < bytes.length; offset += pieceBytes) {
    const piece = bytes.subarray(offset, offset + pieceBytes);
    const reply = await caller.post<AttachmentFileView>(path, {
      offset,
      contentBase64: piece.toString('base64'),
    });
    expect([reply.status, reply.body.code]).toEqual([200, undefined]);
    last = reply.body;
    if (last.complete) break;
  }
  expect(last?.complete).toBe(true);
  return last!;
}
