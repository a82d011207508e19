// Jest global setup for integration tests: the test profile's infrastructure up, its addresses in the env.
import { infraUp } from '../../../deploy/launcher.mjs';
import { getProfile } from '../../../deploy/profiles.mjs';

export default async function setUpTestInfrastructure() {
  await infraUp('test', { quiet: true });
  const profile = getProfile('test');
  process.env.KC_TEST_PG_URL = profile.postgres.url;
  process.env.KC_TEST_KAFKA_BROKERS = profile.kafka.brokers;
  process.env.KC_TEST_REDIS_URL = profile.redis.url;
}
