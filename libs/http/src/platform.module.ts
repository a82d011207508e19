import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntitySchema, MixedList } from 'typeorm';
import { AuthModule, type AuthOptions } from '@kc/auth';
import { RedisModule } from '@kc/cache';
import type { ServiceEnv } from '@kc/config';
import { MessagingModule, MessagingTables1763900000000 } from '@kc/messaging';
import { CorrelationMiddleware, ObservabilityModule } from '@kc/observability';
import { serviceDataSourceOptions } from '@kc/persistence';
import { HealthController } from './health.controller';

export interface PlatformOptions {
  service: string;
  config: ServiceEnv;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  /** The service's own migrations; the outbox/inbox tables migration is added in front. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Defaults to verifying tokens against the gateway's JWKS (AUTH_JWKS_URL); the gateway brings its own keys. */
  auth?: AuthOptions;
}

function authOptions({ auth, config, service }: PlatformOptions): AuthOptions {
  if (auth) return auth;
  if (!config.AUTH_JWKS_URL)
    throw new Error(`${service}: AUTH_JWKS_URL is required to verify callers' tokens`);
  return { issuer: config.AUTH_ISSUER, keys: { jwksUrl: config.AUTH_JWKS_URL } };
}

/**
 * What every service has in common: JSON logs with correlation ids, its own database (migrated at boot),
 * Redis, the outbox and its relay, verified callers on every route, and GET /health.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { service, config } = options;
    return {
      module: PlatformModule,
      imports: [
        ObservabilityModule.forService({ service, level: config.LOG_LEVEL }),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.DATABASE_URL,
            service,
            entities: options.entities,
            migrations: [MessagingTables1763900000000, ...options.migrations],
          }),
        ),
        RedisModule.forRoot(config.REDIS_URL),
        AuthModule.forRoot(authOptions(options)),
        MessagingModule.forService({
          service,
          brokers: config.KAFKA_BROKERS,
          databaseUrl: config.DATABASE_URL,
          outboxPollMs: config.OUTBOX_POLL_MS,
        }),
      ],
      controllers: [HealthController],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
