import { randomUUID } from 'node:crypto';
import type { FairFiguresView } from '@kc/contracts';
import { business, officer } from '@kc/testing';
import { useReportingContext } from './support/reporting-context';

/** Per-fair figures read the booth projection; the rows are written here as the event handlers write them. */
describe('figures of one fair', () => {
  const { as, db } = useReportingContext('reporting_fair_figures', { consumeEvents: false });
  const fairId = randomUUID();

  beforeAll(async () => {
    await db.query(
      `INSERT INTO fair_projection (fair_id, name, year, scale, region_code, province_code, province_as_of,
         start_date, end_date, booth_count, created_at)
       VALUES ($1, 'Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc 2026', 2026, 'regional', 'north', '01',
         '2026-09-15', '2026-09-15', '2026-09-19', 270, now())`,
      [fairId],
    );
    const booth = (
      province: string,
      booths: number,
      rent: number,
      support: number | null,
      cancelled = false,
    ) =>
      db.query(
        `INSERT INTO booth_projection (registration_id, fair_id, fair_year, facility_tax_code, province_code,
           province_as_of, booth_count, rent_vnd, support_vnd, allocated_at, certified_at, cancelled_at)
         VALUES ($1, $2, 2026, '0100000001', $3, '2026-09-15', $4, $5, $6, now(),
           CASE WHEN $6::bigint IS NULL THEN NULL ELSE now() END, CASE WHEN $7 THEN now() END)`,
        [randomUUID(), fairId, province, booths, rent, support, cancelled],
      );
    await booth('01', 2, 24_000_000, 24_000_000);
    await booth('01', 1, 12_000_000, null);
    await booth('40', 1, 12_000_000, 9_600_000);
    await booth('40', 2, 24_000_000, 24_000_000, true); // cancelled after certification: counts nowhere
  });

  it('counts booths allocated and supported and the support in VND, by province and in total', async () => {
    const reply = await as(business('0100000001')).get<FairFiguresView>(`/api/v1/fairs/${fairId}/figures`);
    expect(reply.status).toBe(200);
    expect(reply.body.provinces).toEqual([
      {
        provinceCode: '01',
        facilities: 2,
        boothsAllocated: 3,
        boothsSupported: 2,
        rentVnd: 36_000_000,
        supportVnd: 24_000_000,
      },
      {
        provinceCode: '40',
        facilities: 1,
        boothsAllocated: 1,
        boothsSupported: 1,
        rentVnd: 12_000_000,
        supportVnd: 9_600_000,
      },
    ]);
    expect(reply.body.totals).toEqual({
      facilities: 3,
      boothsAllocated: 4,
      boothsSupported: 3,
      rentVnd: 48_000_000,
      supportVnd: 33_600_000,
    });
    expect(reply.body.fair).toMatchObject({ id: fairId, year: 2026, scale: 'regional', regionCode: 'north' });
  });

  it('answers 404 for a fair it never heard of', async () => {
    const reply = await as(officer('40')).get(`/api/v1/fairs/${randomUUID()}/figures`);
    expect([reply.status, reply.body.code]).toEqual([404, 'fair.not-found']);
  });
});
