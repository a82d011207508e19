import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The four criteria of Circular 26/2014/TT-BCT, as rounds opened before criteria were configurable used them. */
const STATUTORY_CRITERIA = [
  [
    'market',
    'Đáp ứng thị trường và khả năng phát triển sản xuất',
    'Market fit and capacity to grow production',
    400,
  ],
  [
    'economic-technical-social-environmental',
    'Kinh tế – kỹ thuật – xã hội và môi trường',
    'Economic, technical, social and environmental',
    400,
  ],
  ['cultural-aesthetic', 'Tính văn hóa và thẩm mỹ', 'Cultural and aesthetic value', 100],
  ['other', 'Tiêu chí khác', 'Other criteria', 100],
].map(([id, vi, en, maxTenths]) => ({ id, label: { vi, en }, maxTenths, subCriteria: [] }));

/**
 * Rounds at the commune level (a district's before 07/2025), their schedule and state, the deadlines publication
 * fixes, their criteria and quota. A round opened before schedules existed keeps none and takes no entries.
 */
export class RoundLevelsScheduleAndState1763900000410 implements MigrationInterface {
  name = 'RoundLevelsScheduleAndState1763900000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE award_round
      DROP CONSTRAINT award_round_level_check,
      DROP CONSTRAINT award_round_check,
      DROP CONSTRAINT award_round_check1,
      ADD COLUMN local_unit_code text CHECK (local_unit_code ~ '^([0-9]{3}|[0-9]{5})$'),
      ADD COLUMN state text NOT NULL DEFAULT 'entries-open'
        CHECK (state IN ('entries-open', 'scoring', 'closed', 'published')),
      ADD COLUMN entries_open_on date,
      ADD COLUMN entries_close_on date,
      ADD COLUMN scoring_closes_on date,
      ADD COLUMN announced_on date,
      ADD COLUMN complaints_close_on date,
      ADD COLUMN complaint_answers_due_by date,
      ADD COLUMN calendar_version text,
      ADD COLUMN criteria jsonb,
      ADD COLUMN quota_per_province_and_group int CHECK (quota_per_province_and_group > 0),
      ADD COLUMN entry_sequence int NOT NULL DEFAULT 0 CHECK (entry_sequence >= 0),
      ADD COLUMN secretary_user_id text,
      ADD COLUMN secretary_name text`);
    await q.query(`UPDATE award_round SET criteria = $1`, [JSON.stringify({ criteria: STATUTORY_CRITERIA })]);
    await q.query(`ALTER TABLE award_round
      ALTER COLUMN criteria SET NOT NULL,
      ADD CONSTRAINT award_round_level CHECK (level IN ('commune', 'provincial', 'regional', 'national')),
      ADD CONSTRAINT award_round_province_for_level
        CHECK ((level IN ('provincial', 'commune')) = (province_code IS NOT NULL)),
      ADD CONSTRAINT award_round_region_for_level CHECK ((level = 'regional') = (region_code IS NOT NULL)),
      ADD CONSTRAINT award_round_local_unit_for_level CHECK ((level = 'commune') = (local_unit_code IS NOT NULL)),
      ADD CONSTRAINT award_round_schedule_whole
        CHECK (num_nulls(entries_open_on, entries_close_on, scoring_closes_on) IN (0, 3)),
      ADD CONSTRAINT award_round_schedule_order
        CHECK (entries_open_on <= entries_close_on AND entries_close_on < scoring_closes_on),
      -- Only a scheduled round moves past taking entries.
      ADD CONSTRAINT award_round_scheduled_to_score CHECK (state = 'entries-open' OR entries_open_on IS NOT NULL),
      ADD CONSTRAINT award_round_announcement_whole
        CHECK (num_nulls(announced_on, complaints_close_on, complaint_answers_due_by, calendar_version) IN (0, 4)),
      ADD CONSTRAINT award_round_announced_when_published CHECK ((state = 'published') = (announced_on IS NOT NULL)),
      ADD CONSTRAINT award_round_deadline_order
        CHECK (announced_on < complaints_close_on AND complaints_close_on < complaint_answers_due_by),
      ADD CONSTRAINT award_round_secretary_whole CHECK ((secretary_user_id IS NULL) = (secretary_name IS NULL))`);
    // One round per year, level and area: one national, one per region, one per province, one per commune.
    await q.query(`DROP INDEX award_round_one_per_scope`);
    await q.query(`
      CREATE UNIQUE INDEX award_round_one_per_scope
      ON award_round (year, level, coalesce(province_code, ''), coalesce(region_code, ''), coalesce(local_unit_code, ''))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM award_round WHERE level = 'commune'`);
    await q.query(`DROP INDEX award_round_one_per_scope`);
    await q.query(`ALTER TABLE award_round
      DROP CONSTRAINT award_round_level,
      DROP CONSTRAINT award_round_province_for_level,
      DROP CONSTRAINT award_round_region_for_level,
      DROP COLUMN local_unit_code, DROP COLUMN state, DROP COLUMN entries_open_on, DROP COLUMN entries_close_on,
      DROP COLUMN scoring_closes_on, DROP COLUMN announced_on, DROP COLUMN complaints_close_on,
      DROP COLUMN complaint_answers_due_by, DROP COLUMN calendar_version, DROP COLUMN criteria,
      DROP COLUMN quota_per_province_and_group, DROP COLUMN entry_sequence, DROP COLUMN secretary_user_id,
      DROP COLUMN secretary_name,
      ADD CONSTRAINT award_round_level_check CHECK (level IN ('provincial', 'regional', 'national')),
      ADD CONSTRAINT award_round_check CHECK ((level = 'provincial') = (province_code IS NOT NULL)),
      ADD CONSTRAINT award_round_check1 CHECK ((level = 'regional') = (region_code IS NOT NULL))`);
    await q.query(`
      CREATE UNIQUE INDEX award_round_one_per_scope
      ON award_round (year, level, coalesce(province_code, ''), coalesce(region_code, ''))`);
  }
}
