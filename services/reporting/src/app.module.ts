import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { AwardProjectionsService } from './application/award-projections.service';
import { ClusterProjectionsService } from './application/cluster-projections.service';
import { Clock } from './application/clock';
import { ConferencePacksService } from './application/conference-packs/conference-packs.service';
import { ConferenceService } from './application/conference.service';
import { FairFiguresService } from './application/fair-figures.service';
import { ProjectProjectionsService } from './application/project-projections.service';
import { ProjectionsService } from './application/projections.service';
import { PeriodicReportsModule } from './application/periodic-reports/periodic-reports.module';
import { WatchlistService } from './application/watchlist.service';
import type { ReportingConfig } from './config/reporting.config';
import { CONFERENCE_PACK_ENTITIES } from './infrastructure/persistence/conference-pack.entities';
import { ConferencePackQueries } from './infrastructure/persistence/conference-pack.queries';
import { ConferenceQueries } from './infrastructure/persistence/conference.queries';
import { CreateProjections1763900000600 } from './infrastructure/persistence/migrations/1763900000600-create-projections';
import { CreateBoothProjection1763900000610 } from './infrastructure/persistence/migrations/1763900000610-create-booth-projection';
import { ProjectLifecycleProjection1763900000620 } from './infrastructure/persistence/migrations/1763900000620-project-lifecycle-projection';
import { InternationalFairs1763900000630 } from './infrastructure/persistence/migrations/1763900000630-international-fairs';
import { ConferencePacks1763900000640 } from './infrastructure/persistence/migrations/1763900000640-conference-packs';
import { AwardCertificateProjection1763900000650 } from './infrastructure/persistence/migrations/1763900000650-award-certificate-projection';
import { AwardEntryProjections1763900000660 } from './infrastructure/persistence/migrations/1763900000660-award-entry-projections';
import { ClusterRegistryAndReports1763900000670 } from './infrastructure/persistence/migrations/1763900000670-cluster-registry-and-reports';
import { PeriodicReports1764200000100 } from './infrastructure/persistence/periodic-reports/1764200000100-periodic-reports';
import { PeriodicReportHistory1764200000200 } from './infrastructure/persistence/periodic-reports/1764200000200-periodic-report-history';
import { MoneyLedger1764300000100 } from './infrastructure/persistence/money-ledger/1764300000100-money-ledger';
import { ProjectCompletedOn1764300000500 } from './infrastructure/persistence/migrations/1764300000500-project-completed-on';
import { PeriodicReportReporters1764300000200 } from './infrastructure/persistence/periodic-reports/1764300000200-periodic-report-reporters';
import { WebhookManagement1764300000300 } from './infrastructure/persistence/periodic-reports/1764300000300-webhook-management';
import { PeriodicReportFiles1764300000400 } from './infrastructure/persistence/periodic-reports/1764300000400-periodic-report-files';
import { PROJECTION_ENTITIES } from './infrastructure/persistence/projection.entities';
import { WatchlistQueries } from './infrastructure/persistence/watchlist.queries';
import { ConferencePacksController } from './interface/http/conference-packs.controller';
import { ConferencesController } from './interface/http/conferences.controller';
import { FairFiguresController } from './interface/http/fair-figures.controller';
import { WatchlistController } from './interface/http/watchlist.controller';
import { AwardProjectionEventsHandler } from './interface/events/award-projection-events.handler';
import { ClusterProjectionEventsHandler } from './interface/events/cluster-projection-events.handler';
import { ProjectEventsHandler } from './interface/events/project-events.handler';
import { ProjectionEventsHandler } from './interface/events/projection-events.handler';

@Module({})
export class ReportingModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        PlatformModule.forService({
          service: 'reporting',
          config,
          entities: [...PROJECTION_ENTITIES, ...CONFERENCE_PACK_ENTITIES],
          migrations: [
            CreateProjections1763900000600,
            CreateBoothProjection1763900000610,
            ProjectLifecycleProjection1763900000620,
            InternationalFairs1763900000630,
            ConferencePacks1763900000640,
            AwardCertificateProjection1763900000650,
            AwardEntryProjections1763900000660,
            ClusterRegistryAndReports1763900000670,
            PeriodicReports1764200000100,
            PeriodicReportHistory1764200000200,
            MoneyLedger1764300000100,
            ProjectCompletedOn1764300000500,
            PeriodicReportReporters1764300000200,
            WebhookManagement1764300000300,
            PeriodicReportFiles1764300000400,
          ],
        }),
        PeriodicReportsModule.forRoot(config),
      ],
      controllers: [
        ConferencesController,
        WatchlistController,
        ProjectionEventsHandler,
        ProjectEventsHandler,
        AwardProjectionEventsHandler,
        ClusterProjectionEventsHandler,
        FairFiguresController,
        ConferencePacksController,
      ],
      providers: [
        Clock,
        ConferenceQueries,
        ConferenceService,
        ProjectionsService,
        AwardProjectionsService,
        ClusterProjectionsService,
        ProjectProjectionsService,
        WatchlistQueries,
        WatchlistService,
        FairFiguresService,
        ConferencePackQueries,
        ConferencePacksService,
      ],
    };
  }
}
