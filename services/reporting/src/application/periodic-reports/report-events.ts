import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { periodicReportApprovedV1, periodicReportReturnedV1, periodicReportSubmittedV1 } from '@kc/contracts';
import { OutboxWriter } from '@kc/messaging';
import type { PeriodicReport, ReportEvent } from '../../domain/periodic-reports';

/**
 * The workflow's integration events, written to reporting's outbox in the transaction of the step (the relay
 * publishes them on reporting.periodic-report.events, key = report id). Opening, withdrawing and reopening stay
 * inside reporting: nobody outside acts on them yet (a reopening is audited, see below).
 */
@Injectable()
export class ReportEventsPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(
    manager: EntityManager,
    id: string,
    report: PeriodicReport,
    event: ReportEvent,
  ): Promise<void> {
    const ref = {
      reportId: id,
      formId: report.formId,
      formVersion: report.formVersion,
      period: report.period,
      provinceCode: report.subject.provinceCode,
      reporterId: report.subject.reporterId,
    };
    const envelope = { aggregateId: id, provinceCode: report.subject.provinceCode };
    if (event.kind === 'submitted') {
      const version = report.versions[event.version - 1];
      await this.outbox.append(manager, periodicReportSubmittedV1, {
        ...envelope,
        payload: {
          ...ref,
          version: event.version,
          submittedAt: new Date(event.at).toISOString(),
          submittedOn: version.lateness.submittedOn,
          lastOnTimeDay: report.deadline.lastOnTimeDay,
          onTime: event.onTime,
          daysLate: event.daysLate,
        },
      });
    } else if (event.kind === 'returned') {
      await this.outbox.append(manager, periodicReportReturnedV1, {
        ...envelope,
        payload: {
          ...ref,
          version: event.version,
          level: event.level,
          reason: event.reason,
          returnedAt: new Date(event.at).toISOString(),
        },
      });
    } else if (event.kind === 'approved') {
      await this.outbox.append(manager, periodicReportApprovedV1, {
        ...envelope,
        payload: {
          ...ref,
          version: event.version,
          level: event.level,
          final: event.final,
          approvedAt: new Date(event.at).toISOString(),
          figures: event.final ? { ...report.versions[event.version - 1].content.entered } : null,
        },
      });
    } else if (event.kind === 'reopened') {
      // No integration event, but the audit record goes through the outbox: its commit is the change signal that
      // drops the conference views kept at the edge, which show the report as being corrected (edge-cache.md).
      await this.outbox.audit(manager, {
        action: 'periodic-report.reopen',
        resourceType: 'periodic-report',
        resourceId: id,
        provinceCode: report.subject.provinceCode,
        summary:
          `Mở lại báo cáo ${report.period} của ${report.subject.reporterId} (${report.formId}); phiên bản đã duyệt ` +
          `${report.approvedVersion} vẫn được tính đến khi bản sửa được duyệt. Đề nghị: ${event.requestedBy}; ` +
          `phê duyệt: ${event.approvedBy}; lý do: ${event.reason}`,
      });
    }
  }
}
