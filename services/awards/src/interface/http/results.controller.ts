import { Controller, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { awardResultRoutes, awardRoundRoutes, type RouteAnswer, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { PublicationWorker } from '../../application/publication-worker';
import { ResultsService } from '../../application/results.service';

/** If-None-Match lists validators (weak ones prefixed W/) or `*`. */
const matchesAny = (header: string | undefined, etag: string): boolean =>
  header !== undefined &&
  header.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === etag;
  });

@Controller()
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly worker: PublicationWorker,
  ) {}

  @Route(awardRoundRoutes.close)
  close(
    @Input() { params }: RouteInput<typeof awardRoundRoutes.close>,
  ): RouteAnswer<typeof awardRoundRoutes.close> {
    return this.results.close(currentPrincipal(), params.id);
  }

  /** 202 with the publication, its address in Location; the worker is woken once the request has committed. */
  @Route(awardRoundRoutes.publish)
  async publish(
    @Input() { params, body }: RouteInput<typeof awardRoundRoutes.publish>,
    @Res({ passthrough: true }) res: Response,
  ): RouteAnswer<typeof awardRoundRoutes.publish> {
    const { view, queued } = await this.results.requestPublication(currentPrincipal(), params.id, body);
    if (queued) this.worker.wake();
    res.setHeader('location', `/api/v1/award-rounds/${params.id}/publication`);
    return view;
  }

  @Route(awardRoundRoutes.publication)
  publication(
    @Input() { params }: RouteInput<typeof awardRoundRoutes.publication>,
  ): RouteAnswer<typeof awardRoundRoutes.publication> {
    return this.results.publication(currentPrincipal(), params.id);
  }

  /**
   * The stored bytes as they were published, never re-serialised: their SHA-256 is the ETag, and the text is
   * what the council announced. Immutable once there, so cacheable for good.
   */
  @Route(awardResultRoutes.result)
  async result(
    @Input() { params }: RouteInput<typeof awardResultRoutes.result>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const { document, sha256 } = await this.results.result(params.id);
    const etag = `"${sha256}"`;
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.setHeader('etag', etag);
    if (matchesAny(ifNoneMatch, etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.send(Buffer.from(document, 'utf8'));
  }

  @Route(awardResultRoutes.verification)
  verification(
    @Input() { params }: RouteInput<typeof awardResultRoutes.verification>,
  ): RouteAnswer<typeof awardResultRoutes.verification> {
    return this.results.verification(params.id);
  }
}
