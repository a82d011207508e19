import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ALL_ROLES, CENTRAL, Permit } from '@kc/auth';
import {
  addBoothsRequest,
  registrationWindowRequest,
  setQuotasRequest,
  type AddBoothsRequest,
  type RegistrationWindowRequest,
  type SetQuotasRequest,
} from '@kc/contracts';
import { validBody } from '@kc/http';
import { BoothsService } from '../../application/booths.service';

/** A fair's booths, quotas and registration window: the agency sets them, every role reads them. */
@Controller('api/v1/fairs/:id')
export class BoothsController {
  constructor(private readonly booths: BoothsService) {}

  @Post('booths')
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  add(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(addBoothsRequest)) body: AddBoothsRequest,
  ) {
    return this.booths.addBooths(id, body);
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
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  setWindow(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(validBody(registrationWindowRequest)) body: RegistrationWindowRequest,
  ) {
    return this.booths.setRegistrationWindow(id, body);
  }
}
