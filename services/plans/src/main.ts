import 'reflect-metadata';
import { bootstrapService } from '@kc/http';
import { PlansModule } from './app.module';
import { loadPlansConfig } from './config/plans.config';

const config = loadPlansConfig();
void bootstrapService(PlansModule.forRoot(config), {
  service: 'plans',
  port: config.PORT,
  host: config.HOST,
  brokers: config.KAFKA_BROKERS,
  consumesEvents: true,
});
