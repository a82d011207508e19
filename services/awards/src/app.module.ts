import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { AwardRoundsService } from './application/award-rounds.service';
import type { AwardsConfig } from './config/awards.config';
import { AwardRoundEntity } from './infrastructure/persistence/award-round.entity';
import { CreateAwardRound1763900000400 } from './infrastructure/persistence/migrations/1763900000400-create-award-round';
import { AwardRoundsController } from './interface/http/award-rounds.controller';

@Module({})
export class AwardsModule {
  static forRoot(config: AwardsConfig): DynamicModule {
    return {
      module: AwardsModule,
      imports: [
        PlatformModule.forService({
          service: 'awards',
          config,
          entities: [AwardRoundEntity],
          migrations: [CreateAwardRound1763900000400],
        }),
      ],
      controllers: [AwardRoundsController],
      providers: [AwardRoundsService],
    };
  }
}
