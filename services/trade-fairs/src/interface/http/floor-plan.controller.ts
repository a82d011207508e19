import { Controller, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { currentPrincipal } from '@kc/auth';
import { tradeFairRoutes as routes, type RouteInput } from '@kc/contracts';
import { Input, Route } from '@kc/http';
import { FloorPlanService } from '../../application/floor-plan.service';
import {
  etagOf,
  FLOOR_PLAN_PAGE_CSP,
  floorPlanPage,
  notModified,
  SVG_CONTENT_TYPE,
} from '../../infrastructure/floor-plan-svg';

/** The live floor plan: the SVG (with an ETag for cheap polling) and the page that polls it. */
@Controller()
export class FloorPlanController {
  constructor(private readonly floorPlan: FloorPlanService) {}

  @Route(routes.floorPlanSvg)
  async svg(
    @Input() { params }: RouteInput<typeof routes.floorPlanSvg>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const svg = await this.floorPlan.svg(currentPrincipal(), params.id);
    const etag = etagOf(svg);
    // Each caller may see different names: the answer is theirs alone, and must be revalidated each time.
    res.setHeader('cache-control', 'private, no-cache');
    res.setHeader('vary', 'authorization');
    res.setHeader('etag', etag);
    if (notModified(ifNoneMatch, etag)) {
      res.status(304).end();
      return;
    }
    res.type(SVG_CONTENT_TYPE).send(svg);
  }

  /** A shell with no data: it fetches the SVG with the viewer's own token (its id is still validated). */
  @Route(routes.floorPlanPage)
  page(@Input() _input: RouteInput<typeof routes.floorPlanPage>, @Res() res: Response): void {
    res.setHeader('content-security-policy', FLOOR_PLAN_PAGE_CSP);
    res.type('text/html; charset=utf-8').send(floorPlanPage());
  }
}
