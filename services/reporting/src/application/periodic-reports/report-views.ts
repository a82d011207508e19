import type { PeriodicReportListItem, PeriodicReportView } from '@kc/contracts';
import {
  countedSubmission,
  parsePeriod,
  periodLabel,
  unexplained,
  workingDifferences,
  type FormDefinition,
  type PeriodicReport,
} from '../../domain/periodic-reports';

export interface OpenReopenRequest {
  id: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
}

export function reportView(
  id: string,
  report: PeriodicReport,
  form: FormDefinition,
  reopenRequest: OpenReopenRequest | null,
  recorded: { by: string; at: string } | null = null,
): PeriodicReportView {
  const diffs = report.working ? workingDifferences(report, form) : [];
  const open = new Set(unexplained(diffs, report.working?.explanations ?? {}).map((d) => d.cell));
  return {
    id,
    formId: report.formId,
    formVersion: report.formVersion,
    period: report.period,
    periodLabel: periodLabel(parsePeriod(report.period)),
    provinceCode: report.subject.provinceCode,
    reporterId: report.subject.reporterId,
    status: report.status,
    awaiting: report.awaiting,
    reviewChain: [...report.reviewChain],
    deadline: {
      namedDay: report.deadline.namedDay,
      lastOnTimeDay: report.deadline.lastOnTimeDay,
      lateFrom: report.deadline.lateFrom,
      moved: report.deadline.moved,
      calendarVersion: report.deadline.calendarVersion,
      assumption: report.deadline.assumption,
    },
    platform: { ...report.platform },
    working: report.working
      ? {
          entered: { ...report.working.entered },
          explanations: { ...report.working.explanations },
          narratives: { ...report.working.narratives },
          attachments: report.working.attachments.map((a) => ({ ...a })),
        }
      : null,
    differences: diffs.map((d) => ({
      cell: d.cell,
      label: d.label,
      platform: d.platform,
      entered: d.entered,
      delta: d.delta,
      explained: !open.has(d.cell),
    })),
    versions: report.versions.map((v) => ({
      number: v.number,
      submittedAt: v.submittedAt,
      submittedBy: v.submittedBy,
      submittedOn: v.lateness.submittedOn,
      onTime: v.lateness.onTime,
      daysLate: v.lateness.daysLate,
      content: {
        entered: { ...v.content.entered },
        explanations: { ...v.content.explanations },
        narratives: { ...v.content.narratives },
        attachments: v.content.attachments.map((a) => ({ ...a })),
      },
      platform: { ...v.platform },
    })),
    approvedVersion: report.approvedVersion,
    events: report.events.map((e) => ({
      kind: e.kind,
      at: e.at,
      by: e.kind === 'reopened' ? e.requestedBy : e.by,
      version: e.kind === 'opened' ? null : e.version,
      level: e.kind === 'approved' || e.kind === 'returned' ? e.level : null,
      reason: e.kind === 'returned' || e.kind === 'reopened' ? e.reason : null,
      approvedBy: e.kind === 'reopened' ? e.approvedBy : null,
    })),
    reopenRequest,
    recordedFromHistory: recorded ? { recordedBy: recorded.by, recordedAt: recorded.at } : null,
  };
}

export function reportListItem(id: string, report: PeriodicReport): PeriodicReportListItem {
  const counted = countedSubmission(report);
  return {
    id,
    formId: report.formId,
    formVersion: report.formVersion,
    period: report.period,
    provinceCode: report.subject.provinceCode,
    reporterId: report.subject.reporterId,
    status: report.status,
    awaiting: report.awaiting,
    lastOnTimeDay: report.deadline.lastOnTimeDay,
    submittedAt: counted?.submittedAt ?? null,
    onTime: counted?.lateness.onTime ?? null,
    daysLate: counted?.lateness.daysLate ?? null,
  };
}
