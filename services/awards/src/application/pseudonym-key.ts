import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '@kc/persistence';

/** AWARDS_PSEUDONYM_KEY as configured, or undefined. */
export const CONFIGURED_PSEUDONYM_KEY = Symbol('CONFIGURED_PSEUDONYM_KEY');

const SECRET_NAME = 'juror-pseudonym-key';

/**
 * The key of the jurors' pseudonyms: the configured one, or else a random key the awards database makes once
 * and keeps (the first publication stores it; a concurrent one reads the same row), never one in the repository.
 */
@Injectable()
export class PseudonymKeys {
  constructor(@Inject(CONFIGURED_PSEUDONYM_KEY) private readonly configured: string | undefined) {}

  async key(manager: EntityManager): Promise<string | Buffer> {
    if (this.configured !== undefined) return this.configured;
    await sql(
      manager,
      `INSERT INTO award_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [SECRET_NAME, randomBytes(32)],
    );
    const [row] = await sql<{ value: Buffer }>(manager, `SELECT value FROM award_secret WHERE name = $1`, [
      SECRET_NAME,
    ]);
    return row.value;
  }
}
