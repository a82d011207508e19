import type { AwardRoundView, Principal } from '@kc/contracts';
import { bootService, useServiceContext, type ServiceContext } from '@kc/service-testing';
import { central } from '@kc/testing';
import { AwardsModule } from '../../src/app.module';
import { awardsEnvSchema } from '../../src/config/awards.config';
import { awardGivens } from './award-givens';

/** The national round of `year`; override what the test is about (a key set to undefined is left out). */
export const roundBody = (year: number, overrides: Record<string, unknown> = {}) => ({
  name: `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu năm ${year}`,
  year,
  level: 'national',
  ...overrides,
});

function awardsGivens({ as }: ServiceContext) {
  return {
    ...awardGivens(as),
    /** A round opened by `by` (the agency unless told) from `roundBody(year, overrides)`: its view. */
    async openRound(
      year: number,
      overrides: Record<string, unknown> = {},
      by: Principal = central,
    ): Promise<AwardRoundView> {
      const reply = await as(by).post<AwardRoundView>('/api/v1/award-rounds', roundBody(year, overrides));
      expect([reply.status, reply.body.code]).toEqual([201, undefined]);
      return reply.body;
    },
  };
}

/** The awards service booted for the describe it is called in, its database, callers and givens. */
export const useAwardsContext = (database: string) =>
  useServiceContext(
    () =>
      bootService(
        { service: 'awards', envSchema: awardsEnvSchema, module: (config) => AwardsModule.forRoot(config) },
        database,
      ),
    awardsGivens,
  );
