import { Controller, Req, Res } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { tradeFairRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { header, Relay } from './relay';

/** The same strong validator as the service's: a hash of the exact bytes. */
const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;

const notModified = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(',').some((t) => [etag, '*'].includes(t.trim().replace(/^W\//, '')));

/** The page's own inline scripts, admitted by hash: the edge's default policy allows no script at all. */
function pagePolicy(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, script]) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`,
  );
  return (
    `default-src 'none'; script-src ${hashes.join(' ') || "'none'"}; style-src 'unsafe-inline'; ` +
    `connect-src 'self'; img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`
  );
}

/**
 * The live floor plan, the trade-fairs routes where the edge adds logic of its own (listed in `HANDLED_AT_EDGE`):
 * the SVG's ETag, so polling gets 304 here, and the page's CSP admitting its own scripts.
 */
@Controller()
export class FloorPlanController {
  constructor(private readonly relay: Relay) {}

  /** SVG bytes through the download path; the ETag is computed here. */
  @Route(routes.floorPlanSvg)
  async floorPlanSvg(
    @Input() _input: RouteInput<typeof routes.floorPlanSvg>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.relay.fetchFile('trade-fairs', req);
    if (file.status !== 200) {
      res.status(file.status);
      if (file.contentType) res.setHeader('content-type', file.contentType);
      res.send(file.body);
      return;
    }
    const etag = etagOf(file.body);
    res.setHeader('cache-control', 'private, no-cache');
    res.setHeader('vary', 'authorization');
    res.setHeader('etag', etag);
    if (notModified(header(req, 'if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    res.status(200).setHeader('content-type', file.contentType ?? 'image/svg+xml; charset=utf-8');
    res.send(file.body);
  }

  /** A page with no data of its own (it fetches the SVG with the viewer's token), so it needs no login. */
  @Route(routes.floorPlanPage)
  async floorPlanPage(
    @Input() _input: RouteInput<typeof routes.floorPlanPage>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.relay.fetchFile('trade-fairs', req);
    res.status(file.status);
    if (file.contentType) res.setHeader('content-type', file.contentType);
    if (file.status === 200) res.setHeader('content-security-policy', pagePolicy(file.body.toString('utf8')));
    res.send(file.body);
  }
}
