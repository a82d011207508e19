import 'reflect-metadata';
import { bootstrapService } from '@kc/http';
import { TradeFairsModule } from './app.module';
import { loadTradeFairsConfig } from './config/trade-fairs.config';

const config = loadTradeFairsConfig();
void bootstrapService(TradeFairsModule.forRoot(config), {
  service: 'trade-fairs',
  port: config.PORT,
  host: config.HOST,
  brokers: config.KAFKA_BROKERS,
  consumesEvents: true,
});
