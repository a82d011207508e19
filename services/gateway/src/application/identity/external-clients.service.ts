import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExternalClientList, ExternalClientView, RegisterExternalClientRequest } from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { ExternalClientEntity } from '../../infrastructure/persistence/external-client.entity';
import { AuditTrail } from '../audit/audit-trail';

/**
 * Looked up on every request of an external client; cached briefly, so a revocation through another gateway
 * takes effect within this (through this one at once). The tokens minted for an external token never leave the
 * gateway, so no marker at the services is needed.
 */
const CACHE_MS = 10_000;

const toView = (c: ExternalClientEntity): ExternalClientView => ({
  clientId: c.clientId,
  name: c.name,
  rateLimitPerMinute: c.rateLimitPerMinute,
  revokedAt: c.revokedAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
});

/** Clients of the external OIDC issuer admitted by central admins: registration, listing, revocation. */
@Injectable()
export class ExternalClientsService {
  private readonly cache = new Map<string, { client: ExternalClientEntity | null; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async register(request: RegisterExternalClientRequest): Promise<ExternalClientView> {
    const client: ExternalClientEntity = { ...request, revokedAt: null, createdAt: new Date() };
    await this.dataSource.transaction(async (manager) => {
      const created: unknown[] = await manager.query(
        `INSERT INTO external_client (client_id, name, rate_limit_per_minute, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (client_id) DO NOTHING RETURNING client_id`,
        [client.clientId, client.name, client.rateLimitPerMinute, client.createdAt],
      );
      if (created.length === 0) {
        throw new ConflictError(
          {
            vi: `Ứng dụng bên ngoài ${client.clientId} đã được đăng ký (ứng dụng đã thu hồi thì vẫn bị thu hồi)`,
            en: `external client ${client.clientId} is already registered (a revoked one stays revoked)`,
          },
          'external-client.exists',
          'body.clientId',
        );
      }
      await this.audit.record(manager, {
        action: 'external-client.register',
        resourceType: 'external-client',
        resourceId: client.clientId,
        provinceCode: null,
        summary: `Cho phép ứng dụng của nhà cung cấp định danh "${client.name}" (${client.clientId})`,
      });
    });
    this.cache.delete(client.clientId);
    return toView(client);
  }

  async list(): Promise<ExternalClientList> {
    const clients = await this.dataSource
      .getRepository(ExternalClientEntity)
      .find({ order: { createdAt: 'DESC' } });
    return { items: clients.map(toView) };
  }

  /** Idempotent: revoking a revoked client changes (and audits) nothing. */
  async revoke(clientId: string): Promise<ExternalClientView> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `UPDATE external_client SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL
         RETURNING client_id`,
        [clientId],
      );
      const client = await manager.findOneBy(ExternalClientEntity, { clientId });
      if (!client) {
        throw new NotFoundError(
          { vi: `Không có ứng dụng bên ngoài ${clientId}`, en: `no external client ${clientId}` },
          'external-client.not-found',
        );
      }
      if (rows.length > 0) {
        await this.audit.record(manager, {
          action: 'external-client.revoke',
          resourceType: 'external-client',
          resourceId: clientId,
          provinceCode: null,
          summary: `Thu hồi ứng dụng của nhà cung cấp định danh "${client.name}" (${clientId})`,
        });
      }
      return client;
    });
    this.cache.delete(clientId);
    return toView(revoked);
  }

  async byId(clientId: string): Promise<ExternalClientEntity | null> {
    const cached = this.cache.get(clientId);
    if (cached && cached.until > Date.now()) return cached.client;
    const client = await this.dataSource.getRepository(ExternalClientEntity).findOneBy({ clientId });
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(clientId, { client, until: Date.now() + CACHE_MS });
    return client;
  }
}
