import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { Clock } from './application/clock';
import { ConferenceService } from './application/conference.service';
import { ProjectionsService } from './application/projections.service';
import type { ReportingConfig } from './config/reporting.config';
import { ConferenceQueries } from './infrastructure/persistence/conference.queries';
import { CreateProjections1763900000600 } from './infrastructure/persistence/migrations/1763900000600-create-projections';
import { CreateBoothProjection1763900000610 } from './infrastructure/persistence/migrations/1763900000610-create-booth-projection';
import { PROJECTION_ENTITIES } from './infrastructure/persistence/projection.entities';
import { ConferencesController } from './interface/http/conferences.controller';
import { ProjectionEventsController } from './interface/messaging/projection-events.controller';

@Module({})
export class ReportingModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        PlatformModule.forService({
          service: 'reporting',
          config,
          entities: PROJECTION_ENTITIES,
          migrations: [CreateProjections1763900000600, CreateBoothProjection1763900000610],
        }),
      ],
      controllers: [ConferencesController, ProjectionEventsController],
      providers: [Clock, ConferenceQueries, ConferenceService, ProjectionsService],
    };
  }
}
