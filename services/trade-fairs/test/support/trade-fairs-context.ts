import { bootService, useServiceContext } from '@kc/service-testing';
import { TradeFairsModule } from '../../src/app.module';
import { tradeFairsEnvSchema } from '../../src/config/trade-fairs.config';
import { fairGivens } from './fair-givens';

/**
 * The trade-fairs service booted for the describe it is called in, its database, callers and the givens of a
 * fair; its periodic sweeper is off (tests run it when they mean to).
 */
export const useTradeFairsContext = (database: string) =>
  useServiceContext(
    () =>
      bootService(
        {
          service: 'trade-fairs',
          envSchema: tradeFairsEnvSchema,
          module: (config) => TradeFairsModule.forRoot(config),
          env: { BOOTH_SWEEP_MS: '0' },
        },
        database,
      ),
    (context) => fairGivens(context.as),
  );
