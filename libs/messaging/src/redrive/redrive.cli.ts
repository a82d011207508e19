import { parseArgs } from 'node:util';
import { createKafka } from '../kafka-client';
import { redriveDeadLetters } from './redrive';

// npm run redrive -- --topic plans.plan.events --group reporting [--brokers 127.0.0.1:9092] [--dry-run]
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      topic: { type: 'string' },
      group: { type: 'string' },
      brokers: { type: 'string', default: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.topic || !values.group) {
    process.stderr.write(
      'usage: npm run redrive -- --topic <topic> --group <consumer group> [--brokers h:p] [--dry-run]\n',
    );
    process.exit(2);
  }
  const kafka = createKafka({ brokers: values.brokers!.split(','), clientId: 'redrive' });
  const report = await redriveDeadLetters({
    kafka,
    topic: values.topic,
    group: values.group,
    dryRun: values['dry-run'],
  });
  const verb = values['dry-run'] ? 'would replay' : 'replayed';
  process.stdout.write(
    `${verb} ${report.replayed} dead letter(s) from ${values.topic} for ${values.group}\n`,
  );
  for (const s of report.skipped) process.stdout.write(`left in place: offset ${s.offset} (${s.reason})\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`redrive failed: ${error.message}\n`);
  process.exit(1);
});
