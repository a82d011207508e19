import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAsyncApi } from './build-asyncapi';

// Regenerates the checked-in document after a contract change: npm run asyncapi
const target = join(__dirname, '..', '..', 'asyncapi.json');
writeFileSync(target, `${JSON.stringify(buildAsyncApi(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
