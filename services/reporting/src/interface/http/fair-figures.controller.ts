import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ALL_ROLES, Permit } from '@kc/auth';
import { FairFiguresService } from '../../application/fair-figures.service';

/** Internal HTTP behind the gateway. Published figures, as the conference views: every role reads them. */
@Controller('api/v1/fairs/:id/figures')
export class FairFiguresController {
  constructor(private readonly figures: FairFiguresService) {}

  @Get()
  @Permit({ roles: ALL_ROLES, scope: 'reports:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.figures.figures(id);
  }
}
