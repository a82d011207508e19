import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ALL_ROLES, CENTRAL, Permit, STAFF } from '@kc/auth';
import {
  addBoothsRequest,
  cancelRegistrationRequest,
  createRegistrationRequest,
  listRegistrationsQuery,
  registrationParams,
  registrationWindowRequest,
  setQuotasRequest,
  type Role,
} from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiIdempotencyKey, ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

/** Businesses book for their own facility, province officers for their delegation, the agency for anyone. */
const REGISTRANTS: readonly Role[] = [...STAFF, 'business'];

const ApiRegistrationParams = () =>
  applyDecorators(ApiUuidParam(), ApiParam({ name: 'rid', schema: { type: 'string', format: 'uuid' } }));

/** A fair's booth inventory, quotas, registration window and booth registrations (trade-fairs service). */
@ApiTags('Hội chợ / Trade fairs')
@Controller('api/v1/fairs/:id')
export class FairBoothsController {
  constructor(private readonly relay: Relay) {}

  @Post('booths')
  @ApiOperation({ summary: 'Thêm gian hàng / Add booths to the inventory' })
  @ApiUuidParam()
  @ApiZodBody(addBoothsRequest)
  @ApiIdempotencyKey()
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  addBooths(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(addBoothsRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get('booths')
  @ApiOperation({ summary: 'Sơ đồ gian hàng / Booths with their state (free, held, allocated)' })
  @ApiUuidParam()
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  booths(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('quotas')
  @ApiOperation({ summary: 'Chỉ tiêu gian hàng theo tỉnh / Set provincial booth quotas of a regional fair' })
  @ApiUuidParam()
  @ApiZodBody(setQuotasRequest)
  @ApiIdempotencyKey()
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  setQuotas(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(setQuotasRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get('quotas')
  @ApiOperation({ summary: 'Chỉ tiêu và phần dùng chung / Quotas and the common pool, with usage' })
  @ApiUuidParam()
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  quotas(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('registration-window')
  @ApiOperation({
    summary: 'Thời gian đăng ký / Set the registration window, hold minutes, per-facility limit',
  })
  @ApiUuidParam()
  @ApiZodBody(registrationWindowRequest)
  @ApiIdempotencyKey()
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  setWindow(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(registrationWindowRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('registrations')
  @ApiOperation({
    summary: 'Đăng ký gian hàng / Register for booths: a hold to confirm, or a place on the waiting list',
  })
  @ApiUuidParam()
  @ApiZodBody(createRegistrationRequest)
  @ApiIdempotencyKey()
  @Permit({ roles: REGISTRANTS, scope: 'fairs:write' })
  register(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(createRegistrationRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get('registrations')
  @ApiOperation({ summary: 'Danh sách đăng ký / List registrations (own province or facility)' })
  @ApiUuidParam()
  @ApiZodQuery(listRegistrationsQuery)
  @Permit({ roles: REGISTRANTS, scope: 'fairs:read' })
  registrations(
    @Param(validParams(idParams)) _params: unknown,
    @Query(validQuery(listRegistrationsQuery)) _query: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get('registrations/:rid')
  @ApiOperation({ summary: 'Chi tiết đăng ký / Get a registration' })
  @ApiRegistrationParams()
  @Permit({ roles: REGISTRANTS, scope: 'fairs:read' })
  registration(
    @Param(validParams(registrationParams)) _params: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('registrations/:rid/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Xác nhận giữ chỗ / Confirm a live hold: the booths are allocated' })
  @ApiRegistrationParams()
  @ApiIdempotencyKey()
  @Permit({ roles: REGISTRANTS, scope: 'fairs:write' })
  confirm(
    @Param(validParams(registrationParams)) _params: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('registrations/:rid/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hủy đăng ký / Cancel a registration, with a reason' })
  @ApiRegistrationParams()
  @ApiZodBody(cancelRegistrationRequest)
  @ApiIdempotencyKey()
  @Permit({ roles: REGISTRANTS, scope: 'fairs:write' })
  cancel(
    @Param(validParams(registrationParams)) _params: unknown,
    @Body(validBody(cancelRegistrationRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }
}
