import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { periodicReportApprovedV1, periodicReportReturnedV1, periodicReportSubmittedV1 } from '@kc/contracts';
import { OutboxWriter } from '@kc/messaging';
import type { PeriodicReport, ReportEvent } from '../../domain/periodic-reports';

/**
 * The workflow's integration events, written to reporting's outbox in the transaction of the step (the relay
 * publishes them on reporting.periodic-report.events, key = report id). Opening, withdrawing and reopening stay
 * inside reporting: nobody outside acts on them yet.
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
    }
  }
}
