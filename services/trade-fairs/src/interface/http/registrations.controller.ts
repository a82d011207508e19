import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { Permit, STAFF, currentPrincipal } from '@kc/auth';
import {
  cancelRegistrationRequest,
  createRegistrationRequest,
  listRegistrationsQuery,
  type CancelRegistrationRequest,
  type CreateRegistrationRequest,
  type ListRegistrationsQuery,
  type Role,
} from '@kc/contracts';
import { fieldError, ValidationProblem, validBody, validQuery } from '@kc/http';
import { RegistrationsService } from '../../application/registrations.service';

/** Businesses book for their own facility, province officers for their delegation, the agency for anyone. */
export const REGISTRANTS: readonly Role[] = [...STAFF, 'business'];

/** 1–200 visible ASCII characters, as at the gateway. */
function idempotencyKeyOf(value: string | undefined): string {
  if (value === undefined) {
    throw new ValidationProblem([
      fieldError('header.idempotency-key', 'required', {
        vi: 'Đăng ký cần có Idempotency-Key',
        en: 'a registration needs an Idempotency-Key',
      }),
    ]);
  }
  if (!/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new ValidationProblem([
      fieldError('header.idempotency-key', 'invalid_format', {
        vi: 'phải gồm 1 đến 200 ký tự ASCII nhìn thấy được',
        en: 'must be 1 to 200 visible ASCII characters',
      }),
    ]);
  }
  return value;
}

@Controller('api/v1/fairs/:id/registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  /** 201 with a hold or a waiting-list place; a re-sent key answers with the same registration. */
  @Post()
  @Permit({ roles: REGISTRANTS, scope: 'fairs:write' })
  async register(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(validBody(createRegistrationRequest)) body: CreateRegistrationRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { view, replayed } = await this.registrations.register(
      currentPrincipal(),
      id,
      idempotencyKeyOf(key),
      body,
    );
    if (replayed) res.setHeader('idempotent-replayed', 'true');
    return view;
  }

  @Get()
  @Permit({ roles: REGISTRANTS, scope: 'fairs:read' })
  list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query(validQuery(listRegistrationsQuery)) query: ListRegistrationsQuery,
  ) {
    return this.registrations.list(currentPrincipal(), id, query);
  }

  @Get(':rid')
  @Permit({ roles: REGISTRANTS, scope: 'fairs:read' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Param('rid', new ParseUUIDPipe()) rid: string) {
    return this.registrations.get(currentPrincipal(), id, rid);
  }

  @Post(':rid/confirm')
  @HttpCode(200)
  @Permit({ roles: REGISTRANTS, scope: 'fairs:write' })
  confirm(@Param('id', new ParseUUIDPipe()) id: string, @Param('rid', new ParseUUIDPipe()) rid: string) {
    return this.registrations.confirm(currentPrincipal(), id, rid);
  }

  @Post(':rid/cancel')
  @HttpCode(200)
  @Permit({ roles: REGISTRANTS, scope: 'fairs:write' })
  cancel(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('rid', new ParseUUIDPipe()) rid: string,
    @Body(validBody(cancelRegistrationRequest)) body: CancelRegistrationRequest,
  ) {
    return this.registrations.cancel(currentPrincipal(), id, rid, body.reason);
  }
}
