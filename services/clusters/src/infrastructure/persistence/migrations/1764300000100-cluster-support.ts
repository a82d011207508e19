import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support received: the clusters service's copy of the projects service's projects (from projects.project.events)
 * and the link of a content-7 project to one cluster; and the mark of a petition received on paper.
 */
export class ClusterSupport1764300000100 implements MigrationInterface {
  name = 'ClusterSupport1764300000100';

  async up(q: QueryRunner): Promise<void> {
    // A row may exist before its registration arrives (an event redriven out of order): the identity columns
    // are null until then. Each group of facts keeps the instant of the event that set it, so an older event
    // replayed later never overwrites a newer one.
    await q.query(`
      CREATE TABLE cluster_support_project (
        project_id            uuid PRIMARY KEY,
        registered_at         timestamptz,
        code                  text,
        title                 text,
        province_code         text CHECK (province_code ~ '^[0-9]{2}$'),
        plan_id               uuid,
        plan_year             int,
        funding_source        text CHECK (funding_source IN ('KCQG', 'KCDP')),
        activity_contents     int[],
        contents_as_of        timestamptz,
        kcqg_vnd              bigint CHECK (kcqg_vnd >= 0),
        kcdp_vnd              bigint CHECK (kcdp_vnd >= 0),
        requested_support_vnd bigint CHECK (requested_support_vnd >= 0),
        appraised_support_vnd bigint CHECK (appraised_support_vnd >= 0),
        allocated_vnd         bigint CHECK (allocated_vnd >= 0),
        allocated_as_of       timestamptz,
        advanced_vnd          bigint NOT NULL DEFAULT 0 CHECK (advanced_vnd >= 0),
        paid_vnd              bigint NOT NULL DEFAULT 0 CHECK (paid_vnd >= 0),
        money_as_of           timestamptz,
        settled_vnd           bigint CHECK (settled_vnd >= 0),
        settled_on            date,
        stopped_on            date,
        released_vnd          bigint CHECK (released_vnd >= 0),
        status                text,
        status_as_of          timestamptz,
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CHECK ((registered_at IS NULL) = (code IS NULL)),
        CHECK (registered_at IS NULL OR (title IS NOT NULL AND province_code IS NOT NULL
          AND plan_year IS NOT NULL AND funding_source IS NOT NULL AND activity_contents IS NOT NULL))
      )`);
    // One project supports at most one cluster: the primary key on project_id says so.
    await q.query(`
      CREATE TABLE cluster_support_link (
        project_id uuid PRIMARY KEY REFERENCES cluster_support_project (project_id),
        cluster_id uuid NOT NULL REFERENCES industrial_cluster (id),
        linked_by  text NOT NULL,
        linked_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cluster_support_link_by_cluster ON cluster_support_link (cluster_id)`);
    await q.query(`ALTER TABLE cluster_petition ADD COLUMN received_on_paper boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cluster_petition DROP COLUMN received_on_paper`);
    await q.query(`DROP TABLE cluster_support_link`);
    await q.query(`DROP TABLE cluster_support_project`);
  }
}
