import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  progressReportedV1,
  type Principal,
  type ProgressReportRequest,
  type ProgressReportView,
} from '@kc/contracts';
import { ConflictError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { transition } from '../domain/lifecycle';
import { assertMayReport, isLate } from '../domain/progress-report';
import { ProgressReportEntity } from '../infrastructure/persistence/progress-report.entity';
import { findVisibleProject, violates } from './progress-access';
import { actorOf, lockVisibleProject, recordTransition } from './project-store';

const toView = (r: ProgressReportEntity): ProgressReportView => ({
  id: r.id,
  projectId: r.projectId,
  month: r.month,
  percentDone: r.percentDone,
  spentVnd: r.spentVnd,
  narrative: r.narrative,
  attachments: r.attachments,
  receivedAt: r.receivedAt.toISOString(),
  late: r.late,
  reportedBy: r.reportedBy,
});

@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Records a monthly report: a later month than the last, with no less work done (UNIQUE (project, month)
   * behind the first); the first report of a contracted project moves it into progress (lifecycle action
   * `report-progress`, which also says who may report).
   */
  async report(
    principal: Principal,
    projectId: string,
    body: ProgressReportRequest,
  ): Promise<ProgressReportView> {
    return this.dataSource.transaction(async (manager) => {
      // The row lock makes reports of one project apply one after the other: each sees the last month and
      // percentage of the one before it.
      const project = await lockVisibleProject(manager, projectId, principal);
      const step = transition(project, 'report-progress', actorOf(principal));
      const receivedAt = new Date();
      assertMayReport(project, body, receivedAt);
      await recordTransition(manager, this.outbox, project, step, {
        lastProgressMonth: body.month,
        lastProgressPercent: body.percentDone,
      });
      const repo = manager.getRepository(ProgressReportEntity);
      const report = repo.create({
        id: randomUUID(),
        projectId,
        provinceCode: project.provinceCode,
        month: body.month,
        percentDone: body.percentDone,
        spentVnd: body.spentVnd,
        narrative: body.narrative,
        attachments: body.attachments,
        receivedAt,
        late: isLate(body.month, receivedAt),
        reportedBy: principal.name,
      });
      try {
        await repo.insert(report);
      } catch (error) {
        if (violates(error, 'progress_report_one_per_month'))
          throw new ConflictError(
            { vi: `Đã có báo cáo tháng ${body.month}`, en: `${body.month} is already reported` },
            'progress.month-reported',
            'month',
          );
        throw error;
      }
      await this.outbox.append(manager, progressReportedV1, {
        aggregateId: projectId,
        provinceCode: project.provinceCode,
        payload: {
          projectId,
          planId: project.planId,
          planYear: project.planYear,
          provinceCode: project.provinceCode,
          reportId: report.id,
          month: report.month,
          percentDone: report.percentDone,
          spentVnd: report.spentVnd,
          receivedAt: receivedAt.toISOString(),
          late: report.late,
        },
      });
      await this.outbox.audit(manager, {
        action: 'project.report-progress',
        resourceType: 'project',
        resourceId: projectId,
        provinceCode: project.provinceCode,
        summary:
          `Báo cáo tiến độ tháng ${report.month} của đề án ${project.code}: ${report.percentDone}%` +
          (report.late ? ' (nộp muộn)' : '') +
          (step.changed ? `; chuyển sang "${step.to}"` : ''),
      });
      return toView(report);
    });
  }

  async list(principal: Principal, projectId: string): Promise<ProgressReportView[]> {
    await findVisibleProject(this.dataSource.manager, principal, projectId);
    const reports = await this.dataSource
      .getRepository(ProgressReportEntity)
      .find({ where: { projectId }, order: { month: 'ASC' } });
    return reports.map(toView);
  }
}
