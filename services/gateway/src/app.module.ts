import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PlatformModule } from '@kc/http';
import { ROUTE_TABLE } from '@kc/contracts';
import { ACCESS_ENTITIES, ACCESS_MIGRATIONS, AccessModule, gatewayAuthOptions } from './access.module';
import { ForwardingService, UPSTREAM_TIMEOUT_MS } from './application/forwarding.service';
import { HOUSEKEEPING_SETTINGS, Housekeeping } from './application/housekeeping';
import { UsersService } from './application/identity/users.service';
import { ReferenceService } from './application/reference.service';
import type { GatewayConfig } from './config/gateway.config';
import { IdempotencyStore } from './infrastructure/idempotency/idempotency.store';
import { IdempotencyRecord1763900000720 } from './infrastructure/persistence/migrations/1763900000720-idempotency-record';
import { UpstreamClient } from './infrastructure/upstream/upstream-client';
import { ConferencesController } from './interface/http/conferences.controller';
import { EventDocsController } from './interface/http/event-docs.controller';
import { IndexController } from './interface/http/index.controller';
import { LiveController } from './interface/http/live.controller';
import { ScreensService } from './application/live/screens.service';
import { ScreenLinks } from './infrastructure/screens/screen-links.store';
import { REDIS, type Redis } from '@kc/cache';
import { routeTableController } from './interface/http/route-table.controller';
import { ReferenceController } from './interface/http/reference.controller';
import { Relay, type RelayedRoute } from './interface/http/relay';
import { UsersController } from './interface/http/users.controller';

/** Routes the gateway only relays: every table entry but its own. */
const relayedRoutes = ROUTE_TABLE.filter((r): r is RelayedRoute => r.service !== 'gateway');

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const upstream = new UpstreamClient({
      baseUrls: {
        plans: config.PLANS_URL,
        projects: config.PROJECTS_URL,
        clusters: config.CLUSTERS_URL,
        'trade-fairs': config.TRADE_FAIRS_URL,
        awards: config.AWARDS_URL,
        reporting: config.REPORTING_URL,
      },
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    });
    return {
      module: GatewayModule,
      imports: [
        // Its own database (kc_gateway): users, API clients, signing keys, revoked tokens, the platform's
        // audit trail and the Idempotency-Key records.
        PlatformModule.forService({
          service: 'gateway',
          config,
          entities: ACCESS_ENTITIES,
          migrations: [...ACCESS_MIGRATIONS, IdempotencyRecord1763900000720],
          auth: gatewayAuthOptions(config),
        }),
        AccessModule.forRoot(config),
        // The route table (with each route's access rule) for the OpenAPI security and the matrix tests.
        DiscoveryModule,
      ],
      controllers: [
        IndexController,
        EventDocsController,
        ReferenceController,
        routeTableController(relayedRoutes),
        ConferencesController,
        LiveController,
        UsersController,
      ],
      providers: [
        ReferenceService,
        IdempotencyStore,
        ForwardingService,
        Housekeeping,
        {
          provide: HOUSEKEEPING_SETTINGS,
          useValue: { revocationCheckMs: config.REVOCATION_CHECK_MS, sweepMs: config.EXPIRED_SWEEP_MS },
        },
        Relay,
        UsersService,
        { provide: ScreenLinks, inject: [REDIS], useFactory: (redis: Redis) => new ScreenLinks(redis) },
        ScreensService,
        { provide: UpstreamClient, useValue: upstream },
        { provide: UPSTREAM_TIMEOUT_MS, useValue: config.UPSTREAM_TIMEOUT_MS },
      ],
    };
  }
}
