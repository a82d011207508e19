import type { Violation } from '@kc/errors';
import { pieceProblem, wholeFileProblem, type UploadProblem } from '@kc/uploads';
import type { Attachment } from './report-workflow';

/**
 * The files of a report's attachments. An attachment is declared in the report's content (slot, name, type,
 * size, SHA-256: the slot's rules are checked there); its bytes then arrive in pieces under the platform's upload
 * rules (@kc/uploads), named `periodic-report.attachment-<rule>`. A file is whole when its last byte is in and
 * the bytes hash to the declared SHA-256; a submitted version pins its files by that hash.
 */

/** What the platform holds of one declared file, by its SHA-256 within the report. */
export interface StoredFile {
  sha256: string;
  mediaType: string;
  sizeBytes: number;
  receivedBytes: number;
  /** Every byte is in and hashes to `sha256`. */
  complete: boolean;
}

/** The code prefix of an attachment upload's refusals (`periodic-report.attachment-offset`, …). */
export const ATTACHMENT_CODE_PREFIX = 'periodic-report.attachment-';

const declared = (a: Attachment) => ({
  fileName: a.fileName,
  mediaType: a.mediaType,
  sizeBytes: a.bytes,
  sha256: a.sha256,
});

/** What a piece of the attachment's file may be; null when it may be stored. */
export const attachmentPieceProblem = (
  a: Attachment,
  offset: number,
  bytes: Uint8Array,
): UploadProblem | null => pieceProblem(declared(a), offset, bytes, ATTACHMENT_CODE_PREFIX);

/** The whole file once its last byte is in: the declared SHA-256, and a workbook or document as declared. */
export const attachmentFileProblem = (
  a: Attachment,
  bytes: Uint8Array,
  computedSha256: string,
): UploadProblem | null =>
  wholeFileProblem(declared(a), bytes, computedSha256, ATTACHMENT_CODE_PREFIX, {
    sha256: `attachments.${a.slot}.sha256`,
    mediaType: `attachments.${a.slot}.mediaType`,
  });

/** The stored file that is this declaration's: the same bytes (hash and size) taken as the same type. */
export const fileOf = (a: Attachment, files: readonly StoredFile[]): StoredFile | undefined =>
  files.find((f) => f.sha256 === a.sha256 && f.mediaType === a.mediaType && f.sizeBytes === a.bytes);

/** Each declared attachment whose file is not whole on the platform, named by its slot. */
export function notUploaded(attachments: readonly Attachment[], files: readonly StoredFile[]): Violation[] {
  return attachments.flatMap((a) => {
    const file = fileOf(a, files);
    if (file?.complete) return [];
    const received = file?.receivedBytes ?? 0;
    return [
      {
        field: `attachments.${a.slot}`,
        code: 'periodic-report.attachment-not-uploaded',
        messages: {
          vi: `Tệp "${a.fileName}" chưa được tải lên đủ (${received}/${a.bytes} byte)`,
          en: `File "${a.fileName}" is not uploaded whole yet (${received}/${a.bytes} bytes)`,
        },
      },
    ];
  });
}
