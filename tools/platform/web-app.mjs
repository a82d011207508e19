// Builds the conference web app (services/conference-web) into dist/conference-web, which the gateway serves
// at `/` (it reads the files once, at boot). Used by `npm start` and the end-to-end setup.
import { join } from 'node:path';
import { paths } from '../../deploy/profiles.mjs';
import { run } from '../../deploy/lib/process.mjs';
import { LauncherError } from '../../deploy/lib/ui.mjs';

export async function buildWebApp() {
  const started = Date.now();
  const vite = join(paths.root, 'node_modules', 'vite', 'bin', 'vite.js');
  const res = await run(
    process.execPath,
    [vite, 'build', '--logLevel', 'warn', '-c', 'services/conference-web/vite.config.mts'],
    { cwd: paths.root },
  );
  if (res.code !== 0) {
    throw new LauncherError('the conference web app did not build', {
      hint: `${res.stderr || res.stdout}`.trim().split('\n').slice(-8).join('\n  '),
    });
  }
  return Date.now() - started;
}
