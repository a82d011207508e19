import { bootService, consumeFromEnd } from '@kc/service-testing';
import { TOPICS } from '@kc/contracts';
import { PlansModule } from '../../src/app.module';
import { plansEnvSchema } from '../../src/config/plans.config';

/** The plans app under test, fed by the real projects topic through its real consumer. */
export async function bootPlans(database: string) {
  const booted = await bootService(
    { service: 'plans', envSchema: plansEnvSchema, module: (config) => PlansModule.forRoot(config) },
    database,
  );
  await consumeFromEnd(booted, [TOPICS.projectEvents.name]);
  return booted;
}
