import type { AwardRoundView, Page, Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useAwardsContext } from './support/awards-context';

/**
 * Award round lists after the 2025 reorganisation: Hải Dương (30) went into Hải Phòng (31), so a filter by 31
 * takes in 30's rounds (unitAsOf=recorded: the literal code only), and 31's officer sees them.
 */
describe('award round lists of a unit merged on 2025-07-01', () => {
  const { as, openRound } = useAwardsContext('kc_it_awards_merged_units');
  const ids: Record<string, string> = {};
  const rounds = async (query: string, by: Principal = central) => {
    const reply = await as(by).get<Page<AwardRoundView>>(`/api/v1/award-rounds?${query}`);
    return reply.status === 200
      ? reply.body.items.map((r) => r.provinceCode ?? r.level).sort()
      : reply.status;
  };

  beforeAll(async () => {
    for (const code of ['30', '31', '01']) {
      ids[code] = (await openRound(2018, { level: 'provincial', provinceCode: code })).id;
    }
    ids['national'] = (await openRound(2018)).id;
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
    expect((await as(officer('31')).get(`/api/v1/award-rounds/${ids['30']}`)).status).toBe(200);
    expect(await rounds('', officer('01'))).toEqual(['01', 'national']);
    expect(await rounds('provinceCode=30', officer('01'))).toBe(403);
    expect((await as(officer('01')).get(`/api/v1/award-rounds/${ids['30']}`)).status).toBe(404);
  });
});
