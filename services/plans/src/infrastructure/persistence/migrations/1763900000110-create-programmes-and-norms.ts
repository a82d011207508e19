import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data of the planning cycle: programmes with their content groups and targets, and the funding
 * norms as versioned rows. Values the domain notes do not confirm are seeded with verified = false.
 */
export class CreateProgrammesAndNorms1763900000110 implements MigrationInterface {
  name = 'CreateProgrammesAndNorms1763900000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme (
        id              uuid PRIMARY KEY,
        code            text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9-]{1,60}$'),
        name_vi         text NOT NULL,
        name_en         text NOT NULL,
        level           text NOT NULL CHECK (level IN ('national', 'provincial')),
        province_code   text CHECK (province_code ~ '^[0-9]{2}$'),
        first_year      int  NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
        last_year       int  NOT NULL CHECK (last_year BETWEEN 2000 AND 2100),
        decision_number text NOT NULL,
        decision_date   date,
        issuer          text NOT NULL,
        verified        boolean NOT NULL,
        CHECK (first_year <= last_year),
        CHECK ((level = 'national') = (province_code IS NULL))
      )`);
    await q.query(`
      CREATE TABLE content_group (
        programme_id      uuid NOT NULL REFERENCES programme (id),
        code              text NOT NULL,
        name_vi           text NOT NULL,
        name_en           text NOT NULL,
        activity_contents int[] NOT NULL
          CHECK (cardinality(activity_contents) >= 1 AND activity_contents <@ ARRAY[1,2,3,4,5,6,7,8,9]),
        verified          boolean NOT NULL,
        PRIMARY KEY (programme_id, code)
      )`);
    await q.query(`
      CREATE TABLE programme_target (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id       uuid NOT NULL,
        content_group_code text NOT NULL,
        indicator_vi       text NOT NULL,
        indicator_en       text NOT NULL,
        target_value       numeric CHECK (target_value >= 0),
        unit               text NOT NULL,
        verified           boolean NOT NULL,
        FOREIGN KEY (programme_id, content_group_code) REFERENCES content_group (programme_id, code),
        UNIQUE (programme_id, content_group_code, indicator_vi),
        -- A figure not recorded cannot be verified.
        CHECK (target_value IS NOT NULL OR NOT verified)
      )`);

    await q.query(`
      INSERT INTO programme (id, code, name_vi, name_en, level, province_code, first_year, last_year,
                             decision_number, decision_date, issuer, verified)
      VALUES
        ('7d0a1c2e-0001-4b5c-8d9e-202120250001', 'KCQG-2021-2025',
         'Chương trình khuyến công quốc gia giai đoạn 2021–2025', 'National industrial promotion programme 2021–2025',
         'national', NULL, 2021, 2025, '1881/QĐ-TTg', NULL, 'Thủ tướng Chính phủ', true),
        ('7d0a1c2e-0002-4b5c-8d9e-202620300002', 'KCQG-2026-2030',
         'Chương trình khuyến công quốc gia giai đoạn 2026–2030', 'National industrial promotion programme 2026–2030',
         'national', NULL, 2026, 2030, '2646/QĐ-BCT', '2025-09-23', 'Bộ trưởng Bộ Công Thương', true)`);

    // The 2021–2025 programme grouped the nine contents into 7 groups (domain notes §3); the split is not given.
    const groups2021: [string, string, string, number[]][] = [
      [
        'N1',
        'Đào tạo nghề, truyền nghề và nâng cao năng lực quản lý',
        'Vocational training and management capacity',
        [1, 2],
      ],
      [
        'N2',
        'Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến',
        'Demonstration models, technology transfer, machinery',
        [3],
      ],
      [
        'N3',
        'Sản phẩm công nghiệp nông thôn tiêu biểu, hội chợ, thương hiệu',
        'Typical rural industrial products, fairs, brands',
        [4],
      ],
      ['N4', 'Tư vấn và thông tin tuyên truyền', 'Consulting, information and communication', [5, 6]],
      [
        'N5',
        'Liên kết, cụm liên kết ngành, cụm công nghiệp',
        'Associations, linkage clusters, industrial clusters',
        [7],
      ],
      ['N6', 'Hợp tác quốc tế về khuyến công', 'International cooperation', [8]],
      ['N7', 'Nâng cao năng lực hệ thống khuyến công', 'Capacity of the khuyến công system', [9]],
    ];
    // No grouping is recorded for 2026–2030: one group per activity content until the legal text is checked.
    const groups2026: [string, string, string, number[]][] = [
      ['ND1', 'Đào tạo nghề, truyền nghề', 'Vocational training and craft transmission', [1]],
      [
        'ND2',
        'Năng lực quản lý, sản xuất sạch hơn, khởi nghiệp, thị trường',
        'Management, cleaner production, start-up, markets',
        [2],
      ],
      [
        'ND3',
        'Mô hình trình diễn, chuyển giao công nghệ, máy móc tiên tiến',
        'Demonstration models, technology transfer, machinery',
        [3],
      ],
      ['ND4', 'Sản phẩm công nghiệp nông thôn tiêu biểu', 'Typical rural industrial products', [4]],
      ['ND5', 'Tư vấn', 'Consulting', [5]],
      ['ND6', 'Thông tin tuyên truyền', 'Information and communication', [6]],
      ['ND7', 'Liên kết, cụm công nghiệp', 'Associations and industrial clusters', [7]],
      ['ND8', 'Hợp tác quốc tế', 'International cooperation', [8]],
      ['ND9', 'Nâng cao năng lực hệ thống khuyến công', 'Capacity of the khuyến công system', [9]],
    ];
    for (const [programmeId, groups] of [
      ['7d0a1c2e-0001-4b5c-8d9e-202120250001', groups2021],
      ['7d0a1c2e-0002-4b5c-8d9e-202620300002', groups2026],
    ] as const) {
      for (const [code, nameVi, nameEn, contents] of groups) {
        await q.query(
          `INSERT INTO content_group (programme_id, code, name_vi, name_en, activity_contents, verified)
           VALUES ($1, $2, $3, $4, $5, false)`,
          [programmeId, code, nameVi, nameEn, contents],
        );
      }
    }
    // The indicators the reports follow (domain notes §6); the programmes' figures are not recorded here.
    const targets: [string, string, string, string][] = [
      ['N2', 'Mô hình trình diễn kỹ thuật', 'Demonstration models', 'mô hình'],
      [
        'N2',
        'Cơ sở được hỗ trợ ứng dụng máy móc, chuyển giao công nghệ',
        'Facilities given machinery or technology',
        'cơ sở',
      ],
      ['N1', 'Lao động được đào tạo', 'Workers trained', 'người'],
      [
        'N3',
        'Sản phẩm công nghiệp nông thôn tiêu biểu được chứng nhận',
        'Typical rural industrial products certified',
        'sản phẩm',
      ],
      ['N5', 'Cụm công nghiệp được hỗ trợ', 'Industrial clusters supported', 'cụm'],
    ];
    for (const [programmeId, prefix] of [
      ['7d0a1c2e-0001-4b5c-8d9e-202120250001', 'N'],
      ['7d0a1c2e-0002-4b5c-8d9e-202620300002', 'ND'],
    ] as const) {
      const groupOf = { N1: 1, N2: 3, N3: 4, N5: 7 } as Record<string, number>;
      for (const [group, indicatorVi, indicatorEn, unit] of targets) {
        const code = prefix === 'N' ? group : `ND${groupOf[group]}`;
        await q.query(
          `INSERT INTO programme_target (programme_id, content_group_code, indicator_vi, indicator_en, target_value, unit, verified)
           VALUES ($1, $2, $3, $4, NULL, $5, false)`,
          [programmeId, code, indicatorVi, indicatorEn, unit],
        );
      }
    }

    // Versions of one norm must not overlap in time: "the version in force on a date" is then one row.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE funding_norm (
        code                         text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,60}$'),
        version                      int  NOT NULL CHECK (version >= 1),
        name_vi                      text NOT NULL,
        name_en                      text NOT NULL,
        activity_content             int  NOT NULL CHECK (activity_content BETWEEN 1 AND 9),
        legal_basis                  text NOT NULL,
        valid_from                   date NOT NULL,
        valid_to                     date,
        max_percent_bp               int CHECK (max_percent_bp BETWEEN 1 AND 10000),
        max_vnd_per_unit             bigint CHECK (max_vnd_per_unit >= 0),
        unit                         text NOT NULL,
        priority_multiplier_permille int NOT NULL DEFAULT 1000 CHECK (priority_multiplier_permille BETWEEN 1000 AND 5000),
        verified                     boolean NOT NULL,
        created_at                   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, version),
        CHECK (max_percent_bp IS NOT NULL OR max_vnd_per_unit IS NOT NULL),
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT funding_norm_one_version_in_force
          EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[]') WITH &&)
      )`);
    await q.query(`
      INSERT INTO funding_norm (code, version, name_vi, name_en, activity_content, legal_basis, valid_from,
                                max_percent_bp, max_vnd_per_unit, unit, priority_multiplier_permille, verified)
      VALUES
        ('demonstration-model', 1, 'Xây dựng mô hình trình diễn kỹ thuật', 'Technical demonstration model', 3,
         'Thông tư 28/2018/TT-BTC', '2018-05-12', 3000, 1000000000, 'mô hình', 1000, true),
        ('machinery-technology', 1, 'Hỗ trợ ứng dụng máy móc tiên tiến, chuyển giao công nghệ',
         'Advanced machinery or technology transfer', 3,
         'Thông tư 28/2018/TT-BTC (dây chuyền công nghệ đồng bộ: tối đa 1,5 lần mức hỗ trợ)',
         '2018-05-12', 5000, 300000000, 'cơ sở', 1500, true),
        ('fair-abroad', 1, 'Tham gia hội chợ triển lãm ở nước ngoài', 'Fairs abroad', 4,
         'Thông tư 28/2018/TT-BTC', '2018-05-12', 10000, NULL, 'gian hàng', 1000, true),
        ('domestic-fair-organiser', 1, 'Tổ chức hội chợ trong nước: tiền thuê gian hàng',
         'Domestic fair organised by the programme: booth rent', 4,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', 10000, NULL, 'gian hàng', 1000, false),
        ('domestic-fair-participant', 1, 'Tham gia hội chợ trong nước khác: tiền thuê gian hàng',
         'Joining another domestic fair: booth rent', 4,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', 8000, NULL, 'gian hàng', 1000, false),
        ('brand-consulting', 1, 'Xây dựng thương hiệu, tư vấn', 'Brand building or consulting', 5,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', 5000, 35000000, 'cơ sở', 1500, false),
        ('ccn-detailed-planning', 1, 'Lập quy hoạch chi tiết cụm công nghiệp', 'Detailed planning of an industrial cluster', 7,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', NULL, 500000000, 'cụm', 1500, false),
        ('ccn-infrastructure', 1, 'Đầu tư hạ tầng cụm công nghiệp', 'Industrial cluster infrastructure', 7,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', NULL, 3000000000, 'cụm', 1500, false),
        ('ccn-pollution-treatment', 1, 'Xử lý ô nhiễm môi trường cụm công nghiệp', 'Pollution treatment in an industrial cluster', 7,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', NULL, 1500000000, 'cụm', 1500, false),
        ('award-round-regional', 1, 'Tổ chức bình chọn sản phẩm CNNT tiêu biểu cấp khu vực', 'Regional product award round', 4,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', NULL, 100000000, 'đợt', 1500, false),
        ('award-round-national', 1, 'Tổ chức bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia', 'National product award round', 4,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', NULL, 200000000, 'đợt', 1500, false),
        ('product-prize-regional', 1, 'Thưởng sản phẩm CNNT tiêu biểu cấp khu vực', 'Prize per product, regional level', 4,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', NULL, 5000000, 'sản phẩm', 1000, false),
        ('product-prize-national', 1, 'Thưởng sản phẩm CNNT tiêu biểu cấp quốc gia', 'Prize per product, national level', 4,
         'Định mức năm 2014 (chưa xác minh còn hiệu lực)', '2014-01-01', NULL, 10000000, 'sản phẩm', 1000, false)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE funding_norm`);
    await q.query(`DROP TABLE programme_target`);
    await q.query(`DROP TABLE content_group`);
    await q.query(`DROP TABLE programme`);
  }
}
