import { Module, type DynamicModule } from '@nestjs/common';
import { OwnerClient, PlatformModule } from '@kc/http';
import { AwardCertificateCopyService } from './application/award-certificate-copy.service';
import { AWARDS_OWNER, REPLICA_WAIT_MS } from './application/awards-owner';
import { BoothAllocation } from './application/booth-allocation';
import { BOOTH_SWEEP_MS, BoothSweeper } from './application/booth-sweeper';
import { BoothsService } from './application/booths.service';
import { ContractDataService } from './application/contract-data.service';
import { FloorPlanService } from './application/floor-plan.service';
import { FairsService } from './application/fairs.service';
import { LotteryService } from './application/lottery.service';
import { ParticipantListService } from './application/participant-list.service';
import { ParticipationService } from './application/participation.service';
import { RegistrationsService } from './application/registrations.service';
import { DEFAULT_SUBSIDY_POLICY, SubsidyPoliciesService } from './application/subsidy-policies.service';
import type { TradeFairsConfig } from './config/trade-fairs.config';
import { BoothBucketEntity } from './infrastructure/persistence/booth-bucket.entity';
import { BoothEntity } from './infrastructure/persistence/booth.entity';
import { FairEntity } from './infrastructure/persistence/fair.entity';
import { CreateTradeFair1763900000300 } from './infrastructure/persistence/migrations/1763900000300-create-trade-fair';
import { CreateBoothRegistration1763900000310 } from './infrastructure/persistence/migrations/1763900000310-create-booth-registration';
import { CreateSubsidyCertification1763900000320 } from './infrastructure/persistence/migrations/1763900000320-create-subsidy-certification';
import { CreateLotterySettings1763900000330 } from './infrastructure/persistence/migrations/1763900000330-create-lottery-settings';
import { AwardPriorityFirstCome1763900000340 } from './infrastructure/persistence/migrations/1763900000340-award-priority-first-come';
import { FairAbroadSubsidyPolicy1763900000350 } from './infrastructure/persistence/migrations/1763900000350-fair-abroad-subsidy-policy';
import { ParticipantListCertification1763900000360 } from './infrastructure/persistence/migrations/1763900000360-participant-list-certification';
import { AwardCertificateRef1763900000370 } from './infrastructure/persistence/migrations/1763900000370-award-certificate-ref';
import { RegistrationEntity } from './infrastructure/persistence/registration.entity';
import { SubsidyPolicyEntity } from './infrastructure/persistence/subsidy-policy.entity';
import { AwardCertificateEventsHandler } from './interface/events/award-certificate-events.handler';
import { BoothsController } from './interface/http/booths.controller';
import { FairsController } from './interface/http/fairs.controller';
import { FloorPlanController } from './interface/http/floor-plan.controller';
import { LotteryController } from './interface/http/lottery.controller';
import { ParticipationController } from './interface/http/participation.controller';
import { RegistrationsController } from './interface/http/registrations.controller';

@Module({})
export class TradeFairsModule {
  static forRoot(config: TradeFairsConfig): DynamicModule {
    return {
      module: TradeFairsModule,
      imports: [
        PlatformModule.forService({
          service: 'trade-fairs',
          config,
          entities: [FairEntity, BoothEntity, RegistrationEntity, BoothBucketEntity, SubsidyPolicyEntity],
          migrations: [
            CreateTradeFair1763900000300,
            CreateBoothRegistration1763900000310,
            CreateSubsidyCertification1763900000320,
            CreateLotterySettings1763900000330,
            AwardPriorityFirstCome1763900000340,
            FairAbroadSubsidyPolicy1763900000350,
            ParticipantListCertification1763900000360,
            AwardCertificateRef1763900000370,
          ],
        }),
      ],
      controllers: [
        FairsController,
        BoothsController,
        RegistrationsController,
        ParticipationController,
        LotteryController,
        FloorPlanController,
        AwardCertificateEventsHandler,
      ],
      providers: [
        FairsService,
        BoothsService,
        RegistrationsService,
        SubsidyPoliciesService,
        ParticipationService,
        ParticipantListService,
        ContractDataService,
        LotteryService,
        FloorPlanService,
        BoothAllocation,
        BoothSweeper,
        AwardCertificateCopyService,
        { provide: BOOTH_SWEEP_MS, useValue: config.BOOTH_SWEEP_MS },
        { provide: AWARDS_OWNER, useValue: new OwnerClient('awards', config.AWARDS_URL) },
        { provide: REPLICA_WAIT_MS, useValue: config.REPLICA_WAIT_MS },
        {
          provide: DEFAULT_SUBSIDY_POLICY,
          useValue: {
            domestic: config.FAIR_DEFAULT_SUBSIDY_POLICY,
            international: config.FAIR_INTERNATIONAL_SUBSIDY_POLICY,
          },
        },
      ],
    };
  }
}
