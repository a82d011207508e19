import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Permit } from '@kc/auth';
import {
  createUserRequest,
  fairBindingsRequest,
  listUsersQuery,
  roundBindingsRequest,
  updateUserRequest,
  type CreateUserRequest,
  type FairBindingsRequest,
  type ListUsersQuery,
  type RoundBindingsRequest,
  type UpdateUserRequest,
  type UserPage,
  type UserView,
} from '@kc/contracts';
import { validBody, validParams, validQuery } from '@kc/http';
import { UsersService } from '../../application/identity/users.service';
import { ApiUuidParam, ApiZodBody, ApiZodQuery, idParams } from './openapi';
import { Relay } from './relay';

const ADMINS = ['central-admin'] as const;
const NEXT_TOKEN =
  'The person’s current access token keeps its old bindings until it expires; their next token (login or ' +
  'refresh) carries the new set.';

@ApiTags('Người dùng / Users')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly relay: Relay,
  ) {}

  @Get()
  @Permit({ roles: ADMINS, scope: 'users:read' })
  @ApiOperation({
    summary: 'Danh sách tài khoản / List users (never their passwords)',
    description:
      'Filters by role, provincial unit, a part of the username and disabled; ordered by username.',
  })
  @ApiZodQuery(listUsersQuery)
  list(@Query(validQuery(listUsersQuery)) query: ListUsersQuery): Promise<UserPage> {
    return this.users.list(query);
  }

  @Get(':id')
  @Permit({ roles: ADMINS, scope: 'users:read' })
  @ApiOperation({ summary: 'Chi tiết tài khoản / Get a user' })
  @ApiUuidParam()
  get(@Param(validParams(idParams)) params: { id: string }): Promise<UserView> {
    return this.users.get(params.id);
  }

  @Post()
  @Permit({ roles: ADMINS, scope: 'users:write' })
  @ApiOperation({
    summary: 'Tạo tài khoản / Create a user of the built-in identity provider',
    description:
      'The password follows the password-change policy. A province officer names a provincial unit in force ' +
      'today; a business its facility’s tax code; fairIds (fair organisers) and roundIds (jurors) must exist ' +
      'at trade-fairs and awards (422 `user.unknown-fair` / `user.unknown-round` naming the entry). ' +
      'A taken username is 409 `user.username-taken`.',
  })
  @ApiZodBody(createUserRequest)
  async create(
    @Body(validBody(createUserRequest)) body: CreateUserRequest,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.relay.local(req, res, async () => {
      const user = await this.users.create(body);
      return {
        status: 201,
        contentType: 'application/json; charset=utf-8',
        location: `/api/v1/users/${user.id}`,
        retryAfter: null,
        body: JSON.stringify(user),
      };
    });
  }

  @Patch(':id')
  @Permit({ roles: ADMINS, scope: 'users:write' })
  @ApiOperation({
    summary: 'Sửa tài khoản / Change a user’s role, unit or facility, or disable / re-enable it',
    description:
      'The resulting user must fit its role (as at creation; `null` removes a unit or facility). Disabling, or ' +
      'changing role, unit or facility, ends the person’s sessions at once: refresh tokens and current access ' +
      'tokens are revoked. An admin cannot disable or demote themselves (422 `user.self-lockout`).',
  })
  @ApiUuidParam()
  @ApiZodBody(updateUserRequest)
  update(
    @Param(validParams(idParams)) params: { id: string },
    @Body(validBody(updateUserRequest)) body: UpdateUserRequest,
  ): Promise<UserView> {
    return this.users.update(params.id, body);
  }

  @Put(':id/fair-bindings')
  @Permit({ roles: ADMINS, scope: 'users:write' })
  @ApiOperation({
    summary: 'Gắn ban tổ chức với hội chợ / Set the fairs a fair organiser runs (replaces the set)',
    description: `Only for a fair organiser; each fair must exist at trade-fairs. ${NEXT_TOKEN}`,
  })
  @ApiUuidParam()
  @ApiZodBody(fairBindingsRequest)
  bindFairs(
    @Param(validParams(idParams)) params: { id: string },
    @Body(validBody(fairBindingsRequest)) body: FairBindingsRequest,
  ): Promise<UserView> {
    return this.users.bind(params.id, 'fairIds', body.fairIds);
  }

  @Put(':id/round-bindings')
  @Permit({ roles: ADMINS, scope: 'users:write' })
  @ApiOperation({
    summary: 'Gắn giám khảo với đợt bình chọn / Set the award rounds a juror sits on (replaces the set)',
    description: `Only for a juror; each round must exist at awards. ${NEXT_TOKEN}`,
  })
  @ApiUuidParam()
  @ApiZodBody(roundBindingsRequest)
  bindRounds(
    @Param(validParams(idParams)) params: { id: string },
    @Body(validBody(roundBindingsRequest)) body: RoundBindingsRequest,
  ): Promise<UserView> {
    return this.users.bind(params.id, 'roundIds', body.roundIds);
  }
}
