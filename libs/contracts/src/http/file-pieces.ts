import { z } from 'zod';
import { PIECE_MAX_BYTES } from '@kc/uploads';
import { say } from '../messages';

/** Base64 of `PIECE_MAX_BYTES` bytes: 4 characters per 3 bytes, padded. */
const FILE_PIECE_MAX_BASE64 = Math.ceil(PIECE_MAX_BYTES / 3) * 4;

/**
 * The next piece of a declared file (award dossiers, periodic reports' attachments), each starting where the
 * bytes received so far end. The gateway forwards JSON only, under a 1 MB body limit, so a piece is base64 in
 * JSON and at most 512 KiB (docs/design/awards.md, "Dossier files"); a file of up to 512 KiB is one request.
 */
export const filePieceRequest = z.strictObject({
  /** Where this piece starts in the file: the bytes received so far. */
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  contentBase64: z
    .string()
    .min(1, say('không được để trống', 'must not be empty'))
    .max(
      FILE_PIECE_MAX_BASE64,
      say(
        `tối đa ${FILE_PIECE_MAX_BASE64} ký tự (512 KiB mỗi lần gửi; tệp lớn hơn gửi thành nhiều phần)`,
        `must be at most ${FILE_PIECE_MAX_BASE64} characters (512 KiB a request; send a larger file in pieces)`,
      ),
    )
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, say('phải là base64', 'must be base64')),
});
export type FilePieceRequest = z.infer<typeof filePieceRequest>;
