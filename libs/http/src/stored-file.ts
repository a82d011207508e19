import type { Response } from 'express';
import { attachmentDisposition } from '@kc/uploads';

/** A file kept whole in a service's database, named and typed as it was declared and checked. */
export interface StoredFileAnswer {
  fileName: string;
  mediaType: string;
  /** What the bytes hash to: the ETag, since the bytes behind it never change. */
  sha256: string;
  bytes: Buffer;
}

/**
 * Answers a stored file (an award dossier's, a periodic report's attachment): its bytes with its type and
 * download name, the SHA-256 as ETag and a 304 to a matching If-None-Match. Private and revalidated each time:
 * who may read it is checked on every request.
 */
export function sendStoredFile(res: Response, file: StoredFileAnswer, ifNoneMatch: string | undefined): void {
  const etag = `"${file.sha256}"`;
  res.setHeader('etag', etag);
  res.setHeader('cache-control', 'private, no-cache');
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('content-type', file.mediaType);
  res.setHeader('content-disposition', attachmentDisposition(file.fileName));
  res.send(file.bytes);
}
