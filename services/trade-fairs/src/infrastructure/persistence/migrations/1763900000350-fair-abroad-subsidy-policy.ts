import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Domain notes §4 (verified): under Circular 28/2018/TT-BTC a fair abroad is supported at 100%. An
 * international fair follows this policy unless another is chosen when it is created.
 */
export class FairAbroadSubsidyPolicy1763900000350 implements MigrationInterface {
  name = 'FairAbroadSubsidyPolicy1763900000350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO subsidy_policy
        (code, version, title, legal_basis, verified, support_bp, cap_vnd_per_facility, valid_from, valid_to)
      VALUES
        ('international-fair', 1,
         'Hội chợ triển lãm ở nước ngoài: hỗ trợ 100% tiền thuê gian hàng',
         'Thông tư 28/2018/TT-BTC (hiệu lực từ 15/05/2018): hội chợ triển lãm ở nước ngoài được hỗ trợ 100%',
         true, 10000, NULL, '2018-05-15', NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM subsidy_policy WHERE code = 'international-fair' AND version = 1`);
  }
}
