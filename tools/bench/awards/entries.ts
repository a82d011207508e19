import { createHash, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { provincesAsOf, vietnamDate } from '@kc/reference-data';
import { checkDigit } from '../booth-rush/facilities';

const GROUPS = ['handicraft', 'agro-food', 'machinery', 'other'] as const;
const PRODUCTS: Record<(typeof GROUPS)[number], string> = {
  handicraft: 'Bình hoa mây tre đan',
  'agro-food': 'Nước mắm cốt truyền thống',
  machinery: 'Máy sấy nông sản năng lượng mặt trời',
  other: 'Gạch không nung',
};
const REGION_LETTER = { north: 'B', central: 'T', south: 'N' } as const;

export interface LoadedEntry {
  id: string;
  code: string;
  group: (typeof GROUPS)[number];
}

/** Distinct valid 10-digit tax codes starting with 97 (booth-rush's start with 98). */
function taxCodes(count: number): string[] {
  const codes: string[] = [];
  for (let seq = 0; codes.length < count; seq++) {
    const nine = `97${String(seq).padStart(7, '0')}`;
    const check = checkDigit(nine);
    if (check !== undefined) codes.push(`${nine}${check}`);
  }
  return codes;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * `count` entries straight into the awards database, as the service would have admitted them at the national
 * level: codes E-0001… in order (the round's entry sequence moved on to match), today's 34 units in turn, the
 * four product groups in turn, each with the regional certificate it entered on (KV-<region>-<year before>-n,
 * one per entry) and a three-file dossier. Batches of unnest() INSERTs in one transaction, then ANALYZE.
 * The API path would check each entry's lower certificate and shortlist: 10,000 of those are set-up, not the
 * measure.
 */
export async function loadEntries(db: Client, roundId: string, year: number, count: number) {
  const units = provincesAsOf(vietnamDate(new Date()));
  const taxes = taxCodes(count);
  const perRegion = { north: 0, central: 0, south: 0 };
  const today = vietnamDate(new Date());
  const entries: LoadedEntry[] = [];
  await db.query('BEGIN');
  try {
    const batch = 2_000;
    for (let start = 0; start < count; start += batch) {
      const cols: unknown[][] = Array.from({ length: 11 }, () => []);
      const files: unknown[][] = Array.from({ length: 7 }, () => []);
      for (let i = start; i < Math.min(count, start + batch); i++) {
        const unit = units[i % units.length];
        const group = GROUPS[i % GROUPS.length];
        const id = randomUUID();
        const code = `E-${String(i + 1).padStart(4, '0')}`;
        const sequence = ++perRegion[unit.regionCode];
        const lower = `KV-${REGION_LETTER[unit.regionCode]}-${year - 1}-${String(sequence).padStart(4, '0')}`;
        const row = [
          id,
          code,
          `Cơ sở sản xuất thử tải bình chọn số ${i + 1}`,
          taxes[i],
          unit.code,
          group,
          `${PRODUCTS[group]} thử tải số ${i + 1}`,
          lower,
          today,
          `sct.${unit.code}`,
          roundId,
        ];
        row.forEach((value, c) => cols[c].push(value));
        const dossier = [
          ['registration-form', 'phieu-dang-ky.pdf', 'application/pdf', 120_000],
          ['description', 'thuyet-minh.pdf', 'application/pdf', 800_000],
          ['photo', 'anh-san-pham.jpg', 'image/jpeg', 1_500_000],
        ] as const;
        dossier.forEach(([kind, name, type, size], position) =>
          [id, position, kind, name, type, size, sha(`${code}-${kind}`)].forEach((v, c) => files[c].push(v)),
        );
        entries.push({ id, code, group });
      }
      await db.query(
        `INSERT INTO award_entry (id, code, facility_name, facility_tax_code, province_code, product_group,
           product_kind, product_name, product_items, lower_certificate_number, submitted_on, submitted_by, round_id)
         SELECT id, code, facility, tax, province, grp, 'product', product, '{}', lower, submitted::date, who, round
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::uuid[])
           AS t(id, code, facility, tax, province, grp, product, lower, submitted, who, round)`,
        cols,
      );
      await db.query(
        `INSERT INTO award_entry_file (entry_id, position, kind, file_name, media_type, size_bytes, sha256)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[])`,
        files,
      );
    }
    await db.query(`UPDATE award_round SET entry_sequence = $2 WHERE id = $1`, [roundId, count]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await db.query('ANALYZE award_entry, award_entry_file');
  return entries;
}
