import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { ClusterExportService } from './application/cluster-export.service';
import { ClusterImportService } from './application/cluster-import.service';
import { ClusterStore } from './application/cluster-store';
import { ClustersService } from './application/clusters.service';
import type { ClustersConfig } from './config/clusters.config';
import {
  ClusterEntity,
  ClusterStepEntity,
  ClusterTenantEntity,
} from './infrastructure/persistence/cluster.entity';
import { CreateIndustrialCluster1763900000200 } from './infrastructure/persistence/migrations/1763900000200-create-industrial-cluster';
import { ClusterRegistryRecord1763900000210 } from './infrastructure/persistence/migrations/1763900000210-cluster-registry-record';
import { ClustersController } from './interface/http/clusters.controller';
import { ClusterInspectionsService } from './application/inspections/cluster-inspections.service';
import { ClusterPetitionsService } from './application/petitions/cluster-petitions.service';
import { ClusterReportsService } from './application/reports/cluster-reports.service';
import { ReportClock } from './application/reports/report-clock';
import { ReportImportService } from './application/reports/report-import.service';
import { ReportListingService } from './application/reports/report-listing.service';
import { ClusterReports1764100000100 } from './infrastructure/persistence/migrations/1764100000100-cluster-reports';
import { ClusterPetitionsInspections1764100000110 } from './infrastructure/persistence/migrations/1764100000110-cluster-petitions-inspections';
import { ClusterReportHistory1764200000100 } from './infrastructure/persistence/migrations/1764200000100-cluster-report-history';
import { ClusterSupport1764300000100 } from './infrastructure/persistence/migrations/1764300000100-cluster-support';
import { ClusterSupportService } from './application/support/cluster-support.service';
import { SupportProjectionService } from './application/support/support-projection.service';
import { ClusterSupportController } from './interface/http/cluster-support.controller';
import { ProjectEventsHandler } from './interface/events/project-events.handler';
import { ReportHistoryService } from './application/reports/report-history.service';
import { ClusterReportsController } from './interface/http/cluster-reports.controller';
import {
  ClusterInspectionsController,
  ClusterPetitionsController,
} from './interface/http/cluster-petitions.controller';

@Module({})
export class ClustersModule {
  static forRoot(config: ClustersConfig): DynamicModule {
    return {
      module: ClustersModule,
      imports: [
        PlatformModule.forService({
          service: 'clusters',
          config,
          entities: [ClusterEntity, ClusterStepEntity, ClusterTenantEntity],
          migrations: [
            CreateIndustrialCluster1763900000200,
            ClusterRegistryRecord1763900000210,
            ClusterReports1764100000100,
            ClusterPetitionsInspections1764100000110,
            ClusterReportHistory1764200000100,
            ClusterSupport1764300000100,
          ],
        }),
      ],
      controllers: [
        ClustersController,
        ClusterReportsController,
        ClusterPetitionsController,
        ClusterInspectionsController,
        ClusterSupportController,
        ProjectEventsHandler,
      ],
      providers: [
        ClusterStore,
        ClustersService,
        ClusterImportService,
        ClusterExportService,
        ReportClock,
        ClusterReportsService,
        ReportListingService,
        ReportImportService,
        ReportHistoryService,
        ClusterPetitionsService,
        ClusterInspectionsService,
        ClusterSupportService,
        SupportProjectionService,
      ],
    };
  }
}
