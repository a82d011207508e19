import {
  PIECE_MAX_BYTES,
  pieceProblem,
  wholeFileProblem,
  type DeclaredFile,
  type UploadProblem,
} from '@kc/uploads';

/**
 * A dossier file's bytes arrive in pieces after the entry declared the file (kind, name, type, size, SHA-256).
 * The rules are the platform's upload rules (@kc/uploads: the type read from the content, the size, the
 * SHA-256 of the whole), under the dossier's codes (`dossier.media-type`, …).
 */

/** What one request carries (base64 of it stays inside the platform's 1 MB JSON body limit). */
export const CHUNK_MAX_BYTES = PIECE_MAX_BYTES;

export { sniffMediaType } from '@kc/uploads';

export type ChunkProblem = UploadProblem;

/** What a piece may be: refused whole (nothing stored) when it breaks a rule; null when it may be stored. */
export const chunkProblem = (file: DeclaredFile, offset: number, bytes: Uint8Array): ChunkProblem | null =>
  pieceProblem(file, offset, bytes, 'dossier.');

/** The whole file, once its last byte is in: the SHA-256 computed over the stored bytes is the declared one. */
export const completeFileProblem = (
  file: DeclaredFile & { sha256: string },
  position: number,
  bytes: Uint8Array,
  computed: string,
): ChunkProblem | null =>
  wholeFileProblem(file, bytes, computed, 'dossier.', {
    sha256: `dossier.${position}.sha256`,
    mediaType: `dossier.${position}.mediaType`,
  });
