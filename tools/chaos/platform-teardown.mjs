// Prints every scenario's figures together, then stops the chaos profile (services, broker, Postgres, Redis).
import { readFileSync } from 'node:fs';
import { FIGURES_FILE, down } from './platform.mjs';

export default async function stopChaosPlatform() {
  let figures = '';
  try {
    figures = readFileSync(FIGURES_FILE, 'utf8').trim();
  } catch {
    // no scenario ran
  }
  if (figures) process.stdout.write(`\nChaos figures (also in ${FIGURES_FILE}):\n${figures}\n`);
  await down();
}
