import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { assertMayActFor, maySee } from '@kc/auth';
import {
  registerClusterRequest,
  type ClusterImportProblem,
  type ClusterImportRequest,
  type ClusterImportView,
  type Principal,
  type RegisterClusterRequest,
} from '@kc/contracts';
import { DomainError, RuleViolationError } from '@kc/errors';
import { referenceProvinces, vietnamDate } from '@kc/reference-data';
import type { ClusterRecord } from '../domain/cluster-record';
import { registerCluster } from '../domain/cluster-registration';
import { ClusterEntity } from '../infrastructure/persistence/cluster.entity';
import {
  CLUSTER_SHEET_COLUMNS,
  columnLetter,
  columnOfField,
  parseClusterRow,
  type SheetCell,
} from './cluster-sheet';
import { MAX_SHEET_ROWS, readClusterSheet } from './cluster-workbook';
import { ClustersService, registrationOf } from './clusters.service';

const isBlankRow = (cells: readonly SheetCell[]) =>
  cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/**
 * Imports a province's cluster list: every row is read, checked by the registration request's schema and the
 * registry's rules, and its code looked up. Any problem, or a dry run, writes nothing and names every bad cell;
 * otherwise every new cluster is registered in one transaction (all or none). A code the province already has
 * is left as it is, so the same file imported again changes nothing.
 */
@Injectable()
export class ClusterImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clusters: ClustersService,
  ) {}

  async import(principal: Principal, body: ClusterImportRequest): Promise<ClusterImportView> {
    assertMayActFor(principal, body.provinceCode);
    const sheet = await readClusterSheet(Buffer.from(body.contentBase64, 'base64'));
    if (!sheet)
      throw new RuleViolationError(
        { vi: 'Tệp không phải bảng tính .xlsx đọc được', en: 'The file is not a readable .xlsx workbook' },
        'import.not-xlsx',
        'contentBase64',
      );
    const problem = (
      row: number,
      column: string | null,
      field: string | null,
      rule: string,
      message: string,
    ) => ({ sheet: sheet.name, row, column, field, rule, message }) satisfies ClusterImportProblem;
    const problems: ClusterImportProblem[] = [];
    CLUSTER_SHEET_COLUMNS.forEach((column, i) => {
      const header = sheet.rows[0]?.[i];
      if (String(header ?? '').trim() !== column.header)
        problems.push(
          problem(
            1,
            columnLetter(i),
            column.field,
            'sheet.unexpected-header',
            `phải là "${column.header}" / must be "${column.header}"`,
          ),
        );
    });
    if (sheet.truncated)
      problems.push(
        problem(
          MAX_SHEET_ROWS + 1,
          null,
          null,
          'sheet.too-many-rows',
          `Tối đa ${MAX_SHEET_ROWS} dòng / At most ${MAX_SHEET_ROWS} rows`,
        ),
      );

    const today = vietnamDate(new Date());
    const candidates: { row: number; record: ClusterRecord }[] = [];
    const rowOfCode = new Map<string, number>();
    sheet.rows.forEach((cells, index) => {
      const row = index + 1;
      if (row === 1 || isBlankRow(cells)) return;
      const parsed = parseClusterRow(row, cells, body.provinceCode);
      if (parsed.problems.length > 0) {
        problems.push(...parsed.problems.map((p) => problem(row, p.column, p.field, p.rule, p.message)));
        return;
      }
      const checked = registerClusterRequest.safeParse(parsed.fields);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const field = issue.path.join('.');
          const rule = (issue as { params?: { rule?: string } }).params?.rule ?? issue.code;
          problems.push(problem(row, columnOfField(field), field || null, `schema.${rule}`, issue.message));
        }
        return;
      }
      const request: RegisterClusterRequest = checked.data;
      const earlier = rowOfCode.get(request.code);
      if (earlier !== undefined) {
        problems.push(
          problem(
            row,
            'A',
            'code',
            'sheet.duplicate-code',
            `Mã ${request.code} đã có ở dòng ${earlier} / Code ${request.code} is already on row ${earlier}`,
          ),
        );
        return;
      }
      rowOfCode.set(request.code, row);
      try {
        candidates.push({ row, record: registerCluster(registrationOf(request), referenceProvinces, today) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push(
          problem(row, columnOfField(error.field ?? null), error.field ?? null, error.code, error.message),
        );
      }
    });

    const held = candidates.length
      ? await this.dataSource
          .getRepository(ClusterEntity)
          .findBy({ code: In(candidates.map((c) => c.record.code)) })
      : [];
    const heldByCode = new Map(held.map((c) => [c.code, c]));
    const existing: ClusterImportView['existing'] = [];
    const fresh = candidates.filter(({ row, record }) => {
      const holder = heldByCode.get(record.code);
      if (!holder) return true;
      if (holder.provinceCode === record.provinceCode) {
        existing.push({ row, code: record.code, clusterId: holder.id });
      } else {
        const named = maySee(principal, holder.provinceCode) ? ` (${holder.provinceCode})` : '';
        problems.push(
          problem(
            row,
            'A',
            'code',
            'cluster.code-taken',
            `Mã ${record.code} đã được đăng ký cho tỉnh khác${named} / Code ${record.code} is registered for another province${named}`,
          ),
        );
      }
      return false;
    });

    problems.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
    const base = {
      provinceCode: body.provinceCode,
      fileName: body.fileName,
      dryRun: body.dryRun,
      rows: sheet.rows.slice(1).filter((cells) => !isBlankRow(cells)).length,
      existing,
      problems,
    };
    if (body.dryRun || problems.length > 0) {
      return {
        ...base,
        written: false,
        created: fresh.map(({ row, record }) => ({ row, code: record.code, clusterId: null })),
      };
    }
    const created = await this.dataSource.transaction(async (manager) => {
      const out: ClusterImportView['created'] = [];
      for (const { row, record } of fresh) {
        out.push({
          row,
          code: record.code,
          clusterId: await this.clusters.insertRegistered(manager, principal, record),
        });
      }
      return out;
    });
    return { ...base, written: created.length > 0, created };
  }
}
