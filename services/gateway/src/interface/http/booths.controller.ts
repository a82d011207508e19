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
import { createHash } from 'node:crypto';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ALL_ROLES, CENTRAL, Permit, Public, STAFF } from '@kc/auth';
import {
  addBoothsRequest,
  cancelRegistrationRequest,
  certifyDelegationRequest,
  certifyParticipantListRequest,
  chooseSubsidyPolicyRequest,
  contractDataQuery,
  createRegistrationRequest,
  drawLotteryRequest,
  listRegistrationsQuery,
  registrationParams,
  registrationWindowRequest,
  setQuotasRequest,
  type Role,
} from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams, noBody } from './openapi';
import { header, Relay } from './relay';

/** Businesses book for their own facility, province officers for their delegation, the agency for anyone. */
const REGISTRANTS: readonly Role[] = [...STAFF, 'business'];
/**
 * Who runs a fair — adds its booths, sets its window, draws its lottery, checks facilities in: the agency, or
 * the organiser bound to that fair (the service checks the binding).
 */
const RUNNERS: readonly Role[] = [...CENTRAL, 'fair-organizer'];

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

const ApiRegistrationParams = () =>
  applyDecorators(ApiUuidParam(), ApiParam({ name: 'rid', schema: { type: 'string', format: 'uuid' } }));

/** A fair's booth inventory, quotas, registration window and booth registrations (trade-fairs service). */
@ApiTags('Hội chợ / Trade fairs')
@Controller('api/v1/fairs/:id')
export class FairBoothsController {
  constructor(private readonly relay: Relay) {}

  @Post('booths')
  @ApiOperation({
    summary: 'Thêm gian hàng / Add booths to the inventory (the agency or the fair’s organiser)',
  })
  @ApiUuidParam()
  @ApiZodBody(addBoothsRequest)
  @Permit({ roles: RUNNERS, scope: 'fairs:write' })
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
    summary:
      'Thời gian đăng ký / Set the registration window, hold minutes, per-facility limit (the agency or the fair’s organiser)',
  })
  @ApiUuidParam()
  @ApiZodBody(registrationWindowRequest)
  @Permit({ roles: RUNNERS, scope: 'fairs:write' })
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
  @Permit({ roles: REGISTRANTS, scope: 'fairs:write' })
  confirm(
    @Param(validParams(registrationParams)) _params: unknown,
    @Body(validBody(noBody)) _body: unknown,
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
  @Permit({ roles: REGISTRANTS, scope: 'fairs:write' })
  cancel(
    @Param(validParams(registrationParams)) _params: unknown,
    @Body(validBody(cancelRegistrationRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get('subsidy-policy')
  @ApiOperation({ summary: "Định mức hỗ trợ / The fair's booth subsidy policy and those it could use" })
  @ApiUuidParam()
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  subsidyPolicy(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('subsidy-policy')
  @HttpCode(200)
  @ApiOperation({
    summary: "Chọn định mức hỗ trợ / Choose the fair's subsidy policy (before any certification)",
  })
  @ApiUuidParam()
  @ApiZodBody(chooseSubsidyPolicyRequest)
  @Permit({ roles: CENTRAL, scope: 'fairs:write' })
  chooseSubsidyPolicy(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(chooseSubsidyPolicyRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('registrations/:rid/certify')
  @HttpCode(200)
  @ApiOperation({
    summary: "Xác nhận tham gia / Certify an allocation (the facility's own province), fixing its support",
  })
  @ApiRegistrationParams()
  @Permit({ roles: STAFF, scope: 'fairs:write' })
  certify(
    @Param(validParams(registrationParams)) _params: unknown,
    @Body(validBody(noBody)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('certifications')
  @HttpCode(200)
  @ApiOperation({ summary: "Xác nhận đoàn của tỉnh / Certify every allocation of a province's delegation" })
  @ApiUuidParam()
  @ApiZodBody(certifyDelegationRequest)
  @Permit({ roles: STAFF, scope: 'fairs:write' })
  certifyDelegation(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(certifyDelegationRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('participant-list/certification')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Xác nhận danh sách tham gia / The host province certifies the participant list (payment evidence, closes it)',
    description:
      "Domain §9: each province's department first certifies its own delegation (`certifications`), fixing each " +
      "facility's support; then the department of the fair's province (or the agency) certifies the whole list " +
      'with its document number — 409 `fair.delegations-not-certified` names the units still to certify. ' +
      'After that no allocation is certified or cancelled (409 `fair.participant-list-certified`).',
  })
  @ApiUuidParam()
  @ApiZodBody(certifyParticipantListRequest)
  @Permit({ roles: STAFF, scope: 'fairs:write' })
  certifyParticipantList(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(certifyParticipantListRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Post('registrations/:rid/check-in')
  @HttpCode(200)
  @ApiOperation({ summary: "Check-in tại hội chợ / Check an allocated facility in, on the fair's days" })
  @ApiRegistrationParams()
  @Permit({ roles: RUNNERS, scope: 'fairs:write' })
  checkIn(
    @Param(validParams(registrationParams)) _params: unknown,
    @Body(validBody(noBody)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get('contract-data')
  @ApiOperation({ summary: 'Dữ liệu hợp đồng gian hàng / Booth contract data per facility (own province)' })
  @ApiUuidParam()
  @ApiZodQuery(contractDataQuery)
  @Permit({ roles: STAFF, scope: 'fairs:read' })
  contractData(
    @Param(validParams(idParams)) _params: unknown,
    @Query(validQuery(contractDataQuery)) _query: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  /** The .xlsx goes through as bytes: the relay's text path would corrupt it. */
  @Get('contract-data.xlsx')
  @ApiOperation({ summary: 'Xuất hợp đồng gian hàng (.xlsx) / Booth contract data as a spreadsheet' })
  @ApiUuidParam()
  @ApiZodQuery(contractDataQuery)
  @Permit({ roles: STAFF, scope: 'fairs:read' })
  async contractSheet(
    @Param(validParams(idParams)) _params: unknown,
    @Query(validQuery(contractDataQuery)) _query: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.relay.file('trade-fairs', req, res);
  }

  @Post('lottery')
  @ApiOperation({
    summary: 'Bốc thăm gian hàng / Draw a lottery fair after its window, with a published seed',
  })
  @ApiUuidParam()
  @ApiZodBody(drawLotteryRequest)
  @Permit({ roles: RUNNERS, scope: 'fairs:write' })
  drawLottery(
    @Param(validParams(idParams)) _params: unknown,
    @Body(validBody(drawLotteryRequest)) _body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.relay.to('trade-fairs', req, res);
  }

  @Get('lottery')
  @ApiOperation({ summary: 'Kết quả bốc thăm / The published draw: seed, algorithm and the order' })
  @ApiUuidParam()
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  lottery(@Param(validParams(idParams)) _params: unknown, @Req() req: Request, @Res() res: Response) {
    return this.relay.to('trade-fairs', req, res);
  }

  /** SVG bytes through the download path; the ETag is computed here, so polling gets 304 at the edge. */
  @Get('floor-plan.svg')
  @ApiOperation({ summary: 'Sơ đồ gian hàng (SVG) / Floor plan with booth states; ETag for polling' })
  @ApiUuidParam()
  @Permit({ roles: ALL_ROLES, scope: 'fairs:read' })
  async floorPlanSvg(
    @Param(validParams(idParams)) _params: unknown,
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
  @Get('floor-plan')
  @ApiOperation({ summary: 'Sơ đồ gian hàng trực tiếp (HTML) / Live floor plan page, polling the SVG' })
  @ApiUuidParam()
  @Public()
  async floorPlanPage(
    @Param(validParams(idParams)) _params: unknown,
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
