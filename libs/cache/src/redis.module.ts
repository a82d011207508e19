import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createClient, type RedisClientType } from 'redis';

export const REDIS = Symbol('REDIS');
export type Redis = RedisClientType;

/** Every key a service writes starts with `kc:<service>:` so services never collide in a shared Redis. */
export function redisKey(service: string, ...parts: (string | number)[]): string {
  return ['kc', service, ...parts].join(':');
}

/**
 * The pub/sub channel where a service says its data changed (the message is its name): its outbox relay, as soon
 * as a write commits, and the gateway for a write it relayed. The gateway drops the answers it keeps of that
 * service; the channel belongs to no one service, hence `platform`.
 */
export const DATA_CHANGED_CHANNEL = redisKey('platform', 'data-changed');

@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly client: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }
}

@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          useFactory: async () => {
            const client = createClient({
              url,
              // Reconnect with a capped backoff instead of giving up; health reports the outage meanwhile.
              socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5_000) },
            });
            client.on('error', () => undefined);
            await client.connect();
            return client;
          },
        },
        RedisLifecycle,
      ],
      exports: [REDIS],
    };
  }
}
