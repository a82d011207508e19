import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { FairsService } from './application/fairs.service';
import type { TradeFairsConfig } from './config/trade-fairs.config';
import { FairEntity } from './infrastructure/persistence/fair.entity';
import { CreateTradeFair1763900000300 } from './infrastructure/persistence/migrations/1763900000300-create-trade-fair';
import { FairsController } from './interface/http/fairs.controller';

@Module({})
export class TradeFairsModule {
  static forRoot(config: TradeFairsConfig): DynamicModule {
    return {
      module: TradeFairsModule,
      imports: [
        PlatformModule.forService({
          service: 'trade-fairs',
          config,
          entities: [FairEntity],
          migrations: [CreateTradeFair1763900000300],
        }),
      ],
      controllers: [FairsController],
      providers: [FairsService],
    };
  }
}
