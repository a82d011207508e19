import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { PlansService } from './application/plans.service';
import type { PlansConfig } from './config/plans.config';
import { PlanEntity } from './infrastructure/persistence/plan.entity';
import { CreateAnnualPlan1763900000100 } from './infrastructure/persistence/migrations/1763900000100-create-annual-plan';
import { PlansController } from './interface/http/plans.controller';

@Module({})
export class PlansModule {
  static forRoot(config: PlansConfig): DynamicModule {
    return {
      module: PlansModule,
      imports: [
        PlatformModule.forService({
          service: 'plans',
          config,
          entities: [PlanEntity],
          migrations: [CreateAnnualPlan1763900000100],
        }),
      ],
      controllers: [PlansController],
      providers: [PlansService],
    };
  }
}
