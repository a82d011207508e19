import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { AwardRoundsService } from './application/award-rounds.service';
import { CERTIFICATE_LOOKUP } from './application/certificate-lookup';
import { CertificatesService, PUBLIC_BASE_URL } from './application/certificates.service';
import type { AwardsConfig } from './config/awards.config';
import { AwardRoundEntity } from './infrastructure/persistence/award-round.entity';
import { DossierFilesService } from './application/dossier-files.service';
import { EntriesService } from './application/entries.service';
import { PublicationWorker, PUBLICATION_POLL_MS } from './application/publication-worker';
import { AwardRoundPublicationEntity } from './infrastructure/persistence/award-publication.entity';
import { DossierFileContents1763900000490 } from './infrastructure/persistence/migrations/1763900000490-dossier-file-contents';
import { PublicationJobs1763900000500 } from './infrastructure/persistence/migrations/1763900000500-publication-jobs';
import { HistoricRounds1763900000510 } from './infrastructure/persistence/migrations/1763900000510-historic-rounds';
import { JuriesService } from './application/juries.service';
import { CONFIGURED_PSEUDONYM_KEY, PseudonymKeys } from './application/pseudonym-key';
import { ResultsService } from './application/results.service';
import { ScoringService } from './application/scoring.service';
import {
  AwardCouncilMemberEntity,
  AwardJuryMemberEntity,
} from './infrastructure/persistence/award-council.entity';
import {
  AwardEntryEntity,
  AwardEntryFileEntity,
  AwardShortlistEntity,
} from './infrastructure/persistence/award-entry.entity';
import {
  AwardRecusalEntity,
  AwardRoundResultEntity,
  AwardScoreSheetEntity,
  AwardSubstitutionEntity,
} from './infrastructure/persistence/award-scoring.entity';
import { RoundLevelsScheduleAndState1763900000410 } from './infrastructure/persistence/migrations/1763900000410-round-levels-schedule-and-state';
import { CouncilsAndJuries1763900000420 } from './infrastructure/persistence/migrations/1763900000420-councils-and-juries';
import { EntriesAndShortlists1763900000430 } from './infrastructure/persistence/migrations/1763900000430-entries-and-shortlists';
import { ScoringAndResults1763900000440 } from './infrastructure/persistence/migrations/1763900000440-scoring-and-results';
import { EntriesController } from './interface/http/entries.controller';
import { JuriesController } from './interface/http/juries.controller';
import { ResultsController } from './interface/http/results.controller';
import { ScoringController } from './interface/http/scoring.controller';
import { CertificateEntity } from './infrastructure/persistence/certificate.entity';
import { CreateAwardRound1763900000400 } from './infrastructure/persistence/migrations/1763900000400-create-award-round';
import { CreateAwardCertificate1763900000450 } from './infrastructure/persistence/migrations/1763900000450-create-award-certificate';
import { AwardRoundsController } from './interface/http/award-rounds.controller';
import { CertificatesController } from './interface/http/certificates.controller';
import { ArtisanTitlesService } from './application/artisan-titles.service';
import { ComplaintsService } from './application/complaints.service';
import { AwardComplaintEntity } from './infrastructure/persistence/award-complaint.entity';
import {
  ArtisanNominationEntity,
  ArtisanStageDecisionEntity,
} from './infrastructure/persistence/artisan-nomination.entity';
import { CreateAwardComplaint1763900000470 } from './infrastructure/persistence/migrations/1763900000470-create-award-complaint';
import { CreateArtisanNomination1763900000480 } from './infrastructure/persistence/migrations/1763900000480-create-artisan-nomination';
import { ArtisanTitlesController } from './interface/http/artisan-titles.controller';
import { ComplaintsController } from './interface/http/complaints.controller';

@Module({})
export class AwardsModule {
  static forRoot(config: AwardsConfig): DynamicModule {
    return {
      module: AwardsModule,
      imports: [
        PlatformModule.forService({
          service: 'awards',
          config,
          entities: [
            AwardRoundEntity,
            AwardCouncilMemberEntity,
            AwardJuryMemberEntity,
            AwardEntryEntity,
            AwardEntryFileEntity,
            AwardShortlistEntity,
            AwardRecusalEntity,
            AwardSubstitutionEntity,
            AwardScoreSheetEntity,
            AwardRoundResultEntity,
            AwardComplaintEntity,
            ArtisanNominationEntity,
            ArtisanStageDecisionEntity,
            CertificateEntity,
            AwardRoundPublicationEntity,
          ],
          migrations: [
            CreateAwardRound1763900000400,
            RoundLevelsScheduleAndState1763900000410,
            CouncilsAndJuries1763900000420,
            EntriesAndShortlists1763900000430,
            ScoringAndResults1763900000440,
            CreateAwardCertificate1763900000450,
            CreateAwardComplaint1763900000470,
            CreateArtisanNomination1763900000480,
            DossierFileContents1763900000490,
            PublicationJobs1763900000500,
            HistoricRounds1763900000510,
          ],
        }),
      ],
      controllers: [
        AwardRoundsController,
        JuriesController,
        EntriesController,
        ScoringController,
        ResultsController,
        ComplaintsController,
        ArtisanTitlesController,
        CertificatesController,
      ],
      providers: [
        AwardRoundsService,
        JuriesService,
        EntriesService,
        DossierFilesService,
        PublicationWorker,
        { provide: PUBLICATION_POLL_MS, useValue: config.AWARDS_PUBLICATION_POLL_MS },
        ScoringService,
        ResultsService,
        PseudonymKeys,
        { provide: CONFIGURED_PSEUDONYM_KEY, useValue: config.AWARDS_PSEUDONYM_KEY },
        ComplaintsService,
        ArtisanTitlesService,
        CertificatesService,
        { provide: CERTIFICATE_LOOKUP, useExisting: CertificatesService },
        { provide: PUBLIC_BASE_URL, useValue: config.PUBLIC_BASE_URL },
      ],
    };
  }
}
