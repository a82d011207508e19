import { Controller, Req, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentPrincipal, TokenVerifier } from '@kc/auth';
import { liveRoutes as routes, type RouteInput, type ScreenLink, type ScreenReport } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { ChangeFeed, type DataChanged } from '../../application/live/change-feed';
import { ScreensService } from '../../application/live/screens.service';
import { Relay } from './relay';

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent change notices for open pages (GET /api/v1/live) and hall screens, and the screens' share links.
 * A notice only names the services that changed: the page refetches what it shows, from the edge's kept answers.
 */
@Controller()
export class LiveController implements BeforeApplicationShutdown {
  private readonly open = new Set<Response>();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly screens: ScreensService,
    private readonly verifier: TokenVerifier,
    private readonly relay: Relay,
  ) {}

  @Route(routes.live)
  async live(@Req() req: Request, @Res() res: Response): Promise<void> {
    // Ends with the access token: the page's reconnect is then refused (401), refreshes its session and comes
    // back, so a stream never outlives the session that opened it. (The guard verified it; this is its cache.)
    const { exp } = await this.verifier.verify(req.headers.authorization!.replace(/^Bearer\s+/i, ''));
    this.stream(req, res, exp * 1000);
  }

  /** Under the Idempotency-Key rules of every POST: a re-sent request gets the first link back. */
  @Route(routes.createScreen)
  async create(
    @Input() { body }: RouteInput<typeof routes.createScreen>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.relay.local(req, res, async () => {
      const link: ScreenLink = await this.screens.create(body, currentPrincipal());
      return {
        status: 201,
        contentType: 'application/json; charset=utf-8',
        location: null,
        retryAfter: null,
        body: JSON.stringify(link),
      };
    });
  }

  @Route(routes.screen)
  screen(@Input() { params }: RouteInput<typeof routes.screen>): Promise<ScreenReport> {
    return this.screens.view(params.token);
  }

  @Route(routes.screenLive)
  async screenLive(
    @Input() { params }: RouteInput<typeof routes.screenLive>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { expiresAt } = await this.screens.valid(params.token);
    this.stream(req, res, Date.parse(expiresAt));
  }

  private stream(req: Request, res: Response, until?: number): void {
    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // Proxies that buffer (nginx) would hold the notices back.
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
    const send = (change: DataChanged) => res.write(`event: changed\ndata: ${JSON.stringify(change)}\n\n`);
    const unsubscribe = this.feed.subscribe(send);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const ending = until === undefined ? null : setTimeout(() => res.end(), Math.max(0, until - Date.now()));
    this.open.add(res);
    res.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      if (ending) clearTimeout(ending);
      this.open.delete(res);
    });
  }

  /** Open streams would keep the HTTP server from closing. */
  beforeApplicationShutdown(): void {
    for (const res of this.open) res.end();
  }
}
