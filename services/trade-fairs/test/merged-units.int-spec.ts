import type { ContractDataView, FairView, Page, Principal, RegistrationView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { registrationBody } from './support/fair-givens';
import { useTradeFairsContext } from './support/trade-fairs-context';

/**
 * Fair, registration and contract data lists after the 2025 reorganisation: Hải Dương (30) went into Hải
 * Phòng (31), so a filter by 31 takes in 30's records (unitAsOf=recorded: the literal code only), and 31's
 * officer sees them.
 */
describe('trade fair lists of a unit merged on 2025-07-01', () => {
  const { as, createFair, addBooths, book } = useTradeFairsContext('trade_fairs_merged_units');
  let fair2018: string;
  const provincialFair = async (provinceCode: string, startDate: string) =>
    (
      await createFair({
        name: `Hội chợ hàng công nghiệp nông thôn tiêu biểu ${startDate.slice(0, 4)} (${provinceCode})`,
        year: Number(startDate.slice(0, 4)),
        scale: 'provincial',
        regionCode: undefined,
        provinceCode,
        startDate,
        endDate: startDate,
        boothCount: 4,
      })
    ).id;
  const bamboo = (taxCode: string, provinceCode: string) =>
    registrationBody(taxCode, provinceCode, {
      facility: { legalForm: 'cooperative' },
      products: [{ name: 'Mây tre đan' }],
    });
  const fairs = async (query: string) => {
    const reply = await as(central).get<Page<FairView>>(`/api/v1/fairs?${query}`);
    return reply.status === 200 ? reply.body.items.map((f) => f.provinceCode).sort() : reply.status;
  };
  const registrations = async (query: string, by: Principal = central) => {
    const reply = await as(by).get<Page<RegistrationView>>(
      `/api/v1/fairs/${fair2018}/registrations?${query}`,
    );
    return reply.status === 200 ? reply.body.items.map((r) => r.facility.provinceCode).sort() : reply.status;
  };

  beforeAll(async () => {
    fair2018 = await provincialFair('30', '2018-05-10');
    await provincialFair('31', '2026-05-10');
    await addBooths(fair2018, 3, (i) => ({
      code: `B-00${i + 1}`,
      hall: 'Nhà B',
      zone: 'Mây tre đan',
      rentVnd: 10_000_000,
    }));
    await book(fair2018, bamboo('0800000001', '30'));
    await book(fair2018, bamboo('0200000002', '31'));
    await book(fair2018, bamboo('0100000003', '01'));
  });

  it("lists the fairs hosted by the predecessors under today's unit, or the literal code when asked", async () => {
    expect(await fairs('provinceCode=31')).toEqual(['30', '31']);
    expect(await fairs('provinceCode=31&unitAsOf=recorded')).toEqual(['31']);
    expect(await fairs('provinceCode=31&unitAsOf=then')).toBe(400);
  });

  it("lists the predecessors' registrations for today's unit and its officer, never another unit's", async () => {
    expect(await registrations('provinceCode=31')).toEqual(['30', '31']);
    expect(await registrations('provinceCode=31&unitAsOf=recorded')).toEqual(['31']);
    expect(await registrations('', officer('31'))).toEqual(['30', '31']);
    expect(await registrations('provinceCode=30', officer('31'))).toEqual(['30']);
    expect(await registrations('', officer('01'))).toEqual(['01']);
    expect(await registrations('provinceCode=30', officer('01'))).toBe(403);
  });

  it("gives today's unit's contract data with its predecessors' lines", async () => {
    const data = await as(officer('31')).get<ContractDataView>(`/api/v1/fairs/${fair2018}/contract-data`);
    expect(data.status).toBe(200);
    expect([data.body.provinceCode, data.body.provinceCodes]).toEqual(['31', ['30', '31']]);
    expect(data.body.lines.map((l) => l.provinceCode)).toEqual(['30', '31']);
    const recorded = await as(central).get<ContractDataView>(
      `/api/v1/fairs/${fair2018}/contract-data?provinceCode=31&unitAsOf=recorded`,
    );
    expect(recorded.body.lines.map((l) => l.provinceCode)).toEqual(['31']);
  });
});
