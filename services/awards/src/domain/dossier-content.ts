import { DOSSIER_CHUNK_MAX_BYTES } from '@kc/contracts';
import type { Bilingual } from '@kc/errors';
import type { DossierFileKind } from './entry';

/**
 * A dossier file's bytes arrive in pieces after the entry declared the file (kind, name, type, size, SHA-256).
 * These rules decide each piece before anything is stored, and the whole file once its last byte is in.
 */

/** What one request carries (base64 of it stays inside the platform's 1 MB JSON body limit). */
export const CHUNK_MAX_BYTES = DOSSIER_CHUNK_MAX_BYTES;

/** The types a dossier takes, each recognised by the first bytes of the file (not by its name or header). */
const SIGNATURES: readonly { mediaType: string; label: string; bytes: readonly number[] }[] = [
  { mediaType: 'application/pdf', label: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/jpeg', label: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { mediaType: 'image/png', label: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The media type the content's first bytes show, or null when they are none of PDF, JPEG, PNG. */
export function sniffMediaType(head: Uint8Array): string | null {
  const match = SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte));
  return match?.mediaType ?? null;
}

const labelOf = (mediaType: string) => SIGNATURES.find((s) => s.mediaType === mediaType)?.label ?? mediaType;

export interface DeclaredFile {
  kind: DossierFileKind;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  receivedBytes: number;
}

export interface ChunkProblem {
  code: string;
  /** The request's field at fault. */
  field: string;
  messages: Bilingual;
}

/** What a piece may be: refused whole (nothing stored) when it breaks a rule; null when it may be stored. */
export function chunkProblem(file: DeclaredFile, offset: number, bytes: Uint8Array): ChunkProblem | null {
  if (bytes.length === 0 || bytes.length > CHUNK_MAX_BYTES) {
    return {
      code: 'dossier.chunk-size',
      field: 'body.contentBase64',
      messages: {
        vi: `Mỗi lần gửi từ 1 byte đến ${CHUNK_MAX_BYTES} byte; nhận được ${bytes.length}`,
        en: `Each piece holds 1 to ${CHUNK_MAX_BYTES} bytes; got ${bytes.length}`,
      },
    };
  }
  if (offset + bytes.length > file.sizeBytes) {
    return {
      code: 'dossier.file-too-large',
      field: 'body.contentBase64',
      messages: {
        vi: `Tệp "${file.fileName}" đã khai ${file.sizeBytes} byte; phần này kéo dài đến byte ${offset + bytes.length}`,
        en: `File "${file.fileName}" was declared as ${file.sizeBytes} bytes; this piece runs to byte ${offset + bytes.length}`,
      },
    };
  }
  if (offset === 0) {
    const found = sniffMediaType(bytes);
    if (found !== file.mediaType) {
      return {
        code: 'dossier.media-type',
        field: 'body.contentBase64',
        messages: {
          vi: `Tệp "${file.fileName}" đã khai là ${labelOf(file.mediaType)} nhưng nội dung ${found ? `là ${labelOf(found)}` : 'không phải PDF, JPEG hay PNG'}`,
          en: `File "${file.fileName}" was declared ${labelOf(file.mediaType)} but its content is ${found ? labelOf(found) : 'not PDF, JPEG or PNG'}`,
        },
      };
    }
  }
  return null;
}

/** The declared checksum against the one computed over the stored bytes, once the last byte is in. */
export function checksumProblem(
  file: { fileName: string; sha256: string },
  position: number,
  computed: string,
): ChunkProblem | null {
  if (computed === file.sha256) return null;
  return {
    code: 'dossier.checksum-mismatch',
    field: `dossier.${position}.sha256`,
    messages: {
      vi: `SHA-256 của nội dung tệp "${file.fileName}" là ${computed}, khác mã đã khai ${file.sha256}: nội dung đã gửi bị huỷ, hãy gửi lại từ đầu`,
      en: `The SHA-256 of file "${file.fileName}" is ${computed}, not the declared ${file.sha256}: the bytes sent are discarded; send the file again from the start`,
    },
  };
}
