import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The conference web app. The gateway serves the build from dist/conference-web at `/`; `vite` (nx serve
 * conference-web) serves it on :4200 with /api proxied to the dev gateway, so the session cookies stay first-party.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/conference-web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 4200, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
