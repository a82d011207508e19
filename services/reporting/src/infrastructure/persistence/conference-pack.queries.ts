import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  ConferenceGrouping,
  ConferencePackFileKind,
  ConferencePackLevel,
  ConferenceRegion,
  ConferenceTotals,
  ListConferencePacksQuery,
} from '@kc/contracts';

/** A pack as listed: everything but the frozen report (its totals excepted) and the files' bytes. */
export interface ConferencePackRow {
  id: string;
  level: ConferencePackLevel;
  regionCode: ConferenceRegion | null;
  year: number;
  grouping: ConferenceGrouping;
  title: string;
  unitsAsOf: string;
  cutOff: Date;
  frozenById: string;
  frozenByName: string;
  createdAt: Date;
  totals: ConferenceTotals;
  files: Record<
    ConferencePackFileKind,
    { mediaType: string; fileName: string; sizeBytes: number; sha256: string }
  >;
}

const PACK = `p.id, p.level, p.region_code AS "regionCode", p.year, p.unit_grouping AS "grouping", p.title,
  p.report ->> 'unitsAsOf' AS "unitsAsOf", p.cut_off AS "cutOff", p.frozen_by_id AS "frozenById",
  p.frozen_by_name AS "frozenByName", p.created_at AS "createdAt", p.report -> 'totals' AS totals,
  (SELECT jsonb_object_agg(f.kind, jsonb_build_object('mediaType', f.media_type, 'fileName', f.file_name,
                                                      'sizeBytes', f.size_bytes, 'sha256', f.sha256))
     FROM conference_pack_file f WHERE f.pack_id = p.id) AS files`;

const FILTER = `($1::int IS NULL OR p.year = $1) AND ($2::text IS NULL OR p.level = $2)
  AND ($3::text IS NULL OR p.region_code = $3)`;

/** The packs' metadata, read without the bytes of their files. */
@Injectable()
export class ConferencePackQueries {
  constructor(private readonly dataSource: DataSource) {}

  async one(id: string): Promise<ConferencePackRow | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${PACK} FROM conference_pack p WHERE p.id = $1`, [id]);
    return row;
  }

  /** Newest cut-off first. */
  async page(query: ListConferencePacksQuery): Promise<{ rows: ConferencePackRow[]; total: number }> {
    const filter = [query.year ?? null, query.level ?? null, query.region ?? null];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${PACK} FROM conference_pack p WHERE ${FILTER}
          ORDER BY p.cut_off DESC, p.id LIMIT $4 OFFSET $5`,
        [...filter, query.limit, (query.page - 1) * query.limit],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM conference_pack p WHERE ${FILTER}`, filter),
    ]);
    return { rows, total };
  }
}
