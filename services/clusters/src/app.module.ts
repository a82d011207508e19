import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kc/http';
import { ClustersService } from './application/clusters.service';
import type { ClustersConfig } from './config/clusters.config';
import { ClusterEntity } from './infrastructure/persistence/cluster.entity';
import { CreateIndustrialCluster1763900000200 } from './infrastructure/persistence/migrations/1763900000200-create-industrial-cluster';
import { ClustersController } from './interface/http/clusters.controller';

@Module({})
export class ClustersModule {
  static forRoot(config: ClustersConfig): DynamicModule {
    return {
      module: ClustersModule,
      imports: [
        PlatformModule.forService({
          service: 'clusters',
          config,
          entities: [ClusterEntity],
          migrations: [CreateIndustrialCluster1763900000200],
        }),
      ],
      controllers: [ClustersController],
      providers: [ClustersService],
    };
  }
}
