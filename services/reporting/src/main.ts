import 'reflect-metadata';
import { bootstrapService } from '@kc/http';
import { ReportingModule } from './app.module';
import { loadReportingConfig } from './config/reporting.config';

const config = loadReportingConfig();
void bootstrapService(ReportingModule.forRoot(config), {
  service: 'reporting',
  port: config.PORT,
  host: config.HOST,
  brokers: config.KAFKA_BROKERS,
  consumesEvents: true,
});
