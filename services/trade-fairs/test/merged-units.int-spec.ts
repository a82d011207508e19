import type { ContractDataView, FairView, Page, Principal, RegistrationView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { client, type BootedService } from '@kc/service-testing';
import { bootTradeFairs } from './support/service-harness';

/**
 * Fair, registration and contract data lists after the 2025 reorganisation: Hải Dương (30) went into Hải
 * Phòng (31), so a filter by 31 takes in 30's records (unitAsOf=recorded: the literal code only), and 31's
 * officer sees them.
 */
describe('trade fair lists of a unit merged on 2025-07-01', () => {
  let service: BootedService;
  let fair2018: string;
  const as = <T = Record<string, unknown>>(...args: Parameters<BootedService['as']>) =>
    service.as<T>(...args);
  const createFair = async (provinceCode: string, startDate: string) => {
    const reply = await as<FairView>(central, 'POST', '/api/v1/fairs', {
      name: `Hội chợ hàng công nghiệp nông thôn tiêu biểu ${startDate.slice(0, 4)} (${provinceCode})`,
      year: Number(startDate.slice(0, 4)),
      scale: 'provincial',
      provinceCode,
      startDate,
      endDate: startDate,
      boothCount: 4,
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect([reply.status, reply.body]).toEqual([201, expect.anything()]);
    return reply.body.id;
  };
  const book = async (taxCode: string, provinceCode: string) => {
    const held = await client(service.url)<RegistrationView>(
      'POST',
      `/api/v1/fairs/${fair2018}/registrations`,
      {
        token: await service.tokenFor(central),
        headers: { 'idempotency-key': `book-${fair2018}-${taxCode}` },
        body: {
          facility: { taxCode, name: `Cơ sở mây tre đan ${taxCode}`, provinceCode, legalForm: 'cooperative' },
          products: [{ name: 'Mây tre đan' }],
          boothCount: 1,
        },
      },
    );
    expect([held.status, held.body]).toEqual([201, expect.objectContaining({ state: 'held' })]);
    const confirmed = await as(
      central,
      'POST',
      `/api/v1/fairs/${fair2018}/registrations/${held.body.id}/confirm`,
    );
    expect(confirmed.status).toBe(200);
  };
  const fairs = async (query: string) => {
    const reply = await as<Page<FairView>>(central, 'GET', `/api/v1/fairs?${query}`);
    return reply.status === 200 ? reply.body.items.map((f) => f.provinceCode).sort() : reply.status;
  };
  const registrations = async (query: string, by: Principal = central) => {
    const reply = await as<Page<RegistrationView>>(
      by,
      'GET',
      `/api/v1/fairs/${fair2018}/registrations?${query}`,
    );
    return reply.status === 200 ? reply.body.items.map((r) => r.facility.provinceCode).sort() : reply.status;
  };

  beforeAll(async () => {
    service = await bootTradeFairs('trade_fairs_merged_units');
    fair2018 = await createFair('30', '2018-05-10');
    await createFair('31', '2026-05-10');
    await as(central, 'POST', `/api/v1/fairs/${fair2018}/booths`, {
      booths: [0, 1, 2].map((i) => ({
        code: `B-00${i + 1}`,
        hall: 'Nhà B',
        zone: 'Mây tre đan',
        rentVnd: 10_000_000,
        layout: { x: i * 3, y: 0, w: 3, h: 3 },
      })),
    });
    await book('0800000001', '30');
    await book('0200000002', '31');
    await book('0100000003', '01');
  }, 120_000);

  afterAll(async () => {
    await service?.close();
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
    const data = await as<ContractDataView>(officer('31'), 'GET', `/api/v1/fairs/${fair2018}/contract-data`);
    expect(data.status).toBe(200);
    expect([data.body.provinceCode, data.body.provinceCodes]).toEqual(['31', ['30', '31']]);
    expect(data.body.lines.map((l) => l.provinceCode)).toEqual(['30', '31']);
    const recorded = await as<ContractDataView>(
      central,
      'GET',
      `/api/v1/fairs/${fair2018}/contract-data?provinceCode=31&unitAsOf=recorded`,
    );
    expect(recorded.body.lines.map((l) => l.provinceCode)).toEqual(['31']);
  });
});
