import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { foldDiacritics, provincesAsOf } from '@kc/reference-data';

/** Today's 34 provincial units (since 01/07/2025); the data set uses them for every year. */
export const UNITS = provincesAsOf('2026-01-01').map((u) => u.code);

const SUBJECTS = [
  'Hỗ trợ ứng dụng máy móc tiên tiến trong sản xuất',
  'Xây dựng mô hình trình diễn kỹ thuật',
  'Đào tạo nghề, truyền nghề',
  'Hỗ trợ máy sấy năng lượng mặt trời cho',
  'Tổ chức hội chợ hàng công nghiệp nông thôn tiêu biểu',
  'Hỗ trợ xây dựng thương hiệu cho',
  'Hỗ trợ đầu tư hạ tầng cụm công nghiệp',
  'Hỗ trợ thành lập doanh nghiệp',
];
const PRODUCTS = [
  'mây tre đan',
  'gốm sứ Bát Tràng',
  'nước mắm',
  'chè Thái Nguyên',
  'gạch không nung',
  'chế biến hạt điều',
  'dệt thổ cẩm',
  'đồ gỗ mỹ nghệ',
  'bánh đa nem',
  'cà phê Đắk Lắk',
  'sơn mài',
  'chế biến nông sản Hà Nội',
];
const UNITS_DOING = [
  'Trung tâm Khuyến công',
  'Công ty TNHH',
  'Hợp tác xã',
  'Trung tâm Tư vấn phát triển công nghiệp',
];
const CATEGORIES = [
  'model-machinery',
  'training-events-media',
  'training-events-media',
  'cluster-infrastructure',
  'enterprise-founding',
] as const;
const STATUSES = ['registered', 'in-plan', 'contracted', 'in-progress', 'in-progress', 'accepted'] as const;
const CONTRACTED = new Set<string>(['contracted', 'in-progress', 'accepted']);

export interface Loaded {
  years: number[];
  plans: Map<number, string>;
  /** Contracted projects with their contract value (targets for the parallel advances). */
  contracted: { id: string; contractVnd: number; category: string }[];
}

/** Deterministic pseudo-random numbers, so two runs load the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * Loads `count` projects over `years` (one national plan a year) straight into the projects database, in
 * batches of unnest() INSERTs, with the columns the service itself would write (folded search text included).
 */
export async function loadProjects(db: Client, count: number, years: number[]): Promise<Loaded> {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const plans = new Map<number, string>();
  for (const year of years) {
    const id = randomUUID();
    plans.set(year, id);
    await db.query(`INSERT INTO plan_ref (id, name, year, level) VALUES ($1, $2, $3, 'national')`, [
      id,
      `Kế hoạch khuyến công quốc gia năm ${year} (benchmark)`,
      year,
    ]);
  }
  const contracted: Loaded['contracted'] = [];
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const cols: unknown[][] = Array.from({ length: 22 }, () => []);
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const year = years[i % years.length];
      const unit = UNITS[Math.floor(i / years.length) % UNITS.length];
      const title = `${pick(SUBJECTS)} ${pick(PRODUCTS)} số ${i + 1}`;
      const implementing = `${pick(UNITS_DOING)} ${pick(PRODUCTS)}`;
      const support = (50 + Math.floor(rnd() * 950)) * 1_000_000;
      const status = pick(STATUSES);
      const category = pick(CATEGORIES);
      const isContracted = CONTRACTED.has(status);
      const id = randomUUID();
      if (isContracted && status !== 'accepted') contracted.push({ id, contractVnd: support, category });
      const percent =
        status === 'in-progress' ? 10 + Math.floor(rnd() * 90) : status === 'accepted' ? 100 : null;
      const c = [1 + Math.floor(rnd() * 9)];
      const row = [
        id,
        `KCQG-${year}-${unit}-${String(i + 1).padStart(6, '0')}`,
        plans.get(year),
        year,
        title,
        foldDiacritics(title),
        i % 10 === 0 ? 'group' : 'ordinary',
        `{${c.join(',')}}`,
        implementing,
        foldDiacritics(implementing),
        unit,
        `${year}-02-01`,
        `${year}-11-30`,
        support,
        support * 2,
        category,
        status,
        status === 'registered' ? null : support,
        status === 'registered' ? 0 : support,
        isContracted ? support : null,
        percent,
        percent === null ? null : `${year}-10`,
      ];
      row.forEach((v, k) => cols[k].push(v));
    }
    await db.query(
      `INSERT INTO project (id, code, plan_id, plan_year, plan_level, funding_source, title, title_search, kind,
         activity_contents, implementing_unit, unit_search, province_code, start_date, end_date, kcqg_vnd, kcdp_vnd,
         counterpart_vnd, other_vnd, requested_support_vnd, procurement_mode, advance_category, status,
         appraised_support_vnd, allocated_support_vnd, contract_mode, contract_number, contract_signed_on,
         contract_value_vnd, last_progress_percent, last_progress_month, accepted_on)
       SELECT id, code, plan_id, plan_year, 'national', 'KCQG', title, title_search, kind, contents::int[],
              unit_name, unit_search, province_code, start_date::date, end_date::date, support, 0, counterpart, 0,
              support, 'selection', category, status, appraised, allocated,
              CASE WHEN contract IS NULL THEN NULL ELSE 'contract' END,
              CASE WHEN contract IS NULL THEN NULL ELSE 'HĐ-' || code END,
              CASE WHEN contract IS NULL THEN NULL ELSE start_date::date END,
              contract, percent, month,
              CASE WHEN status = 'accepted' THEN end_date::date END
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::bigint[],
                     $16::text[], $17::text[], $18::bigint[], $19::bigint[], $20::bigint[], $21::int[], $22::text[])
           AS t(id, code, plan_id, plan_year, title, title_search, kind, contents, unit_name, unit_search,
                province_code, start_date, end_date, support, counterpart, category, status, appraised, allocated,
                contract, percent, month)`,
      cols,
    );
  }
  await db.query('ANALYZE project');
  return { years, plans, contracted };
}
