import { clusterReportStatusLabels, type ClusterReportView, type ProvinceRollUpView } from '@kc/contracts';
import type { IsoDate } from '@kc/reference-data';
import type { ClusterReportFigures } from '../../domain/cluster-report-figures';
import { isOverdue, type PeriodicReport } from '../../domain/periodic-report';
import type { ProvinceRollUp } from '../../domain/province-rollup';
import { deadlineOf, periodLabel } from '../../domain/report-periods';
import type { StoredReport } from '../../infrastructure/persistence/reports/report-repository';

type Figures = ClusterReportView['working'] & object;

export function reportView(stored: StoredReport, today: IsoDate): ClusterReportView {
  const { report } = stored;
  const deadline = deadlineOf(report.period, report.reporter);
  const first = report.versions[0];
  return {
    id: stored.id,
    subjectKind: report.subject.kind,
    clusterId: stored.clusterId,
    clusterCode: report.subject.kind === 'cluster' ? report.subject.clusterCode : null,
    provinceCode: report.subject.provinceCode,
    reporter: report.reporter === 'province' ? 'province' : 'developer',
    period: report.period,
    periodLabel: periodLabel(report.period).vi,
    deadline: {
      dueBefore: deadline.dueBefore,
      lastOnTimeDay: deadline.lastOnTimeDay,
      form: deadline.form,
      basis: deadline.basis.vi,
    },
    status: report.status,
    statusLabel: clusterReportStatusLabels[report.status],
    working: report.working as Figures | null,
    versions: report.versions.map((v, i) => ({
      version: v.version,
      figures: v.figures as Figures,
      submittedBy: v.submittedBy,
      submittedAt: stored.versionTimes[i].toISOString(),
      submittedOn: v.submittedOn,
      late: v.late,
      daysLate: v.daysLate,
    })),
    approvedVersion: report.approvedVersion,
    late: first?.late ?? false,
    daysLate: first?.daysLate ?? 0,
    overdue: isOverdue(report, today),
    events: report.events.map((e, i) => ({
      kind: e.kind,
      version: e.version,
      on: e.on,
      at: stored.eventTimes[i].toISOString(),
      by: e.kind === 'reopened' ? e.approvedBy : e.by,
      reason: e.kind === 'returned' || e.kind === 'reopened' ? e.reason : null,
      requestedBy: e.kind === 'reopened' ? e.requestedBy : null,
      approvedBy: e.kind === 'reopened' ? e.approvedBy : null,
    })),
    reopenRequests: stored.reopenRequests.map((r) => ({
      id: r.id,
      reason: r.reason,
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt.toISOString(),
      status: r.status,
      approvedBy: r.approvedBy,
      approvedAt: r.approvedAt?.toISOString() ?? null,
    })),
    openedBy: stored.openedBy,
    openedAt: stored.openedAt.toISOString(),
    recordedFromHistory: stored.recorded
      ? { recordedBy: stored.recorded.by, recordedAt: stored.recorded.at.toISOString() }
      : null,
  };
}

/** Leased over leasable in basis points, rounded half up; exact integers in, one rounding out. */
export function basisPoints(leased: number, leasable: number): number | null {
  if (leasable === 0) return null;
  const [n, d] = [BigInt(leased) * 10_000n, BigInt(leasable)];
  return Number((2n * n + d) / (2n * d));
}

export const sumsOf = (rollUp: ProvinceRollUp) => ({
  areas: rollUp.areas,
  occupancyBasisPoints: basisPoints(rollUp.areas.leasedCentiHa, rollUp.areas.leasableCentiHa),
  infrastructureInvestment: rollUp.infrastructureInvestment,
  tenants: rollUp.tenants,
  wastewater: rollUp.wastewater,
});

export const rollUpView = (rollUp: ProvinceRollUp): ProvinceRollUpView => ({
  provinceCode: rollUp.provinceCode,
  period: rollUp.period,
  counted: rollUp.counted,
  awaitingApproval: rollUp.awaitingApproval,
  ...sumsOf(rollUp),
});

export const asClusterReport = (stored: StoredReport) =>
  stored.report as PeriodicReport<ClusterReportFigures>;
