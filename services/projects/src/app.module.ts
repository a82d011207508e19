import { Module, type DynamicModule } from '@nestjs/common';
import { OwnerClient, PlatformModule } from '@kc/http';
import { AdjustmentsService } from './application/adjustments.service';
import { DisbursementsService } from './application/disbursements.service';
import { ProgressService } from './application/progress.service';
import { ProjectExportService } from './application/project-export.service';
import { ProjectHistoryService } from './application/project-history.service';
import { ProjectImportService } from './application/project-import.service';
import { PlanEventsService } from './application/plan-events.service';
import { ProjectLifecycleService } from './application/project-lifecycle.service';
import { ProjectsService } from './application/projects.service';
import { PLANS_OWNER, PlansAtOwner, REPLICA_WAIT_MS } from './application/plans-owner';
import type { ProjectsConfig } from './config/projects.config';
import { AdvanceRuleEntity } from './infrastructure/persistence/advance-rule.entity';
import { DisbursementEntity } from './infrastructure/persistence/disbursement.entity';
import { ProjectsBaseline1764400000500 } from './infrastructure/persistence/migrations/1764400000500-projects-baseline';
import { ProgressAndDisbursements1764400000700 } from './infrastructure/persistence/migrations/1764400000700-progress-and-disbursements';
import { ProjectHistoryRecords1764400000900 } from './infrastructure/persistence/migrations/1764400000900-project-history-records';
import { ProgressReportEntity } from './infrastructure/persistence/progress-report.entity';
import { ProjectHistoryRecordEntity } from './infrastructure/persistence/project-history-record.entity';
import { ProjectImportEntity } from './infrastructure/persistence/project-import.entity';
import { PlanRefEntity } from './infrastructure/persistence/plan-ref.entity';
import { ProjectEntity } from './infrastructure/persistence/project.entity';
import {
  AdjustmentEntity,
  AppraisalEntity,
  DoubleFundingExemptionEntity,
  ProjectBeneficiaryEntity,
} from './infrastructure/persistence/project-records.entity';
import { PlanEventsHandler } from './interface/events/plan-events.handler';
import { DisbursementsController } from './interface/http/disbursements.controller';
import { HistoryImportsController } from './interface/http/history-imports.controller';
import { ImportsController } from './interface/http/imports.controller';
import { ProgressController } from './interface/http/progress.controller';
import { ProjectsController } from './interface/http/projects.controller';

@Module({})
export class ProjectsModule {
  static forRoot(config: ProjectsConfig): DynamicModule {
    return {
      module: ProjectsModule,
      imports: [
        PlatformModule.forService({
          service: 'projects',
          config,
          entities: [
            ProjectEntity,
            PlanRefEntity,
            ProjectBeneficiaryEntity,
            AppraisalEntity,
            AdjustmentEntity,
            DoubleFundingExemptionEntity,
            ProgressReportEntity,
            DisbursementEntity,
            AdvanceRuleEntity,
            ProjectImportEntity,
            ProjectHistoryRecordEntity,
          ],
          migrations: [
            ProjectsBaseline1764400000500,
            ProgressAndDisbursements1764400000700,
            ProjectHistoryRecords1764400000900,
          ],
        }),
      ],
      // ImportsController first: its `export.xlsx` and `import-template.xlsx` would otherwise match `:id`.
      controllers: [
        ImportsController,
        HistoryImportsController,
        ProjectsController,
        PlanEventsHandler,
        ProgressController,
        DisbursementsController,
      ],
      providers: [
        ProjectsService,
        ProjectLifecycleService,
        AdjustmentsService,
        PlanEventsService,
        ProgressService,
        DisbursementsService,
        ProjectImportService,
        ProjectHistoryService,
        ProjectExportService,
        PlansAtOwner,
        { provide: PLANS_OWNER, useValue: new OwnerClient('plans', config.PLANS_URL) },
        { provide: REPLICA_WAIT_MS, useValue: config.REPLICA_WAIT_MS },
      ],
    };
  }
}
