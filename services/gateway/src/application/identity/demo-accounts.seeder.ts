import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { provincesAsOf, vietnamDate } from '@kc/reference-data';
import { demoAccounts } from '../../domain/identity/demo-accounts';
import { PasswordHasher } from '../../infrastructure/identity/password-hasher';
import { AppUserEntity } from '../../infrastructure/persistence/identity.entities';
import { AuditTrail } from '../audit/audit-trail';
import { Clock } from '../clock';

export const DEMO_SETTINGS = Symbol('DEMO_SETTINGS');
export interface DemoSettings {
  enabled: boolean;
  password: string;
}

/**
 * Creates the README's demo accounts at boot (AUTH_DEMO_USERS=true: the dev and test profiles). Only missing
 * accounts are hashed and inserted, so a restart costs one query; an account whose password was changed
 * keeps it.
 */
@Injectable()
export class DemoAccountsSeeder implements OnApplicationBootstrap {
  private readonly log = new Logger('DemoAccounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(DEMO_SETTINGS) private readonly settings: DemoSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.enabled) return;
    const accounts = demoAccounts(provincesAsOf(vietnamDate(this.clock.now())).map((unit) => unit.code));
    const existing = new Set(
      (await this.dataSource.getRepository(AppUserEntity).find({ select: { username: true } })).map(
        (u) => u.username,
      ),
    );
    const missing = accounts.filter((a) => !existing.has(a.username));
    if (missing.length === 0) return;

    const rows = await Promise.all(
      missing.map(async (account) => ({
        id: randomUUID(),
        ...account,
        passwordHash: await this.hasher.hash(this.settings.password),
        disabled: false,
        passwordChangedAt: new Date(),
      })),
    );
    const created = await this.dataSource.transaction(async (manager) => {
      // Another gateway booting at the same time may have created some: theirs stay.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(AppUserEntity)
        .values(rows)
        .orIgnore()
        .returning(['id'])
        .execute();
      const count = inserted.raw.length as number;
      if (count > 0) {
        await this.audit.record(manager, {
          action: 'user.seed-demo',
          resourceType: 'user',
          resourceId: 'demo-accounts',
          provinceCode: null,
          summary: `Tạo ${count} tài khoản trình diễn (AUTH_DEMO_USERS=true)`,
        });
      }
      return count;
    });
    this.log.log({ msg: 'demo accounts created', count: created });
  }
}
