import { getProfile } from '../../deploy/profiles.mjs';
import { stopServices } from './platform-setup.mjs';

// The broker and databases stay up for the next run; the service processes go.
export default async function stopPlatformAfterE2e() {
  await stopServices(getProfile('test'));
}
