import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@kc/contracts';
import { ForbiddenError, UnauthenticatedError } from '@kc/errors';
import type { RateVerdict } from '../../domain/rate-limit';
import { RateLimiter } from '../../infrastructure/identity/rate-limiter.store';
import { TooManyRequestsError } from '../too-many-requests';
import { ClientDirectory } from './client-directory';
import { ExternalClientsService } from './external-clients.service';

/** What admission reads of a registered client: whether it was revoked, and its own limit. */
export interface RegisteredClient {
  revokedAt: Date | null;
  rateLimitPerMinute: number;
}
export interface ClientLookup {
  byId(id: string): Promise<RegisteredClient | null>;
}
export interface RequestCounter {
  hit(caller: string, limit: number): Promise<RateVerdict>;
}

/**
 * Admits a request of an API client, or of a person carrying a token of the external issuer, after the guard:
 * refused if its client was revoked (or, external, never registered), or if it went past the client's own
 * per-minute limit (429, its Retry-After in `retryAfterSeconds`). An external token must also grant the
 * route's scope: the guard judges a person by role alone, and such a person acts through a client that may
 * have been granted less.
 */
@Injectable()
export class ClientAdmission {
  constructor(
    @Inject(ClientDirectory) private readonly apiClients: ClientLookup,
    @Inject(ExternalClientsService) private readonly externalClients: ClientLookup,
    @Inject(RateLimiter) private readonly limiter: RequestCounter,
  ) {}

  /** `externalClientId`: the external issuer's client the request's token came through, if any. */
  async admit(
    principal: Principal,
    externalClientId: string | undefined,
    requiredScope?: string,
  ): Promise<void> {
    if (principal.kind !== 'client' && externalClientId === undefined) return;
    const client =
      externalClientId === undefined
        ? await this.apiClient(principal.id)
        : await this.externalClient(externalClientId, principal.scopes, requiredScope);
    const verdict = await this.limiter.hit(client.key, client.rateLimitPerMinute);
    if (verdict.allowed) return;
    const kind =
      externalClientId === undefined ? { vi: 'API', en: 'API' } : { vi: 'bên ngoài', en: 'external' };
    throw new TooManyRequestsError(
      'rate.client-limit',
      {
        vi: `Ứng dụng ${kind.vi} này chỉ được gửi ${client.rateLimitPerMinute} yêu cầu mỗi phút.`,
        en: `This ${kind.en} client may make ${client.rateLimitPerMinute} requests a minute.`,
      },
      verdict.retryAfterSeconds,
    );
  }

  private async apiClient(id: string) {
    const client = await this.apiClients.byId(id);
    if (!client || client.revokedAt !== null) {
      throw new UnauthenticatedError(
        { vi: 'Ứng dụng API này đã bị thu hồi', en: 'this API client was revoked' },
        'auth.client-revoked',
      );
    }
    return { key: `client:${id}`, rateLimitPerMinute: client.rateLimitPerMinute };
  }

  private async externalClient(clientId: string, scopes: string[], requiredScope: string | undefined) {
    const client = await this.externalClients.byId(clientId);
    if (!client || client.revokedAt !== null) {
      throw new UnauthenticatedError(
        client
          ? {
              vi: `Ứng dụng ${clientId} của nhà cung cấp định danh đã bị thu hồi tại đây`,
              en: `the identity provider's client ${clientId} was revoked here`,
            }
          : {
              vi: `Ứng dụng ${clientId} của nhà cung cấp định danh chưa được đăng ký tại đây`,
              en: `the identity provider's client ${clientId} is not registered here`,
            },
        'auth.client-revoked',
      );
    }
    if (requiredScope && !scopes.includes(requiredScope)) {
      throw new ForbiddenError(
        {
          vi: `Mã định danh không cấp phạm vi ${requiredScope}`,
          en: `the identity token does not grant the scope ${requiredScope}`,
        },
        'auth.forbidden',
      );
    }
    return { key: `external:${clientId}`, rateLimitPerMinute: client.rateLimitPerMinute };
  }
}
