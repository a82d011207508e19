import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ALL_ROLES, CENTRAL, Permit, currentPrincipal } from '@kc/auth';
import {
  addBoothsRequest,
  registrationWindowRequest,
  setQuotasRequest,
  type AddBoothsRequest,
  type RegistrationWindowRequest,
  type Role,
  type SetQuotasRequest,
} from '@kc/contracts';
import { validBody } from '@kc/http';
import { BoothsService } from '../../application/booths.service';

/** Who sets up a fair's booths and registration window: the agency, or the organiser bound to that fair. */
const RUNNERS: readonly Role[] = [...CENTRAL, 'fair-organizer'];

/**
 * A fair's booths, quotas and registration window, read by every role. Booths and the window are set by the
 * agency or the fair's own organiser; the provinces' quotas by the agency alone.
 */
@Controller('api/v1/fairs/:id')
export class BoothsController {
  constructor(private readonly booths: BoothsService) {}

  @Post('booths')
  @Permit({ roles: RUNNERS, scope: 'fairs:write' })
  add(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(addBoothsRequest)) body: AddBoothsRequest,
  ) {
    return this.booths.addBooths(currentPrincipal(), id, body);
  }

  @Get('booths')
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  list(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.booths.listBooths(id);
  }

  @Post('quotas')
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  setQuotas(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(setQuotasRequest)) body: SetQuotasRequest,
  ) {
    return this.booths.setQuotas(id, body);
  }

  @Get('quotas')
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  quotas(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.booths.listQuotas(id);
  }

  @Post('registration-window')
  @Permit({ roles: RUNNERS, scope: 'fairs:write' })
  setWindow(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(registrationWindowRequest)) body: RegistrationWindowRequest,
  ) {
    return this.booths.setRegistrationWindow(currentPrincipal(), id, body);
  }
}
