import 'reflect-metadata';
import { bootstrapService } from '@kc/http';
import { ProjectsModule } from './app.module';
import { loadProjectsConfig } from './config/projects.config';

const config = loadProjectsConfig();
void bootstrapService(ProjectsModule.forRoot(config), {
  service: 'projects',
  port: config.PORT,
  host: config.HOST,
  brokers: config.KAFKA_BROKERS,
  consumesEvents: true,
});
