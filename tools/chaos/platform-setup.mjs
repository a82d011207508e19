// Starts the chaos profile's platform on a clean slate (broker, databases and Redis wiped) and tells the
// scenarios where it is.
import { FIGURES_FILE, chaosProfile, up } from './platform.mjs';

export default async function startChaosPlatform() {
  await up();
  const profile = chaosProfile();
  process.env.KC_CHAOS_GATEWAY_URL = profile.services.find((s) => s.name === 'gateway').url;
  process.env.KC_CHAOS_PG_URL = profile.postgres.url;
  process.env.KC_CHAOS_HEALTH_URLS = profile.services.map((s) => s.url).join(',');
  process.env.KC_CHAOS_FIGURES = FIGURES_FILE;
}
