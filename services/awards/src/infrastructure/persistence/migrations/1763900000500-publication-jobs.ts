import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publication in the background: a large round takes longer to publish than a request may last. The row is
 * the job: written when the authority asks (with the announcement date, which is that day's), taken by the
 * service's worker with SKIP LOCKED, and set `published` in the same commit as the result, the certificates and
 * the event — so a worker that dies mid-way leaves it `pending`, and the next one starts it again from scratch.
 * The verification report is computed in that commit too and kept beside the frozen document.
 */
export class PublicationJobs1763900000500 implements MigrationInterface {
  name = 'PublicationJobs1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE award_round_publication (
        round_id      uuid PRIMARY KEY REFERENCES award_round (id),
        state         text NOT NULL CHECK (state IN ('pending', 'published', 'failed')),
        normalisation text NOT NULL CHECK (normalisation IN ('none', 'juror-z-score')),
        announced_on  date NOT NULL,
        -- The working-day calendar in force when asked: the deadlines are counted on it, whenever the work runs.
        calendar_version text NOT NULL,
        requested_by  jsonb NOT NULL,
        requested_at  timestamptz NOT NULL,
        -- The request's: the background work's events and audit entries carry it, so they trace back to it.
        correlation_id text NOT NULL,
        attempts      int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error    text,
        published_at  timestamptz,
        entries       int CHECK (entries >= 0),
        passed        int CHECK (passed >= 0 AND passed <= entries),
        CHECK ((state = 'published') = (published_at IS NOT NULL)),
        CHECK ((state = 'published') = (entries IS NOT NULL AND passed IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX award_round_publication_pending ON award_round_publication (requested_at)
       WHERE state = 'pending'`,
    );
    // Frozen like the document: a row is only ever inserted, so the trigger that refuses UPDATE stays as it is.
    await q.query(`ALTER TABLE award_round_result ADD COLUMN verification text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE award_round_result DROP COLUMN verification`);
    await q.query(`DROP TABLE award_round_publication`);
  }
}
