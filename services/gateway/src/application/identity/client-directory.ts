import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiClientEntity } from '../../infrastructure/persistence/identity.entities';

const CACHE_MS = 60_000;

/**
 * API clients by id, cached briefly for the per-request checks (status, rate limit). A revocation through
 * this gateway drops the entry at once; other gateways see it within a minute, and meanwhile the Redis
 * revocation marker already refuses the client's tokens everywhere.
 */
@Injectable()
export class ClientDirectory {
  private readonly cache = new Map<string, { client: ApiClientEntity | null; until: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<ApiClientEntity | null> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.client;
    const client = await this.dataSource.getRepository(ApiClientEntity).findOneBy({ id });
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { client, until: Date.now() + CACHE_MS });
    return client;
  }

  byApiKeyPrefix(prefix: string): Promise<ApiClientEntity | null> {
    return this.dataSource.getRepository(ApiClientEntity).findOneBy({ apiKeyPrefix: prefix });
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}
