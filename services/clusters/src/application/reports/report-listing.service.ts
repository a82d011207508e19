import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { listProvinceFilter } from '@kc/auth';
import {
  clusterReportStatusLabels,
  type ClusterReportDatabaseView,
  type ClusterReportFiguresBody,
  type ClusterReportListItem,
  type ClusterReportPeriodQuery,
  type ClusterReportsQuery,
  type Page,
  type Principal,
} from '@kc/contracts';
import { safeSum } from '../../domain/cluster-record';
import { isOverdue } from '../../domain/periodic-report';
import { rollUpProvince } from '../../domain/province-rollup';
import { dataWindow, deadlineOf, periodLabel, type ReportPeriod } from '../../domain/report-periods';
import { vietnamDate } from '@kc/reference-data';
import { reportingClusters, type ClusterFacts } from '../../infrastructure/persistence/reports/cluster-facts';
import { loadReports, type StoredReport } from '../../infrastructure/persistence/reports/report-repository';
import { ReportClock } from './report-clock';
import { asClusterReport, sumsOf } from './report-views';
import { reportWorkbook } from './report-workbook';

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Every cluster expected to report in the period, joined to its report (or none). */
export interface ClusterLine {
  cluster: ClusterFacts;
  stored: StoredReport | null;
}

@Injectable()
export class ReportListingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ReportClock,
  ) {}

  /**
   * The clusters of the provinces in scope for a period: those expected to report (established or beyond) and
   * any other that has a report for it.
   */
  async lines(provinceCodes: string[] | undefined, period: ReportPeriod): Promise<ClusterLine[]> {
    const manager = this.dataSource.manager;
    const clusters = await reportingClusters(manager, provinceCodes, dataWindow(period).cutOff);
    const reports = await loadReports(manager, {
      provinceCodes,
      periodKind: period.kind,
      year: period.year,
      subjectKind: 'cluster',
    });
    const byCluster = new Map(reports.map((r) => [r.clusterId, r]));
    const lines: ClusterLine[] = clusters.map((cluster) => ({
      cluster,
      stored: byCluster.get(cluster.id) ?? null,
    }));
    const listed = new Set(clusters.map((c) => c.id));
    for (const r of reports) {
      if (r.clusterId && !listed.has(r.clusterId) && r.report.subject.kind === 'cluster') {
        const subject = r.report.subject;
        lines.push({
          cluster: {
            id: r.clusterId,
            code: subject.clusterCode,
            name: subject.clusterCode,
            provinceCode: subject.provinceCode,
            status: 'unknown',
            developerTaxCode: null,
          },
          stored: r,
        });
      }
    }
    return lines.sort(
      (a, b) =>
        a.cluster.provinceCode.localeCompare(b.cluster.provinceCode) ||
        a.cluster.code.localeCompare(b.cluster.code),
    );
  }

  itemOf(line: ClusterLine, period: ReportPeriod, today: string): ClusterReportListItem {
    const deadline = deadlineOf(period, 'developer');
    const report = line.stored?.report;
    const first = report?.versions[0];
    const overdue = report ? isOverdue(report, today) : today >= deadline.dueBefore;
    return {
      clusterId: line.cluster.id,
      clusterCode: line.cluster.code,
      clusterName: line.cluster.name,
      provinceCode: line.cluster.provinceCode,
      reportId: line.stored?.id ?? null,
      status: report?.status ?? 'not-opened',
      statusLabel: report ? clusterReportStatusLabels[report.status] : 'Chưa lập báo cáo',
      dueBefore: deadline.dueBefore,
      firstSubmittedOn: first?.submittedOn ?? null,
      late: first?.late ?? false,
      daysLate: first?.daysLate ?? 0,
      overdue,
      daysOverdue: overdue ? daysBetween(deadline.lastOnTimeDay, today) : 0,
      approvedVersion: report?.approvedVersion ?? null,
    };
  }

  async list(principal: Principal, query: ClusterReportsQuery): Promise<Page<ClusterReportListItem>> {
    const period: ReportPeriod = { kind: query.periodKind, year: query.year };
    const provinces = listProvinceFilter(principal, query.provinceCode);
    const today = vietnamDate(this.clock.now());
    const items = (await this.lines(provinces, period))
      .map((line) => this.itemOf(line, period, today))
      .filter(
        (item) =>
          (!query.clusterId || item.clusterId === query.clusterId) &&
          (!query.status || item.status === query.status) &&
          (!query.overdue || item.overdue === (query.overdue === 'true')),
      );
    const start = (query.page - 1) * query.limit;
    return {
      items: items.slice(start, start + query.limit),
      page: query.page,
      limit: query.limit,
      total: items.length,
    };
  }

  /** A period's cluster reports of the provinces in scope as a workbook (the figures in force per cluster). */
  async workbook(principal: Principal, query: ClusterReportPeriodQuery): Promise<Buffer> {
    const period: ReportPeriod = { kind: query.periodKind, year: query.year };
    const provinces = listProvinceFilter(principal, query.provinceCode);
    const today = vietnamDate(this.clock.now());
    const lines = await this.lines(provinces, period);
    return reportWorkbook(
      `Báo cáo cụm công nghiệp ${periodLabel(period).vi}${query.provinceCode ? `, tỉnh ${query.provinceCode}` : ''} (xuất ngày ${today.split('-').reverse().join('/')})`,
      lines.map((line) => {
        const report = line.stored?.report;
        const approved = report?.approvedVersion ? report.versions[report.approvedVersion - 1] : undefined;
        const last = report?.versions.at(-1);
        const [figures, figuresFrom] = approved
          ? [approved.figures, `Phiên bản ${approved.version} (đã duyệt)`]
          : last
            ? [last.figures, `Phiên bản ${last.version} (chưa duyệt)`]
            : report
              ? [report.working, 'Bản đang soạn']
              : [null, ''];
        return {
          item: this.itemOf(line, period, today),
          figures: figures as ClusterReportFiguresBody | null,
          figuresFrom,
        };
      }),
    );
  }

  /** Per province with clusters in scope: how many reported, were approved, came in late; their sums. */
  async database(principal: Principal, query: ClusterReportPeriodQuery): Promise<ClusterReportDatabaseView> {
    const period: ReportPeriod = { kind: query.periodKind, year: query.year };
    const provinces = listProvinceFilter(principal, query.provinceCode);
    const today = vietnamDate(this.clock.now());
    const lines = await this.lines(provinces, period);
    const codes = [...new Set(lines.map((l) => l.cluster.provinceCode))].sort();
    const rows = codes.map((provinceCode) => {
      const own = lines.filter((l) => l.cluster.provinceCode === provinceCode);
      const items = own.map((l) => this.itemOf(l, period, today));
      const reports = own.flatMap((l) => (l.stored ? [asClusterReport(l.stored)] : []));
      return {
        provinceCode,
        clustersExpected: own.filter((l) => l.cluster.status !== 'unknown').length,
        clustersReported: items.filter((i) => i.firstSubmittedOn !== null).length,
        clustersApproved: items.filter((i) => i.approvedVersion !== null).length,
        clustersLate: items.filter((i) => i.late).length,
        clustersOverdue: items.filter((i) => i.overdue).length,
        rollUp: rollUpProvince(provinceCode, period, reports),
      };
    });
    const national = rollUpProvince(
      'VN',
      period,
      rows.flatMap((r) =>
        lines
          .filter((l) => l.cluster.provinceCode === r.provinceCode && l.stored)
          .map((l) => {
            const report = asClusterReport(l.stored as StoredReport);
            return { ...report, subject: { ...report.subject, provinceCode: 'VN' } };
          }),
      ),
    );
    const total = (pick: (r: (typeof rows)[number]) => number) => safeSum(rows.map(pick));
    return {
      period,
      provinces: rows.map(({ rollUp, ...counts }) => ({ ...counts, ...sumsOf(rollUp) })),
      nation: {
        clustersExpected: total((r) => r.clustersExpected),
        clustersReported: total((r) => r.clustersReported),
        clustersApproved: total((r) => r.clustersApproved),
        clustersLate: total((r) => r.clustersLate),
        clustersOverdue: total((r) => r.clustersOverdue),
        ...sumsOf(national),
      },
    };
  }
}
