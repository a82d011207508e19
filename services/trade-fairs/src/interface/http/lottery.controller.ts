import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ALL_ROLES, CENTRAL, Permit, currentPrincipal } from '@kc/auth';
import { drawLotteryRequest, type DrawLotteryRequest, type Role } from '@kc/contracts';
import { validBody } from '@kc/http';
import { LotteryService } from '../../application/lottery.service';

/** Who draws: the fair's organiser (the service checks the binding) or the agency. */
const DRAWERS: readonly Role[] = [...CENTRAL, 'fair-organizer'];

/** The lottery of a lottery fair: drawn once after its window; the draw is public, to be recomputed. */
@Controller('api/v1/fairs/:id/lottery')
export class LotteryController {
  constructor(private readonly lottery: LotteryService) {}

  @Post()
  @HttpCode(201)
  @Permit({ roles: DRAWERS, scope: 'fairs:write' })
  draw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(drawLotteryRequest)) body: DrawLotteryRequest,
  ) {
    return this.lottery.draw(currentPrincipal(), id, body);
  }

  @Get()
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  view(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.lottery.view(id);
  }
}
