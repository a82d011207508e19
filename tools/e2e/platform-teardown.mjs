import { getProfile } from '../../deploy/profiles.mjs';
import { stopServices } from './platform-setup.mjs';

// The broker and databases stay up for the next run; the proxy and the service processes go.
export default async function stopPlatformAfterE2e() {
  await globalThis.conformanceProxy?.close();
  await stopServices(getProfile('test'));
}
