import 'reflect-metadata';
import { bootstrapService } from '@kc/http';
import { ClustersModule } from './app.module';
import { loadClustersConfig } from './config/clusters.config';

const config = loadClustersConfig();
void bootstrapService(ClustersModule.forRoot(config), {
  service: 'clusters',
  port: config.PORT,
  host: config.HOST,
  brokers: config.KAFKA_BROKERS,
  consumesEvents: true,
});
