import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { ProjectsService } from './application/projects.service';
import type { ProjectsConfig } from './config/projects.config';
import { CreateProjects1763900000500 } from './infrastructure/persistence/migrations/1763900000500-create-projects';
import { PlanRefEntity } from './infrastructure/persistence/plan-ref.entity';
import { ProjectEntity } from './infrastructure/persistence/project.entity';
import { PlanEventsHandler } from './interface/events/plan-events.handler';
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
          entities: [ProjectEntity, PlanRefEntity],
          migrations: [CreateProjects1763900000500],
        }),
      ],
      controllers: [ProjectsController, PlanEventsHandler],
      providers: [ProjectsService],
    };
  }
}
