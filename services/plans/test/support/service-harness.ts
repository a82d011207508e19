import { DataSource } from 'typeorm';
import { KafkaEventServer } from '@kc/messaging';
import { bootService, createTopics, testInfrastructure, testKafka, uniqueName } from '@kc/testing';
import { PlansModule } from '../../src/app.module';
import { plansEnvSchema } from '../../src/config/plans.config';

const PROJECT_EVENTS = 'projects.project.events';

/**
 * The plans app under test, fed by the real projects topic through its real consumer (the Kafka transport,
 * the inbox and the @EventPattern handlers) under a consumer group of its own, so that a test run never
 * shares offsets with the service or another run.
 */
export async function bootPlans(database: string) {
  const booted = await bootService(
    { service: 'plans', envSchema: plansEnvSchema, module: (config) => PlansModule.forRoot(config) },
    database,
  );
  const group = uniqueName('plans-test');
  // Its dead-letter topic, where a message the handlers refuse would be parked.
  await createTopics(testKafka(), [`${PROJECT_EVENTS}.${group}.dlt`]).catch(() => undefined);
  booted.app.connectMicroservice(
    {
      strategy: new KafkaEventServer({
        service: group,
        brokers: testInfrastructure().brokers,
        dataSource: booted.app.get(DataSource),
      }),
    },
    { inheritAppConfig: true },
  );
  await booted.app.startAllMicroservices();
  return booted;
}
