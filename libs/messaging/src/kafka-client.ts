import { Kafka, logLevel, type LogEntry } from 'kafkajs';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

/** kafkajs logs through the process's JSON log stream, only warnings and errors. */
function logCreator() {
  return ({ namespace, level, log }: LogEntry) => {
    if (level > logLevel.WARN) return;
    const { message, ...extra } = log;
    const line = {
      level: level === logLevel.ERROR ? 50 : 40,
      time: Date.now(),
      component: `kafkajs:${namespace}`,
      msg: message,
      ...extra,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  };
}

export function createKafka({ brokers, clientId }: KafkaConnection): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    logCreator,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}
