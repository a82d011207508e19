import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  ApiClientList,
  ApiClientView,
  OAuthTokenResponse,
  RegisterClientRequest,
  RegisteredClient,
  Scope,
} from '@kc/contracts';
import { NotFoundError, RuleViolationError } from '@kc/errors';
import { newApiKey, randomSecret } from '../../domain/identity/api-key';
import { OAuthError, type ClientCredentialsGrant } from '../../domain/identity/oauth';
import { clientPrincipal } from '../../domain/identity/principals';
import { CLIENT_ROLES, scopesBeyondRole } from '../../domain/identity/scopes';
import { PasswordHasher } from '../../infrastructure/identity/password-hasher';
import { Revocations } from '../../infrastructure/identity/revocations.store';
import { TokenIssuer } from '../../infrastructure/identity/token-issuer';
import { ApiClientEntity } from '../../infrastructure/persistence/identity.entities';
import { AuditTrail } from '../audit/audit-trail';
import { ClientDirectory } from './client-directory';
import { EdgeCredentials } from './edge-credentials';

const toView = (c: ApiClientEntity): ApiClientView => ({
  id: c.id,
  name: c.name,
  role: c.role,
  provinceCode: c.provinceCode,
  scopes: c.scopes,
  apiKeyPrefix: c.apiKeyPrefix,
  rateLimitPerMinute: c.rateLimitPerMinute,
  revokedAt: c.revokedAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** API clients of provincial and central systems: registration, listing, revocation, client credentials. */
@Injectable()
export class ClientsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly issuer: TokenIssuer,
    private readonly audit: AuditTrail,
    private readonly directory: ClientDirectory,
    private readonly edge: EdgeCredentials,
    private readonly revocations: Revocations,
  ) {}

  async register(request: RegisterClientRequest): Promise<RegisteredClient> {
    if (!CLIENT_ROLES.includes(request.role)) {
      throw new RuleViolationError(
        {
          vi: `Ứng dụng API chỉ được có một trong các vai trò ${CLIENT_ROLES.join(', ')}`,
          en: `an API client may have one of the roles ${CLIENT_ROLES.join(', ')}`,
        },
        'client.role-not-allowed',
        'body.role',
      );
    }
    if ((request.role === 'province-officer') !== Boolean(request.provinceCode)) {
      throw new RuleViolationError(
        request.provinceCode
          ? {
              vi: 'Chỉ ứng dụng có vai trò cán bộ tỉnh mới gắn với một đơn vị cấp tỉnh',
              en: 'only a province-officer client is bound to a provincial unit',
            }
          : {
              vi: 'Ứng dụng có vai trò cán bộ tỉnh phải nêu đơn vị cấp tỉnh của mình',
              en: 'a province-officer client must name its provincial unit',
            },
        'client.province',
        'body.provinceCode',
      );
    }
    const beyond = scopesBeyondRole(request.role, request.scopes);
    if (beyond.length > 0) {
      throw new RuleViolationError(
        {
          vi: `Vai trò ${request.role} không bao giờ được dùng ${beyond.join(', ')}`,
          en: `role ${request.role} can never use ${beyond.join(', ')}`,
        },
        'client.scope-beyond-role',
        'body.scopes',
      );
    }
    const clientSecret = randomSecret();
    const apiKey = newApiKey();
    const client: ApiClientEntity = {
      id: randomUUID(),
      name: request.name,
      role: request.role,
      provinceCode: request.provinceCode ?? null,
      // Every one is a scope of the role by now (scopesBeyondRole found none beyond it).
      scopes: [...new Set(request.scopes as Scope[])],
      secretHash: await this.hasher.hash(clientSecret),
      apiKeyPrefix: apiKey.prefix,
      apiKeyHash: apiKey.hash,
      rateLimitPerMinute: request.rateLimitPerMinute,
      revokedAt: null,
      createdAt: new Date(),
    };
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ApiClientEntity, client);
      await this.audit.record(manager, {
        action: 'api-client.register',
        resourceType: 'api-client',
        resourceId: client.id,
        provinceCode: client.provinceCode,
        summary: `Đăng ký ứng dụng tích hợp "${client.name}" (${client.role}; ${client.scopes.join(', ')})`,
      });
    });
    return { clientId: client.id, clientSecret, apiKey: apiKey.key };
  }

  async list(): Promise<ApiClientList> {
    const clients = await this.dataSource
      .getRepository(ApiClientEntity)
      .find({ order: { createdAt: 'DESC' } });
    return { items: clients.map(toView) };
  }

  /** Idempotent: revoking a revoked client changes (and audits) nothing. */
  async revoke(id: string): Promise<ApiClientView> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `UPDATE api_client SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
        [id],
      );
      const client = await manager.findOneBy(ApiClientEntity, { id });
      if (!client) {
        throw new NotFoundError(
          { vi: `Không có ứng dụng API ${id}`, en: `no API client ${id}` },
          'client.not-found',
        );
      }
      if (rows.length > 0) {
        await this.audit.record(manager, {
          action: 'api-client.revoke',
          resourceType: 'api-client',
          resourceId: id,
          provinceCode: client.provinceCode,
          summary: `Thu hồi ứng dụng tích hợp "${client.name}"`,
        });
      }
      return client;
    });
    // Every token already issued to the client is refused from now on, here and at the services (revoked_at
    // is the durable record the marker is restored from after a Redis flush).
    await this.revocations.publishClientRevoked(id);
    this.directory.forget(id);
    this.edge.forgetClient(id);
    return toView(revoked);
  }

  /** OAuth 2.0 client-credentials grant (RFC 6749 §4.4): a token for the scopes asked, or all the client has. */
  async clientCredentials(grant: ClientCredentialsGrant): Promise<OAuthTokenResponse> {
    const client = UUID.test(grant.clientId)
      ? await this.dataSource.getRepository(ApiClientEntity).findOneBy({ id: grant.clientId })
      : null;
    const usable = client !== null && client.revokedAt === null;
    const valid = await this.hasher.verify(usable ? client.secretHash : null, grant.clientSecret);
    if (!valid || !client) {
      throw new OAuthError(
        'invalid_client',
        'the client id or secret is wrong, or the client was revoked',
        grant.via === 'basic',
      );
    }
    const granted: readonly string[] = client.scopes;
    const notGranted = grant.scopes?.filter((scope) => !granted.includes(scope)) ?? [];
    if (notGranted.length > 0) {
      throw new OAuthError('invalid_scope', `scope: not granted to this client: ${notGranted.join(' ')}`);
    }
    const principal = clientPrincipal(client, grant.scopes);
    const access = await this.issuer.issue(principal);
    return {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      scope: principal.scopes.join(' '),
    };
  }
}
