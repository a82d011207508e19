// A relay in its own process, so a test can kill it with SIGKILL at an arbitrary moment.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createKafka, OutboxRelay } from '../../src';

async function main() {
  const url = process.env['DATABASE_URL']!;
  const dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  const kafka = createKafka({ brokers: process.env['KAFKA_BROKERS']!.split(','), clientId: 'relay-child' });
  const relay = new OutboxRelay(dataSource, kafka, { databaseUrl: url, pollMs: 20, batchSize: 5 });
  await relay.start();
  process.stdout.write('started\n');
}

void main();
