import { Module, type DynamicModule } from '@nestjs/common';
import { OwnerClient, PlatformModule } from '@kc/http';
import { DecisionsService } from './application/decisions.service';
import { FundingNormsService } from './application/funding-norms.service';
import { PlansService, REGISTRATION_DEADLINE } from './application/plans.service';
import { ProgrammesService } from './application/programmes.service';
import { ProjectReplicaService } from './application/project-replica.service';
import { PROJECTS_OWNER, REPLICA_WAIT_MS } from './application/projects-owner';
import { RegistrationsService } from './application/registrations.service';
import type { PlansConfig } from './config/plans.config';
import {
  AssignmentDecisionEntity,
  DecisionAllocationEntity,
  PlanCeilingChangeEntity,
} from './infrastructure/persistence/decision.entity';
import { FundingNormEntity } from './infrastructure/persistence/funding-norm.entity';
import { CreateAnnualPlan1763900000100 } from './infrastructure/persistence/migrations/1763900000100-create-annual-plan';
import { CreateProgrammesAndNorms1763900000110 } from './infrastructure/persistence/migrations/1763900000110-create-programmes-and-norms';
import { CreatePlanningCycle1763900000120 } from './infrastructure/persistence/migrations/1763900000120-create-planning-cycle';
import { ProvincialProgrammesAndNorms1763900000130 } from './infrastructure/persistence/migrations/1763900000130-provincial-programmes-and-norms';
import { RegistrationSentOn1763900000140 } from './infrastructure/persistence/migrations/1763900000140-registration-sent-on';
import { PlanCeilingEntity, PlanEntity } from './infrastructure/persistence/plan.entity';
import {
  ContentGroupEntity,
  ProgrammeEntity,
  ProgrammeTargetEntity,
} from './infrastructure/persistence/programme.entity';
import { ProjectAllocationEntity, ProjectRefEntity } from './infrastructure/persistence/project-ref.entity';
import {
  RegistrationEntity,
  RegistrationProjectEntity,
} from './infrastructure/persistence/registration.entity';
import { ProjectEventsHandler } from './interface/events/project-events.handler';
import { FundingNormsController } from './interface/http/funding-norms.controller';
import { PlansController } from './interface/http/plans.controller';
import { ProgrammesController } from './interface/http/programmes.controller';

@Module({})
export class PlansModule {
  static forRoot(config: PlansConfig): DynamicModule {
    return {
      module: PlansModule,
      imports: [
        PlatformModule.forService({
          service: 'plans',
          config,
          entities: [
            PlanEntity,
            PlanCeilingEntity,
            PlanCeilingChangeEntity,
            ProgrammeEntity,
            ContentGroupEntity,
            ProgrammeTargetEntity,
            FundingNormEntity,
            ProjectRefEntity,
            ProjectAllocationEntity,
            RegistrationEntity,
            RegistrationProjectEntity,
            AssignmentDecisionEntity,
            DecisionAllocationEntity,
          ],
          migrations: [
            CreateAnnualPlan1763900000100,
            CreateProgrammesAndNorms1763900000110,
            CreatePlanningCycle1763900000120,
            ProvincialProgrammesAndNorms1763900000130,
            RegistrationSentOn1763900000140,
          ],
        }),
      ],
      controllers: [PlansController, ProgrammesController, FundingNormsController, ProjectEventsHandler],
      providers: [
        PlansService,
        ProgrammesService,
        FundingNormsService,
        RegistrationsService,
        DecisionsService,
        ProjectReplicaService,
        { provide: PROJECTS_OWNER, useValue: new OwnerClient('projects', config.PROJECTS_URL) },
        { provide: REPLICA_WAIT_MS, useValue: config.REPLICA_WAIT_MS },
        { provide: REGISTRATION_DEADLINE, useValue: config.NATIONAL_REGISTRATION_DEADLINE },
      ],
    };
  }
}
