import 'reflect-metadata';
import { bootstrapService } from '@kc/http';
import { AwardsModule } from './app.module';
import { loadAwardsConfig } from './config/awards.config';

const config = loadAwardsConfig();
void bootstrapService(AwardsModule.forRoot(config), {
  service: 'awards',
  port: config.PORT,
  host: config.HOST,
  brokers: config.KAFKA_BROKERS,
});
