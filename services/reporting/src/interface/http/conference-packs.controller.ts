import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { conferencePackRoutes as routes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ConferencePacksService } from '../../application/conference-packs/conference-packs.service';
import { asciiFileName } from '../../domain/conference-packs/conference-pack';
import type { ConferencePackFileEntity } from '../../infrastructure/persistence/conference-pack.entities';

/** RFC 8187 `filename*` value: UTF-8, percent-encoded, with the characters encodeURIComponent leaves. */
const rfc8187 = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A stored file as it was rendered: its Vietnamese name (with an ASCII one for clients that read no other), and
 * cacheable for good — the bytes behind an id never change, and the ETag is their SHA-256.
 */
function send(res: Response, file: ConferencePackFileEntity): void {
  res.setHeader('content-type', file.mediaType);
  res.setHeader(
    'content-disposition',
    `attachment; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${rfc8187(file.fileName)}`,
  );
  res.setHeader('cache-control', 'private, max-age=31536000, immutable');
  res.setHeader('etag', `"${file.sha256}"`);
  res.send(file.content);
}

@Controller()
export class ConferencePacksController {
  constructor(private readonly packs: ConferencePacksService) {}

  @Route(routes.freeze)
  freeze(@Input() { body }: RouteInput<typeof routes.freeze>): RouteAnswer<typeof routes.freeze> {
    return this.packs.freeze(currentPrincipal(), body);
  }

  @Route(routes.list)
  list(@Input() { query }: RouteInput<typeof routes.list>): RouteAnswer<typeof routes.list> {
    return this.packs.list(query);
  }

  @Route(routes.get)
  get(@Input() { params }: RouteInput<typeof routes.get>): RouteAnswer<typeof routes.get> {
    return this.packs.get(params.id);
  }

  @Route(routes.report)
  async report(@Input() { params }: RouteInput<typeof routes.report>, @Res() res: Response): Promise<void> {
    send(res, await this.packs.file(params.id, 'report'));
  }

  @Route(routes.annex)
  async annex(@Input() { params }: RouteInput<typeof routes.annex>, @Res() res: Response): Promise<void> {
    send(res, await this.packs.file(params.id, 'annex'));
  }
}
