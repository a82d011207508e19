import { bootService } from '@kc/service-testing';
import { TradeFairsModule } from '../../src/app.module';
import { tradeFairsEnvSchema } from '../../src/config/trade-fairs.config';

/** The trade-fairs app under test; its periodic sweeper is off (tests run it when they mean to). */
export const bootTradeFairs = (database: string) =>
  bootService(
    {
      service: 'trade-fairs',
      envSchema: tradeFairsEnvSchema,
      module: (config) => TradeFairsModule.forRoot(config),
      env: { BOOTH_SWEEP_MS: '0' },
    },
    database,
  );
