import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The host department's certification of a fair's participant list (the payment evidence, domain §9): one
 * per fair, and from then on the list is closed — the database refuses to certify any more of the fair's
 * registrations or to take an allocation back, whichever code path tries (a hold may still lapse).
 */
export class ParticipantListCertification1763900000360 implements MigrationInterface {
  name = 'ParticipantListCertification1763900000360';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participant_list_certification (
        fair_id            uuid PRIMARY KEY REFERENCES trade_fair (id),
        host_province_code text NOT NULL CHECK (host_province_code ~ '^[0-9]{2}$'),
        document_number    text NOT NULL CHECK (length(document_number) BETWEEN 1 AND 100),
        certified_at       timestamptz NOT NULL DEFAULT now(),
        certified_by       text NOT NULL,
        province_codes     text[] NOT NULL CHECK (cardinality(province_codes) >= 1),
        facilities         int NOT NULL CHECK (facilities >= 1),
        booths             int NOT NULL CHECK (booths >= facilities),
        rent_vnd           bigint NOT NULL CHECK (rent_vnd >= 0),
        support_vnd        bigint NOT NULL CHECK (support_vnd BETWEEN 0 AND rent_vnd)
      )`);
    await q.query(`
      CREATE FUNCTION participant_list_is_closed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM participant_list_certification WHERE fair_id = OLD.fair_id) THEN
          RAISE EXCEPTION 'the participant list of fair % is certified: registration % stays as it is',
            OLD.fair_id, OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER fair_registration_list_closed BEFORE UPDATE ON fair_registration
      FOR EACH ROW
      WHEN ((OLD.state = 'allocated' AND NEW.state <> 'allocated')
            OR OLD.certified_at IS DISTINCT FROM NEW.certified_at)
      EXECUTE FUNCTION participant_list_is_closed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER fair_registration_list_closed ON fair_registration`);
    await q.query(`DROP FUNCTION participant_list_is_closed()`);
    await q.query(`DROP TABLE participant_list_certification`);
  }
}
