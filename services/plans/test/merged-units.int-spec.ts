import type { FundingNormView, Page, PlanView, Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { usePlansContext } from './support/plans-context';

/**
 * Plan and funding norm lists after the 2025 reorganisation: Hải Dương (30) went into Hải Phòng (31), so a
 * filter by 31 takes in 30's records (unitAsOf=recorded: the literal code), and 31's officer sees them.
 */
describe('plan lists of a unit merged on 2025-07-01', () => {
  const { as, createPlan } = usePlansContext('kc_it_plans_merged_units');
  const ids: Record<string, string> = {};
  const plans = async (query: string, by: Principal = central) => {
    const reply = await as(by).get<Page<PlanView>>(`/api/v1/plans?${query}`);
    return reply.status === 200 ? reply.body.items.map((p) => p.provinceCode).sort() : reply.status;
  };
  const norms = async (query: string, by: Principal = central) => {
    const reply = await as(by).get<FundingNormView[]>(`/api/v1/funding-norms?${query}`);
    return reply.status === 200
      ? reply.body.filter((n) => n.provinceCode !== null).map((n) => n.provinceCode)
      : reply.status;
  };

  beforeAll(async () => {
    for (const [code, year] of [
      ['30', 2018],
      ['31', 2018],
      ['31', 2026],
      ['01', 2018],
    ] as const) {
      const plan = await createPlan({
        year,
        level: 'provincial',
        provinceCode: code,
        budgetVnd: 2_000_000_000,
        registrationDeadline: `${year - 1}-09-30`,
      });
      ids[`${code}-${year}`] = plan.id;
    }
    const norm = await as(central).post('/api/v1/funding-norms', {
      code: 'hai-duong-model',
      provinceCode: '30',
      nameVi: 'Định mức mô hình trình diễn của tỉnh Hải Dương',
      nameEn: 'Hải Dương demonstration model norm',
      activityContent: 3,
      legalBasis: 'Nghị quyết HĐND tỉnh Hải Dương (thử nghiệm)',
      validFrom: '2018-01-01',
      maxPercentBp: 5000,
      unit: 'mô hình',
      verified: false,
    });
    expect(norm.status).toBe(201);
  });

  it("lists the predecessors' plans under today's unit, or the literal code when asked", async () => {
    expect(await plans('provinceCode=31&year=2018')).toEqual(['30', '31']);
    expect(await plans('provinceCode=31&year=2018&unitAsOf=recorded')).toEqual(['31']);
    expect(await plans('provinceCode=30')).toEqual(['30']);
    expect(await plans('provinceCode=31&unitAsOf=sometime')).toBe(400);
  });

  it("shows today's unit's officer its predecessors' plans, never another unit's", async () => {
    expect(await plans('level=provincial', officer('31'))).toEqual(['30', '31', '31']);
    expect(await plans('provinceCode=30', officer('31'))).toEqual(['30']);
    expect((await as(officer('31')).get(`/api/v1/plans/${ids['30-2018']}`)).status).toBe(200);
    expect(await plans('level=provincial', officer('01'))).toEqual(['01']);
    expect(await plans('provinceCode=30', officer('01'))).toBe(403);
    expect((await as(officer('01')).get(`/api/v1/plans/${ids['30-2018']}`)).status).toBe(404);
  });

  it("lists a predecessor's own funding norms with today's unit's", async () => {
    expect(await norms('asOf=2020-01-01&provinceCode=31')).toEqual(['30']);
    expect(await norms('asOf=2020-01-01&provinceCode=31&unitAsOf=recorded')).toEqual([]);
    expect(await norms('asOf=2020-01-01', officer('31'))).toEqual(['30']);
    expect(await norms('asOf=2020-01-01', officer('01'))).toEqual([]);
  });
});
