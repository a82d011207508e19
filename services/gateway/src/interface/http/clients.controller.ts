import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permit } from '@kc/auth';
import { registerClientRequest, type RegisterClientRequest, type RegisteredClient } from '@kc/contracts';
import { validBody, validParams } from '@kc/http';
import { ClientsService } from '../../application/identity/clients.service';
import { ApiUuidParam, ApiZodBody, idParams, noBody } from './openapi';

const ADMINS = ['central-admin'] as const;

@ApiTags('Hệ thống tích hợp / API clients')
@Controller('api/v1/auth/clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @Permit({ roles: ADMINS, scope: 'clients:write' })
  @ApiOperation({
    summary: 'Đăng ký hệ thống tích hợp / Register an API client (provincial or central system)',
    description:
      'Returns the client id, its secret (client-credentials grant) and an API key (X-API-Key), shown this once. ' +
      'A province-officer client is bound to its unit; scopes must be ones its role can use.',
  })
  @ApiZodBody(registerClientRequest)
  register(@Body(validBody(registerClientRequest)) body: RegisterClientRequest): Promise<RegisteredClient> {
    return this.clients.register(body);
  }

  @Get()
  @Permit({ roles: ADMINS, scope: 'clients:read' })
  @ApiOperation({ summary: 'Danh sách hệ thống tích hợp / List API clients (never their secrets)' })
  list() {
    return this.clients.list();
  }

  @Post(':id/revoke')
  @Permit({ roles: ADMINS, scope: 'clients:write' })
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Thu hồi hệ thống tích hợp / Revoke an API client: its key, secret and issued tokens stop working',
  })
  @ApiUuidParam()
  revoke(@Param(validParams(idParams)) params: { id: string }, @Body(validBody(noBody)) _body: unknown) {
    return this.clients.revoke(params.id);
  }
}
