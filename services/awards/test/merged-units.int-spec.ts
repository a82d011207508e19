import { serviceEnvSchema } from '@kc/config';
import type { AwardRoundView, Page, Principal } from '@kc/contracts';
import { bootService, type BootedService } from '@kc/service-testing';
import { central, officer } from '@kc/testing';
import { AwardsModule } from '../src/app.module';

/**
 * Award round lists after the 2025 reorganisation: Hải Dương (30) went into Hải Phòng (31), so a filter by 31
 * takes in 30's rounds (unitAsOf=recorded: the literal code only), and 31's officer sees them.
 */
describe('award round lists of a unit merged on 2025-07-01', () => {
  let service: BootedService;
  const ids: Record<string, string> = {};
  const rounds = async (query: string, by: Principal = central) => {
    const reply = await service.as<Page<AwardRoundView>>(by, 'GET', `/api/v1/award-rounds?${query}`);
    return reply.status === 200
      ? reply.body.items.map((r) => r.provinceCode ?? r.level).sort()
      : reply.status;
  };

  beforeAll(async () => {
    service = await bootService(
      { service: 'awards', envSchema: serviceEnvSchema, module: (config) => AwardsModule.forRoot(config) },
      'kc_it_awards_merged_units',
    );
    for (const [code, year] of [
      ['30', 2018],
      ['31', 2018],
      ['01', 2018],
      [null, 2018],
    ] as const) {
      const reply = await service.as<AwardRoundView>(central, 'POST', '/api/v1/award-rounds', {
        name: `Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu năm ${year}`,
        year,
        ...(code ? { level: 'provincial', provinceCode: code } : { level: 'national' }),
      });
      expect(reply.status).toBe(201);
      ids[code ?? 'national'] = reply.body.id;
    }
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it("lists the predecessors' rounds under today's unit, or the literal code when asked", async () => {
    expect(await rounds('provinceCode=31')).toEqual(['30', '31']);
    expect(await rounds('provinceCode=31&unitAsOf=recorded')).toEqual(['31']);
    expect(await rounds('provinceCode=30')).toEqual(['30']);
    expect(await rounds('provinceCode=31&unitAsOf=then')).toBe(400);
  });

  it("shows today's unit's officer its predecessors' rounds, never another unit's officer", async () => {
    expect(await rounds('', officer('31'))).toEqual(['30', '31', 'national']);
    expect(await rounds('provinceCode=30', officer('31'))).toEqual(['30']);
    expect((await service.as(officer('31'), 'GET', `/api/v1/award-rounds/${ids['30']}`)).status).toBe(200);
    expect(await rounds('', officer('01'))).toEqual(['01', 'national']);
    expect(await rounds('provinceCode=30', officer('01'))).toBe(403);
    expect((await service.as(officer('01'), 'GET', `/api/v1/award-rounds/${ids['30']}`)).status).toBe(404);
  });
});
