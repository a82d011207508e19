import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  ClientCredentialsRequest,
  RegisterClientRequest,
  RegisteredClient,
  TokenResponse,
} from '@kc/contracts';
import { ForbiddenError, NotFoundError, RuleViolationError, UnauthenticatedError } from '@kc/errors';
import { newApiKey, randomSecret } from '../../domain/identity/api-key';
import { clientPrincipal } from '../../domain/identity/principals';
import { CLIENT_ROLES, scopesBeyondRole } from '../../domain/identity/scopes';
import { PasswordHasher } from '../../infrastructure/identity/password-hasher';
import { Revocations } from '../../infrastructure/identity/revocations.store';
import { TokenIssuer } from '../../infrastructure/identity/token-issuer';
import { ApiClientEntity } from '../../infrastructure/persistence/identity.entities';
import { AuditTrail } from '../audit/audit-trail';
import { ClientDirectory } from './client-directory';
import { EdgeCredentials } from './edge-credentials';

export interface ApiClientView {
  id: string;
  name: string;
  role: string;
  provinceCode: string | null;
  scopes: string[];
  apiKeyPrefix: string;
  rateLimitPerMinute: number;
  revokedAt: string | null;
  createdAt: string;
}

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
        `an API client may have one of the roles ${CLIENT_ROLES.join(', ')}`,
        'client.role-not-allowed',
        'body.role',
      );
    }
    if ((request.role === 'province-officer') !== Boolean(request.provinceCode)) {
      throw new RuleViolationError(
        request.provinceCode
          ? 'only a province-officer client is bound to a provincial unit'
          : 'a province-officer client must name its provincial unit',
        'client.province',
        'body.provinceCode',
      );
    }
    const beyond = scopesBeyondRole(request.role, request.scopes);
    if (beyond.length > 0) {
      throw new RuleViolationError(
        `role ${request.role} can never use ${beyond.join(', ')}`,
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
      scopes: [...new Set(request.scopes)],
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

  async list(): Promise<{ items: ApiClientView[] }> {
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
      if (!client) throw new NotFoundError(`no API client ${id}`, 'client.not-found');
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

  /** OAuth2 client-credentials grant: an access token for the client, for the scopes asked (or all it has). */
  async clientCredentials(request: ClientCredentialsRequest): Promise<TokenResponse> {
    const client = UUID.test(request.client_id)
      ? await this.dataSource.getRepository(ApiClientEntity).findOneBy({ id: request.client_id })
      : null;
    const usable = client !== null && client.revokedAt === null;
    const valid = await this.hasher.verify(usable ? client.secretHash : null, request.client_secret);
    if (!valid || !client) {
      throw new UnauthenticatedError(
        'the client id or secret is wrong, or the client was revoked',
        'auth.invalid-client',
      );
    }
    const asked = request.scope?.split(/\s+/).filter(Boolean);
    const notGranted = asked?.filter((scope) => !client.scopes.includes(scope)) ?? [];
    if (notGranted.length > 0) {
      throw new ForbiddenError(
        `scope not granted to this client: ${notGranted.join(', ')}`,
        'auth.invalid-scope',
        'body.scope',
      );
    }
    const access = await this.issuer.issue(
      clientPrincipal(client, asked?.length ? [...new Set(asked)] : undefined),
    );
    return { accessToken: access.token, tokenType: 'Bearer', expiresIn: access.expiresIn };
  }
}
