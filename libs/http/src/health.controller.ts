import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@kc/auth';
import { REDIS, type Redis } from '@kc/cache';
import { KafkaProbe } from '@kc/messaging';

type Check = { status: 'up' } | { status: 'down'; error: string };

async function probe(work: () => Promise<unknown>, timeoutMs = 3_000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Really asks the database, the broker and Redis; 503 when any of them does not answer. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaProbe,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) res: Response) {
    const [database, kafka, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.kafka.check()),
      probe(() => this.redis.ping()),
    ]);
    const checks = { database, kafka, redis };
    const healthy = Object.values(checks).every((c) => c.status === 'up');
    if (!healthy) res.status(503);
    return { status: healthy ? 'ok' : 'error', checks };
  }
}
