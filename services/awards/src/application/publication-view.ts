import type { PublicationView } from '@kc/contracts';
import { sql } from '@kc/persistence';
import type { EntityManager } from 'typeorm';
import type { AwardRoundPublicationEntity } from '../infrastructure/persistence/award-publication.entity';

/** The job as the client polls it; once published, with the hash and the certificates of the same commit. */
export async function publicationView(
  manager: EntityManager,
  job: AwardRoundPublicationEntity,
): Promise<PublicationView> {
  const published = job.state === 'published';
  const [result] = published
    ? await sql<{ sha256: string }>(manager, `SELECT sha256 FROM award_round_result WHERE round_id = $1`, [
        job.roundId,
      ])
    : [];
  const certificates = published
    ? await sql<{ entryId: string; entryCode: string; number: string }>(
        manager,
        `SELECT c.entry_id AS "entryId", e.code AS "entryCode", c.number
         FROM award_certificate c JOIN award_entry e ON e.id = c.entry_id
         WHERE c.round_id = $1 ORDER BY c.sequence`,
        [job.roundId],
      )
    : [];
  return {
    roundId: job.roundId,
    state: job.state,
    normalisation: job.normalisation,
    announcedOn: job.announcedOn,
    requestedBy: job.requestedBy.name,
    requestedAt: job.requestedAt.toISOString(),
    attempts: job.attempts,
    lastError: job.lastError,
    publishedAt: job.publishedAt?.toISOString() ?? null,
    resultSha256: result?.sha256 ?? null,
    entries: job.entries,
    passed: job.passed,
    certificates,
  };
}
