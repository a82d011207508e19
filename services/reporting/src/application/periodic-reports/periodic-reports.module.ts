import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformFiguresQueries } from '../../infrastructure/persistence/periodic-reports/platform-figures.queries';
import { PeriodicReportAttachmentsController } from '../../interface/http/periodic-report-attachments.controller';
import { PeriodicReportsController } from '../../interface/http/periodic-reports.controller';
import { PeriodicReportsFilesController } from '../../interface/http/periodic-reports-files.controller';
import { PeriodicReportsNotificationsController } from '../../interface/http/periodic-reports-notifications.controller';
import { PeriodicReportsWebhooksController } from '../../interface/http/periodic-reports-webhooks.controller';
import { ExpectedReportersService } from './expected-reporters.service';
import { FormCatalogueService } from './form-catalogue.service';
import { NotificationsService } from './notifications.service';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { PeriodicReportsService } from './periodic-reports.service';
import { ReminderSchedulerService } from './reminder-scheduler.service';
import { ReportFilesService } from './report-files.service';
import { ReportCalendarService } from './report-calendar.service';
import { ReportEventsPublisher } from './report-events';
import { ReportHistoryService } from './report-history.service';
import { ReportImportService } from './report-import.service';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookWorkerService } from './webhook-worker.service';
import { WEBHOOK_URL_POLICY } from './webhook-url-policy';
import { WebhooksService } from './webhooks.service';

export interface PeriodicReportsTimers {
  /** 0 or absent: the scheduler runs only when called. */
  PERIODIC_REPORT_REMINDER_POLL_MS?: number;
  WEBHOOK_DELIVERY_POLL_MS?: number;
  /** Plain http to the loopback host for webhooks; absent: allowed outside production. */
  WEBHOOK_ALLOW_HTTP_LOOPBACK?: boolean;
  NODE_ENV?: string;
}

/** Periodic reports of the provinces (issue 16): forms, reports, calendar, notifications, webhooks. */
@Module({})
export class PeriodicReportsModule {
  static forRoot(timers: PeriodicReportsTimers): DynamicModule {
    return {
      module: PeriodicReportsModule,
      controllers: [
        PeriodicReportsFilesController,
        PeriodicReportsController,
        PeriodicReportAttachmentsController,
        PeriodicReportsNotificationsController,
        PeriodicReportsWebhooksController,
      ],
      providers: [
        PeriodicReportsClock,
        FormCatalogueService,
        ExpectedReportersService,
        PlatformFiguresQueries,
        ReportEventsPublisher,
        PeriodicReportsService,
        ReportHistoryService,
        ReportImportService,
        ReportFilesService,
        ReportCalendarService,
        NotificationsService,
        WebhooksService,
        WebhookDeliveriesService,
        {
          provide: WEBHOOK_URL_POLICY,
          useValue: {
            allowHttpLoopback: timers.WEBHOOK_ALLOW_HTTP_LOOPBACK ?? timers.NODE_ENV !== 'production',
          },
        },
        {
          provide: ReminderSchedulerService,
          inject: [DataSource, FormCatalogueService, PeriodicReportsClock, ExpectedReportersService],
          useFactory: (
            dataSource: DataSource,
            catalogue: FormCatalogueService,
            clock: PeriodicReportsClock,
            expected: ExpectedReportersService,
          ) =>
            new ReminderSchedulerService(
              dataSource,
              catalogue,
              clock,
              expected,
              timers.PERIODIC_REPORT_REMINDER_POLL_MS ?? 0,
            ),
        },
        {
          provide: WebhookWorkerService,
          inject: [DataSource, PeriodicReportsClock],
          useFactory: (dataSource: DataSource, clock: PeriodicReportsClock) =>
            new WebhookWorkerService(dataSource, clock, timers.WEBHOOK_DELIVERY_POLL_MS ?? 0),
        },
      ],
    };
  }
}
