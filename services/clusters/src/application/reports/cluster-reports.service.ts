import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { maySee } from '@kc/auth';
import {
  clusterReportApprovedV1,
  clusterReportFigures,
  provinceReportFigures,
  type ClusterReportView,
  type EditClusterReportRequest,
  type OpenClusterReportRequest,
  type Principal,
  type ProvincePeriodQuery,
  type ProvinceRollUpView,
} from '@kc/contracts';
import { ConflictError, NotFoundError, RuleViolationError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { vietnamDate } from '@kc/reference-data';
import { checkClusterReportFigures, type ClusterReportFigures } from '../../domain/cluster-report-figures';
import {
  approveReport,
  approvedFigures,
  editReport,
  openReport,
  reopenReport,
  returnReport,
  submitReport,
  submittedLate,
  type PeriodicReport,
  type ReportSubject,
} from '../../domain/periodic-report';
import { provinceFiguresFromRollUp } from '../../domain/province-report-figures';
import { rollUpProvince } from '../../domain/province-rollup';
import { periodLabel, type ReportPeriod } from '../../domain/report-periods';
import { clusterFacts } from '../../infrastructure/persistence/reports/cluster-facts';
import {
  insertReport,
  loadReports,
  saveStep,
  type AnyFigures,
  type StoredReport,
} from '../../infrastructure/persistence/reports/report-repository';
import {
  assertReopenApprover,
  assertReopenRequester,
  assertReporter,
  assertReviewer,
  maySeeReport,
  notFound,
  type ReportParties,
} from './report-access';
import { ReportClock } from './report-clock';
import { asClusterReport, reportView, rollUpView } from './report-views';

/** The figures of the form the report's subject files, checked; refused naming the form otherwise. */
export function checkFiguresFor(subject: ReportSubject, figures: unknown): AnyFigures {
  const schema = subject.kind === 'cluster' ? clusterReportFigures : provinceReportFigures;
  const parsed = schema.safeParse(figures);
  if (!parsed.success) {
    throw new RuleViolationError(
      subject.kind === 'cluster'
        ? {
            vi: 'Số liệu phải theo biểu của chủ đầu tư hạ tầng (Biểu 02: diện tích, vốn, dự án, trạm xử lý nước thải)',
            en: "The figures must follow the developer's form (form 02: areas, investment, tenants, wastewater plant)",
          }
        : {
            vi: 'Số liệu phải theo biểu của Sở Công Thương (Biểu 04: số cụm, diện tích, vốn, dự án, xử lý nước thải)',
            en: "The figures must follow the department's form (form 04: clusters, areas, investment, tenants, wastewater)",
          },
      'cluster-report.figures-form',
      'figures',
    );
  }
  if (subject.kind === 'cluster') checkClusterReportFigures(parsed.data as ClusterReportFigures);
  return parsed.data;
}

const describe = (report: PeriodicReport<AnyFigures>) => {
  const subject =
    report.subject.kind === 'cluster'
      ? `cụm công nghiệp ${report.subject.clusterCode}`
      : `tỉnh ${report.subject.provinceCode}`;
  return `báo cáo ${periodLabel(report.period).vi} của ${subject}`;
};

@Injectable()
export class ClusterReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: ReportClock,
  ) {}

  private today(): string {
    return vietnamDate(this.clock.now());
  }

  async open(principal: Principal, request: OpenClusterReportRequest): Promise<ClusterReportView> {
    const period: ReportPeriod = request.period;
    return this.dataSource.transaction(async (manager) => {
      let subject: ReportSubject;
      let clusterId: string | null = null;
      let figures: AnyFigures;
      let developerTaxCode: string | null = null;
      if ('clusterId' in request) {
        const cluster = await clusterFacts(manager, request.clusterId);
        const parties = cluster && {
          subject: {
            kind: 'cluster',
            clusterCode: cluster.code,
            provinceCode: cluster.provinceCode,
          } as const,
          developerTaxCode: cluster.developerTaxCode,
        };
        if (!cluster || !parties || !maySeeReport(principal, parties))
          throw new NotFoundError(
            {
              vi: `Không có cụm công nghiệp ${request.clusterId}`,
              en: `Cluster ${request.clusterId} does not exist`,
            },
            'cluster.not-found',
            'clusterId',
          );
        assertReporter(principal, parties);
        subject = parties.subject;
        clusterId = cluster.id;
        developerTaxCode = cluster.developerTaxCode;
        figures = checkFiguresFor(subject, request.figures);
      } else {
        subject = { kind: 'province', provinceCode: request.provinceCode };
        assertReporter(principal, { subject, developerTaxCode: null });
        figures = request.figures
          ? checkFiguresFor(subject, request.figures)
          : provinceFiguresFromRollUp(await this.rollUpOf(manager, request.provinceCode, period));
      }
      const report = openReport<AnyFigures>(
        subject,
        subject.kind === 'cluster' ? 'developer' : 'province',
        period,
        figures,
      );
      const [existing]: { id: string }[] = await manager.query(
        `SELECT id FROM cluster_report
          WHERE period_kind = $1 AND period_year = $2
            AND (CASE WHEN $3::uuid IS NULL THEN subject_kind = 'province' AND province_code = $4
                      ELSE cluster_id = $3 END)`,
        [period.kind, period.year, clusterId, subject.provinceCode],
      );
      if (existing)
        throw new ConflictError(
          {
            vi: `Đã có ${describe(report)} (${existing.id}); sửa báo cáo đó thay vì lập mới`,
            en: `That report already exists (${existing.id}); edit it instead`,
          },
          'cluster-report.exists',
          'period',
        );
      const id = randomUUID();
      await insertReport(manager, id, clusterId, report, principal.name, this.clock.now());
      await this.outbox.audit(manager, {
        action: 'cluster-report.open',
        resourceType: 'cluster-report',
        resourceId: id,
        provinceCode: subject.provinceCode,
        summary: `Lập ${describe(report)}${developerTaxCode && principal.role === 'business' ? ' (chủ đầu tư hạ tầng)' : ''}`,
      });
      return this.viewIn(manager, id);
    });
  }

  async get(principal: Principal, id: string): Promise<ClusterReportView> {
    const manager = this.dataSource.manager;
    await this.visible(manager, principal, id);
    return this.viewIn(manager, id);
  }

  edit(principal: Principal, id: string, request: EditClusterReportRequest) {
    return this.step(principal, id, 'edit', (stored, parties) => {
      assertReporter(principal, parties);
      return editReport(stored.report, checkFiguresFor(stored.report.subject, request.figures));
    });
  }

  submit(principal: Principal, id: string) {
    return this.step(principal, id, 'submit', (stored, parties, on) => {
      assertReporter(principal, parties);
      return submitReport(stored.report, principal.name, on);
    });
  }

  returnForCorrection(principal: Principal, id: string, reason: string) {
    return this.step(principal, id, 'return', (stored, _parties, on) => {
      assertReviewer(principal, stored.report.subject);
      return returnReport(stored.report, principal.name, on, reason);
    });
  }

  approve(principal: Principal, id: string) {
    return this.step(principal, id, 'approve', (stored, _parties, on) => {
      assertReviewer(principal, stored.report.subject);
      return approveReport(stored.report, principal.name, on);
    });
  }

  async requestReopen(principal: Principal, id: string, reason: string): Promise<ClusterReportView> {
    return this.dataSource.transaction(async (manager) => {
      const { stored } = await this.visible(manager, principal, id, true);
      assertReopenRequester(principal, stored.report.subject);
      if (stored.report.status !== 'approved')
        throw new ConflictError(
          {
            vi: 'Chỉ đề nghị mở lại báo cáo đã duyệt; báo cáo chưa duyệt vẫn đang được xử lý',
            en: 'Only an approved report can be asked to reopen',
          },
          'cluster-report.illegal-transition',
          'status',
        );
      if (stored.reopenRequests.some((r) => r.status === 'pending'))
        throw new ConflictError(
          {
            vi: 'Báo cáo đã có một đề nghị mở lại đang chờ phê duyệt',
            en: 'The report already has a reopening waiting for approval',
          },
          'cluster-report.reopen-pending',
        );
      const requestId = randomUUID();
      await manager.query(
        `INSERT INTO cluster_report_reopen_request (id, report_id, reason, requested_by, requested_at, status)
         VALUES ($1, $2, $3, $4, $5, 'pending')`,
        [requestId, id, reason, principal.name, this.clock.now()],
      );
      await this.outbox.audit(manager, {
        action: 'cluster-report.request-reopen',
        resourceType: 'cluster-report',
        resourceId: id,
        provinceCode: stored.report.subject.provinceCode,
        summary: `Đề nghị mở lại ${describe(stored.report)}: ${reason}`,
      });
      return this.viewIn(manager, id);
    });
  }

  approveReopen(principal: Principal, id: string, requestId: string) {
    return this.step(principal, id, 'reopen', (stored, _parties, on) => {
      assertReopenApprover(principal, stored.report.subject);
      const request = stored.reopenRequests.find((r) => r.id === requestId && r.status === 'pending');
      if (!request)
        throw new NotFoundError(
          {
            vi: `Không có đề nghị mở lại ${requestId} đang chờ phê duyệt`,
            en: `No pending reopening ${requestId}`,
          },
          'cluster-report.reopen-request-not-found',
          'requestId',
        );
      const after = reopenReport(stored.report, {
        requestedBy: request.requestedBy,
        approvedBy: principal.name,
        reason: request.reason,
        on,
      });
      return { after, reopenRequestId: request.id };
    });
  }

  /** A province's approved cluster figures for a period; another province's answers like a missing one. */
  async rollUp(principal: Principal, query: ProvincePeriodQuery): Promise<ProvinceRollUpView> {
    if (!maySee(principal, query.provinceCode))
      throw new NotFoundError(
        { vi: `Không có tỉnh ${query.provinceCode}`, en: `No province ${query.provinceCode}` },
        'cluster-report.province-not-found',
        'provinceCode',
      );
    const rollUp = await this.rollUpOf(this.dataSource.manager, query.provinceCode, {
      kind: query.periodKind,
      year: query.year,
    });
    return rollUpView(rollUp);
  }

  async rollUpOf(manager: EntityManager, provinceCode: string, period: ReportPeriod) {
    const stored = await loadReports(manager, {
      provinceCodes: [provinceCode],
      periodKind: period.kind,
      year: period.year,
      subjectKind: 'cluster',
    });
    return rollUpProvince(provinceCode, period, stored.map(asClusterReport));
  }

  /** The report if the caller may see it (404 otherwise), with who its parties are. */
  private async visible(
    manager: EntityManager,
    principal: Principal,
    id: string,
    forUpdate = false,
  ): Promise<{ stored: StoredReport; parties: ReportParties }> {
    const [stored] = await loadReports(manager, { ids: [id], forUpdate });
    if (!stored) throw notFound(id);
    const cluster = stored.clusterId ? await clusterFacts(manager, stored.clusterId) : null;
    const parties = { subject: stored.report.subject, developerTaxCode: cluster?.developerTaxCode ?? null };
    if (!maySeeReport(principal, parties)) throw notFound(id);
    return { stored, parties };
  }

  private async viewIn(manager: EntityManager, id: string): Promise<ClusterReportView> {
    const [stored] = await loadReports(manager, { ids: [id] });
    return reportView(stored, this.today());
  }

  /**
   * One step of a report in one transaction: the report locked, the domain's rule applied on today's date in
   * Việt Nam, what it added written (and guarded by the database), audited; on approval of a cluster's report,
   * its figures published through the outbox.
   */
  private step(
    principal: Principal,
    id: string,
    action: 'edit' | 'submit' | 'return' | 'approve' | 'reopen',
    apply: (
      stored: StoredReport,
      parties: ReportParties,
      on: string,
    ) => PeriodicReport<AnyFigures> | { after: PeriodicReport<AnyFigures>; reopenRequestId: string },
  ): Promise<ClusterReportView> {
    return this.dataSource.transaction(async (manager) => {
      const { stored, parties } = await this.visible(manager, principal, id, true);
      const at = this.clock.now();
      const on = vietnamDate(at);
      const result = apply(stored, parties, on);
      const [after, reopenRequestId] =
        'after' in result ? [result.after, result.reopenRequestId] : [result, null];
      if (reopenRequestId)
        await manager.query(
          `UPDATE cluster_report_reopen_request SET status = 'approved', approved_by = $2, approved_at = $3
            WHERE id = $1`,
          [reopenRequestId, principal.name, at],
        );
      await saveStep(manager, id, stored.report, after, at, reopenRequestId);
      const last = after.events.at(-1);
      await this.outbox.audit(manager, {
        action: `cluster-report.${action}`,
        resourceType: 'cluster-report',
        resourceId: id,
        provinceCode: after.subject.provinceCode,
        summary: {
          edit: `Sửa số liệu ${describe(after)}`,
          submit: `Gửi ${describe(after)} (phiên bản ${after.versions.length})`,
          return: `Trả lại ${describe(after)}: ${last?.kind === 'returned' ? last.reason : ''}`,
          approve: `Duyệt ${describe(after)} (phiên bản ${after.approvedVersion})`,
          reopen: `Mở lại ${describe(after)}: ${last?.kind === 'reopened' ? `${last.reason} (đề nghị: ${last.requestedBy}, phê duyệt: ${last.approvedBy})` : ''}`,
        }[action],
      });
      if (action === 'approve' && after.subject.kind === 'cluster' && stored.clusterId) {
        await this.outbox.append(manager, clusterReportApprovedV1, {
          aggregateId: id,
          provinceCode: after.subject.provinceCode,
          payload: {
            reportId: id,
            clusterId: stored.clusterId,
            clusterCode: after.subject.clusterCode,
            provinceCode: after.subject.provinceCode,
            period: after.period,
            version: after.approvedVersion ?? 0,
            approvedOn: on,
            submittedLate: submittedLate(after),
            figures: approvedFigures(after as PeriodicReport<ClusterReportFigures>) as ClusterReportFigures,
          },
        });
      }
      return this.viewIn(manager, id);
    });
  }
}
