import { Module, type DynamicModule } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformFiguresQueries } from '../../infrastructure/persistence/periodic-reports/platform-figures.queries';
import { PeriodicReportsController } from '../../interface/http/periodic-reports.controller';
import { PeriodicReportsNotificationsController } from '../../interface/http/periodic-reports-notifications.controller';
import { PeriodicReportsWebhooksController } from '../../interface/http/periodic-reports-webhooks.controller';
import { FormCatalogueService } from './form-catalogue.service';
import { NotificationsService } from './notifications.service';
import { PeriodicReportsClock } from './periodic-reports-clock';
import { PeriodicReportsService } from './periodic-reports.service';
import { ReminderSchedulerService } from './reminder-scheduler.service';
import { ReportCalendarService } from './report-calendar.service';
import { ReportEventsPublisher } from './report-events';
import { WebhookWorkerService } from './webhook-worker.service';
import { WebhooksService } from './webhooks.service';

export interface PeriodicReportsTimers {
  /** 0 or absent: the scheduler runs only when called. */
  PERIODIC_REPORT_REMINDER_POLL_MS?: number;
  WEBHOOK_DELIVERY_POLL_MS?: number;
}

/** Periodic reports of the provinces (issue 16): forms, reports, calendar, notifications, webhooks. */
@Module({})
export class PeriodicReportsModule {
  static forRoot(timers: PeriodicReportsTimers): DynamicModule {
    return {
      module: PeriodicReportsModule,
      controllers: [
        PeriodicReportsController,
        PeriodicReportsNotificationsController,
        PeriodicReportsWebhooksController,
      ],
      providers: [
        PeriodicReportsClock,
        FormCatalogueService,
        PlatformFiguresQueries,
        ReportEventsPublisher,
        PeriodicReportsService,
        ReportCalendarService,
        NotificationsService,
        WebhooksService,
        {
          provide: ReminderSchedulerService,
          inject: [DataSource, FormCatalogueService, PeriodicReportsClock],
          useFactory: (
            dataSource: DataSource,
            catalogue: FormCatalogueService,
            clock: PeriodicReportsClock,
          ) =>
            new ReminderSchedulerService(
              dataSource,
              catalogue,
              clock,
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
