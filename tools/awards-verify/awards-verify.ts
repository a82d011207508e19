import { parseArgs } from 'node:util';
import { readSource, verifyText } from './verify';

const usage =
  'usage: node -r @swc-node/register tools/awards-verify/awards-verify.ts <result.json | https://…> [--sha256 <hex>]';

// Anyone can check a published bình chọn result: every figure is recomputed from the published score sheets.
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { sha256: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const verdict = verifyText(await readSource(positionals[0]), values.sha256);
  process.stdout.write(`${verdict.lines.join('\n')}\n`);
  return verdict.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`awards-verify: ${error.message}\n${usage}\n`);
    process.exit(2);
  },
);
