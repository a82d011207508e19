import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  clusterReportFigures,
  type ClusterReportImportRequest,
  type ClusterReportImportView,
  type Principal,
} from '@kc/contracts';
import { DomainError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import { checkClusterReportFigures, type ClusterReportFigures } from '../../domain/cluster-report-figures';
import { editReport, openReport, submitReport, type PeriodicReport } from '../../domain/periodic-report';
import { periodLabel, regimeFor, type ReportPeriod } from '../../domain/report-periods';
import { clustersByCode } from '../../infrastructure/persistence/reports/cluster-facts';
import {
  insertReport,
  loadReports,
  saveStep,
  type AnyFigures,
} from '../../infrastructure/persistence/reports/report-repository';
import { assertReporter } from './report-access';
import { ReportClock } from './report-clock';
import {
  columnLetter,
  MAX_REPORT_ROWS,
  PLANT_WORDS,
  readReportSheet,
  REPORT_COLUMNS,
  type Cell,
} from './report-workbook';

type Problem = ClusterReportImportView['problems'][number];

/** Thrown inside the transaction to undo everything: a dry run, or a sheet with any problem. */
class Undo extends Error {
  constructor(readonly view: ClusterReportImportView) {
    super('undo');
  }
}

const columnOf = (field: string) => {
  const i = REPORT_COLUMNS.findIndex((c) => c.field === field);
  return i < 0 ? null : columnLetter(i);
};

/** A number as written in a cell: a number, or text with a decimal point or comma. */
function numberIn(cell: Cell): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string' && /^\s*\d+([.,]\d+)?\s*$/.test(cell))
    return Number(cell.trim().replace(',', '.'));
  return null;
}

@Injectable()
export class ReportImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: ReportClock,
  ) {}

  async import(principal: Principal, request: ClusterReportImportRequest): Promise<ClusterReportImportView> {
    const period: ReportPeriod = request.period;
    regimeFor(period);
    const { provinceCode } = request;
    assertReporter(principal, { subject: { kind: 'province', provinceCode }, developerTaxCode: null });
    const base = { provinceCode, period, dryRun: request.dryRun };
    const sheet = await readReportSheet(Buffer.from(request.contentBase64, 'base64'));
    if (!sheet)
      throw new RuleViolationError(
        { vi: 'Tệp không phải bảng tính .xlsx đọc được', en: 'The file is not a readable .xlsx workbook' },
        'cluster-report-import.not-xlsx',
        'contentBase64',
      );
    const problems: Problem[] = [];
    const problem = (row: number, field: string | null, rule: string, vi: string, en: string) =>
      problems.push({
        sheet: sheet.sheet,
        row,
        column: field === null ? null : columnOf(field),
        field,
        rule,
        message: `${vi} / ${en}`,
      });
    if (sheet.truncated)
      problem(1, null, 'too-many-rows', `Tối đa ${MAX_REPORT_ROWS} dòng`, `At most ${MAX_REPORT_ROWS} rows`);
    if (sheet.rows.length === 0)
      problem(2, null, 'empty-sheet', 'Bảng tính không có dòng nào', 'The sheet has no rows');

    const parsed: { row: number; code: string; figures: ClusterReportFigures }[] = [];
    for (const { row, cells } of sheet.rows) {
      const before = problems.length;
      const values: Record<string, unknown> = {};
      let plant: string | null = null;
      REPORT_COLUMNS.forEach((column, i) => {
        const cell = cells[i];
        const { field } = column;
        if (column.kind === 'code') {
          if (typeof cell !== 'string' || !cell.trim())
            return problem(row, field, 'required', 'Phải ghi mã CCN', 'The cluster code is required');
          values[field] = cell.trim().toUpperCase();
          return;
        }
        if (column.kind === 'plant') {
          const word = typeof cell === 'string' ? cell.trim().toLowerCase().normalize('NFC') : '';
          if (!(word in PLANT_WORDS))
            return problem(
              row,
              field,
              'plant-status',
              `Phải là một trong: ${Object.keys(PLANT_WORDS).join(', ')}`,
              `Must be one of: ${Object.keys(PLANT_WORDS).join(', ')}`,
            );
          plant = PLANT_WORDS[word];
          return;
        }
        if (column.kind === 'capacity') {
          values[field] = cell;
          return;
        }
        const n = numberIn(cell);
        if (cell === null) return problem(row, field, 'required', 'Không được để trống', 'Must not be empty');
        if (n === null || n < 0)
          return problem(
            row,
            field,
            'non-negative-number',
            'Phải là số không âm',
            'Must be a number, 0 or more',
          );
        if (column.kind === 'hectares') {
          if (!/^\d+(\.\d{1,2})?$/.test(String(n)))
            return problem(
              row,
              field,
              'two-decimals',
              'Tối đa hai chữ số thập phân (ha)',
              'At most two decimals (ha)',
            );
          values[field] = Math.round(n * 100);
          return;
        }
        if (!Number.isSafeInteger(n))
          return problem(row, field, 'whole-number', 'Phải là số nguyên', 'Must be a whole number');
        values[field] = n;
      });
      const capacityField = 'wastewaterPlant.capacityM3PerDay';
      const capacity = values[capacityField] as Cell;
      let wastewaterPlant: ClusterReportFigures['wastewaterPlant'] = null;
      if (plant !== null && plant !== 'none') {
        const n = numberIn(capacity);
        if (n === null || !Number.isSafeInteger(n) || n < 0)
          problem(
            row,
            capacityField,
            'plant-capacity',
            'Phải ghi công suất (số nguyên m³/ngày)',
            'The capacity (whole m³/day) is required',
          );
        else wastewaterPlant = { status: plant, capacityM3PerDay: n };
      } else if (plant === 'none' && capacity !== null) {
        problem(
          row,
          capacityField,
          'no-plant-no-capacity',
          'Không có trạm thì để trống công suất',
          'Leave the capacity empty when there is no plant',
        );
      }
      if (problems.length > before) continue;
      const v = (field: string) => values[field] as number;
      const figures = {
        areas: {
          totalCentiHa: v('areas.totalCentiHa'),
          industrialCentiHa: v('areas.industrialCentiHa'),
          leasableCentiHa: v('areas.leasableCentiHa'),
          leasedCentiHa: v('areas.leasedCentiHa'),
        },
        infrastructureInvestment: {
          registeredVnd: v('infrastructureInvestment.registeredVnd'),
          realisedVnd: v('infrastructureInvestment.realisedVnd'),
        },
        tenants: {
          projects: v('tenants.projects'),
          operatingProjects: v('tenants.operatingProjects'),
          firms: v('tenants.firms'),
          workers: v('tenants.workers'),
        },
        wastewaterPlant,
      };
      const checked = clusterReportFigures.safeParse(figures);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const field = issue.path.join('.');
          const rule = (issue as { params?: { rule?: string } }).params?.rule ?? issue.code;
          problems.push({
            sheet: sheet.sheet,
            row,
            column: columnOf(field),
            field,
            rule,
            message: issue.message,
          });
        }
        continue;
      }
      try {
        checkClusterReportFigures(checked.data as ClusterReportFigures);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push({
          sheet: sheet.sheet,
          row,
          column: error.field ? columnOf(error.field) : null,
          field: error.field ?? null,
          rule: error.code,
          message: error.message,
        });
        continue;
      }
      parsed.push({
        row,
        code: values['clusterCode'] as string,
        figures: checked.data as ClusterReportFigures,
      });
    }

    try {
      return await this.dataSource.transaction(async (manager) => {
        const clusters = await clustersByCode(
          manager,
          [provinceCode],
          parsed.map((p) => p.code),
        );
        const existing = await loadReports(manager, {
          provinceCodes: [provinceCode],
          periodKind: period.kind,
          year: period.year,
          subjectKind: 'cluster',
          forUpdate: true,
        });
        const seen = new Map<string, number>();
        const written: ClusterReportImportView['reports'] = [];
        const at = this.clock.now();
        const on = vietnamDate(at);
        for (const { row, code, figures } of parsed) {
          const cluster = clusters.find((c) => c.code === code);
          if (!cluster) {
            problem(
              row,
              'clusterCode',
              'unknown-cluster',
              `Tỉnh ${provinceCode} không có cụm ${code}`,
              `Province ${provinceCode} has no cluster ${code}`,
            );
            continue;
          }
          if (seen.has(code)) {
            problem(
              row,
              'clusterCode',
              'duplicate-cluster',
              `Cụm ${code} đã có ở dòng ${seen.get(code)}`,
              `Cluster ${code} is already on row ${seen.get(code)}`,
            );
            continue;
          }
          seen.set(code, row);
          const stored = existing.find((r) => r.clusterId === cluster.id);
          try {
            let id: string;
            let before: PeriodicReport<AnyFigures>;
            let after: PeriodicReport<AnyFigures>;
            if (stored) {
              id = stored.id;
              before = stored.report;
              after = editReport(before, figures);
            } else {
              id = randomUUID();
              before = openReport<AnyFigures>(
                { kind: 'cluster', clusterCode: cluster.code, provinceCode: cluster.provinceCode },
                'developer',
                period,
                figures,
              );
              await insertReport(manager, id, cluster.id, before, principal.name, at);
              after = before;
            }
            if (request.submit) after = submitReport(after, principal.name, on);
            await saveStep(manager, id, before, after, at);
            written.push({ row, clusterCode: code, reportId: id });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            problems.push({
              sheet: sheet.sheet,
              row,
              column: columnOf('clusterCode'),
              field: 'clusterCode',
              rule: error.code,
              message: error.message,
            });
          }
        }
        const view: ClusterReportImportView = {
          ...base,
          rows: sheet.rows.length,
          written: false,
          reports: written.map((w) => ({ ...w, reportId: request.dryRun ? null : w.reportId })),
          problems: problems.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '')),
        };
        if (request.dryRun || problems.length > 0) throw new Undo(view);
        await this.outbox.audit(manager, {
          action: 'cluster-report.import',
          resourceType: 'cluster-report-import',
          resourceId: randomUUID(),
          provinceCode,
          summary: `Nhập báo cáo ${periodLabel(period).vi} của ${written.length} cụm công nghiệp tỉnh ${provinceCode} từ tệp ${request.fileName}${request.submit ? ' và gửi' : ''}`,
        });
        return { ...view, written: true };
      });
    } catch (error) {
      if (error instanceof Undo) return error.view;
      throw error;
    }
  }
}
