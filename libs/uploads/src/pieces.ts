import type { Bilingual } from '@kc/errors';
import { contentMediaType, isPackageType, mediaTypeLabel, sniffMediaType, startsAs } from './media-types';

/**
 * A declared file's bytes arrive in pieces (base64 JSON, the only body the gateway forwards, under its 1 MB
 * limit). These rules decide each piece before anything is stored, and the whole file once its last byte is in.
 * Each context names the rules with its own code prefix (`dossier.` → `dossier.media-type`).
 */

/** What one request carries: base64 of it (699,052 characters) stays inside the 1 MB JSON body limit. */
export const PIECE_MAX_BYTES = 512 * 1024;

/** What the caller said the file is, before sending it. */
export interface DeclaredFile {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

export interface UploadProblem {
  code: string;
  /** The request's field at fault. */
  field: string;
  messages: Bilingual;
}

/** Where a piece's bytes travel in the request (`filePieceRequest` of the contracts). */
const PIECE_FIELD = 'body.contentBase64';

function mediaTypeProblem(
  file: DeclaredFile,
  found: string | null,
  prefix: string,
  field: string,
): UploadProblem {
  const declared = mediaTypeLabel(file.mediaType);
  const foundLabel = found ? mediaTypeLabel(found) : null;
  return {
    code: `${prefix}media-type`,
    field,
    messages: {
      vi: `Tệp "${file.fileName}" đã khai là ${declared} nhưng nội dung ${foundLabel ? `là ${foundLabel}` : `không phải ${declared}`}`,
      en: `File "${file.fileName}" was declared ${declared} but its content is ${foundLabel ?? `not ${declared}`}`,
    },
  };
}

/**
 * What a piece starting at `offset` may be: refused whole (nothing stored) when it breaks a rule, null when it
 * may be stored. The caller has checked that `offset` is where the bytes received so far end.
 */
export function pieceProblem(
  file: DeclaredFile,
  offset: number,
  bytes: Uint8Array,
  prefix: string,
): UploadProblem | null {
  if (bytes.length === 0 || bytes.length > PIECE_MAX_BYTES) {
    return {
      code: `${prefix}chunk-size`,
      field: PIECE_FIELD,
      messages: {
        vi: `Mỗi lần gửi từ 1 byte đến ${PIECE_MAX_BYTES} byte; nhận được ${bytes.length}`,
        en: `Each piece holds 1 to ${PIECE_MAX_BYTES} bytes; got ${bytes.length}`,
      },
    };
  }
  if (offset + bytes.length > file.sizeBytes) {
    return {
      code: `${prefix}file-too-large`,
      field: PIECE_FIELD,
      messages: {
        vi: `Tệp "${file.fileName}" đã khai ${file.sizeBytes} byte; phần này kéo dài đến byte ${offset + bytes.length}`,
        en: `File "${file.fileName}" was declared as ${file.sizeBytes} bytes; this piece runs to byte ${offset + bytes.length}`,
      },
    };
  }
  if (offset === 0 && !startsAs(file.mediaType, bytes)) {
    return mediaTypeProblem(file, sniffMediaType(bytes), prefix, PIECE_FIELD);
  }
  return null;
}

/**
 * Where a piece may start: nowhere once the file is whole, else exactly where the bytes received so far end
 * (pieces come in order; a client resumes from `receivedBytes`). Both are conflicts with the file's state (409).
 */
export function pieceOrderProblem(
  file: { fileName: string; receivedBytes: number; complete: boolean },
  offset: number,
  prefix: string,
): UploadProblem | null {
  if (file.complete) {
    return {
      code: `${prefix}already-uploaded`,
      field: 'body.offset',
      messages: {
        vi: `Tệp "${file.fileName}" đã được tải lên đủ và khớp mã SHA-256; không nhận thêm`,
        en: `File "${file.fileName}" is already uploaded whole and matches its SHA-256; it takes no more`,
      },
    };
  }
  if (offset !== file.receivedBytes) {
    return {
      code: `${prefix}offset`,
      field: 'body.offset',
      messages: {
        vi: `Phần tiếp theo của tệp "${file.fileName}" phải bắt đầu ở byte ${file.receivedBytes}`,
        en: `The next piece of file "${file.fileName}" must start at byte ${file.receivedBytes}`,
      },
    };
  }
  return null;
}

/** The declared SHA-256 against the one computed over the stored bytes, once the last byte is in. */
export function checksumProblem(
  file: { fileName: string; sha256: string },
  computed: string,
  prefix: string,
  field: string,
): UploadProblem | null {
  if (computed === file.sha256) return null;
  return {
    code: `${prefix}checksum-mismatch`,
    field,
    messages: {
      vi: `SHA-256 của nội dung tệp "${file.fileName}" là ${computed}, khác mã đã khai ${file.sha256}: nội dung đã gửi bị huỷ, hãy gửi lại từ đầu`,
      en: `The SHA-256 of file "${file.fileName}" is ${computed}, not the declared ${file.sha256}: the bytes sent are discarded; send the file again from the start`,
    },
  };
}

/**
 * A whole file, once its last byte is in: its SHA-256 is the declared one, and a package (.xlsx, .docx) holds
 * the part of its declared type — a Word file declared as a workbook starts as a ZIP too.
 */
export function wholeFileProblem(
  file: DeclaredFile & { sha256: string },
  bytes: Uint8Array,
  computedSha256: string,
  prefix: string,
  fields: { sha256: string; mediaType: string },
): UploadProblem | null {
  const mismatch = checksumProblem(file, computedSha256, prefix, fields.sha256);
  if (mismatch) return mismatch;
  if (isPackageType(file.mediaType)) {
    const found = contentMediaType(bytes);
    if (found !== file.mediaType) return mediaTypeProblem(file, found, prefix, fields.mediaType);
  }
  return null;
}
