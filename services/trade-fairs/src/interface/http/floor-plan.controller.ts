import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ALL_ROLES, Permit, Public, currentPrincipal } from '@kc/auth';
import { FloorPlanService } from '../../application/floor-plan.service';
import {
  etagOf,
  FLOOR_PLAN_PAGE_CSP,
  floorPlanPage,
  notModified,
  SVG_CONTENT_TYPE,
} from '../../infrastructure/floor-plan-svg';

/** The live floor plan: the SVG (with an ETag for cheap polling) and the page that polls it. */
@Controller('api/v1/fairs/:id')
export class FloorPlanController {
  constructor(private readonly floorPlan: FloorPlanService) {}

  @Get('floor-plan.svg')
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  async svg(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const svg = await this.floorPlan.svg(currentPrincipal(), id);
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

  /** A shell with no data: it fetches the SVG with the viewer's own token. */
  @Get('floor-plan')
  @Public()
  page(@Param('id', new ParseUUIDPipe()) _id: string, @Res() res: Response): void {
    res.setHeader('content-security-policy', FLOOR_PLAN_PAGE_CSP);
    res.type('text/html; charset=utf-8').send(floorPlanPage());
  }
}
