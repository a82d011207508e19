import 'reflect-metadata';
import { bootstrapService } from '@kc/http';
import { TradeFairsModule } from './app.module';
import { loadTradeFairsConfig } from './config/trade-fairs.config';
import { startConsumerWhenBrokerAnswers } from './interface/events/start-consumer';

const config = loadTradeFairsConfig();
// The consumer (awards.certificate.events) is started here rather than by `consumesEvents`, which ends the
// process when the broker is unreachable at boot: see startConsumerWhenBrokerAnswers.
void bootstrapService(TradeFairsModule.forRoot(config), {
  service: 'trade-fairs',
  port: config.PORT,
  host: config.HOST,
  brokers: config.KAFKA_BROKERS,
}).then((app) =>
  startConsumerWhenBrokerAnswers(app, { service: 'trade-fairs', brokers: config.KAFKA_BROKERS }),
);
