import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Permit } from '@kc/auth';
import {
  registerExternalClientRequest,
  type ExternalClientView,
  type RegisterExternalClientRequest,
} from '@kc/contracts';
import { validBody, validParams } from '@kc/http';
import { ExternalClientsService } from '../../application/identity/external-clients.service';
import { ApiZodBody, noBody } from './openapi';

const ADMINS = ['central-admin'] as const;
const clientIdParams = z.strictObject({ id: registerExternalClientRequest.shape.clientId });

@ApiTags('Hệ thống tích hợp / API clients')
@Controller('api/v1/auth/external-clients')
export class ExternalClientsController {
  constructor(private readonly clients: ExternalClientsService) {}

  @Post()
  @Permit({ roles: ADMINS, scope: 'clients:write' })
  @ApiOperation({
    summary: 'Cho phép ứng dụng của IdP ngoài / Admit a client of the external OIDC issuer',
    description:
      'Tokens of the external issuer are accepted only from registered clients (their `azp`, else `client_id` ' +
      'claim), each limited to its requests per minute. A person’s scopes are those of the token within the role.',
  })
  @ApiZodBody(registerExternalClientRequest)
  register(
    @Body(validBody(registerExternalClientRequest)) body: RegisterExternalClientRequest,
  ): Promise<ExternalClientView> {
    return this.clients.register(body);
  }

  @Get()
  @Permit({ roles: ADMINS, scope: 'clients:read' })
  @ApiOperation({ summary: 'Danh sách ứng dụng của IdP ngoài / List the external issuer’s clients' })
  list() {
    return this.clients.list();
  }

  @Post(':id/revoke')
  @Permit({ roles: ADMINS, scope: 'clients:write' })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Thu hồi ứng dụng của IdP ngoài / Revoke an external client: its tokens are refused from now on',
  })
  @ApiParam({ name: 'id', description: 'The client id (azp) at the external issuer' })
  revoke(
    @Param(validParams(clientIdParams)) params: { id: string },
    @Body(validBody(noBody)) _body: unknown,
  ) {
    return this.clients.revoke(params.id);
  }
}
