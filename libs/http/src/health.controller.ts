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

interface Health {
  status: 'ok' | 'error';
  checks: Record<'database' | 'kafka' | 'redis', Check>;
  checkedAt: string;
}

/** How long an answer stands: a monitor polling every second sees an outage within a second or two. */
const FRESH_MS = 1_000;

/**
 * Really asks the database, the broker and Redis; 503 when any of them does not answer. The answer stands for a
 * second and concurrent calls share one round of probes, so a busy monitor costs the dependencies nothing.
 */
@Public()
@Controller('health')
export class HealthController {
  private latest?: { at: number; health: Health };
  private pending?: Promise<Health>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaProbe,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const health =
      this.latest && Date.now() - this.latest.at < FRESH_MS ? this.latest.health : await this.probeOnce();
    if (health.status !== 'ok') res.status(503);
    return health;
  }

  private probeOnce(): Promise<Health> {
    this.pending ??= this.probeAll().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async probeAll(): Promise<Health> {
    const [database, kafka, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.kafka.check()),
      probe(() => this.redis.ping()),
    ]);
    const checks = { database, kafka, redis };
    const healthy = Object.values(checks).every((c) => c.status === 'up');
    const health: Health = { status: healthy ? 'ok' : 'error', checks, checkedAt: new Date().toISOString() };
    this.latest = { at: Date.now(), health };
    return health;
  }
}
