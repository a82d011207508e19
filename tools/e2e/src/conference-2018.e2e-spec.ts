import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ConferenceReport, WatchlistPage } from '@kc/contracts';
import { eventually } from '@kc/testing';
import { as, gatewayUrl } from './gateway-client';

// The demo data's 2018 national plan, loaded through the gateway by the seed itself (the platform setup starts
// from empty databases), must reproduce the published figures in the national conference view.
const SEED = join(__dirname, '../../seed/demo-data.mjs');
const run = promisify(execFile);

describe('the 2018 national plan in the conference view', () => {
  beforeAll(async () => {
    await run(process.execPath, [SEED, '--gateway', gatewayUrl(), '--plans', 'national-2018'], {
      timeout: 900_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  }, 960_000);

  it('shows 120 billion VND allocated to 262 projects, 99.6% completed', async () => {
    const viewer = await as('xem');
    const report = await eventually(
      async () => {
        const reply = await viewer.get<ConferenceReport>('/api/v1/conferences/national?year=2018');
        const t = reply.body.totals;
        // Projections follow the events: wait until the last settlements and the allocations are in.
        return t?.projects === 262 && t.projectsCompleted === 261 && t.allocatedVnd === 120_000_000_000
          ? reply.body
          : undefined;
      },
      120_000,
      500,
    );
    expect(report.totals).toMatchObject({
      nationalPlans: 1,
      nationalPlanBudgetVnd: 120_000_000_000,
      projects: 262,
      projectsInPlan: 262,
      projectsCompleted: 261,
      completionPercent: 99.6,
      allocatedVnd: 120_000_000_000,
    });
    expect(report.totals.projectsByStatus.extended).toBe(1);
    // Rolled up from the 63 units of 2018 to today's 34, and shown under the 63 with grouping=historical.
    expect(report.units).toHaveLength(34);
    expect(report.units.reduce((n, u) => n + u.projects, 0)).toBe(262);
    const historical = await viewer.get<ConferenceReport>(
      '/api/v1/conferences/national?year=2018&grouping=historical',
    );
    expect(historical.body.units).toHaveLength(63);
    expect(historical.body.units.every((u) => u.projects >= 2)).toBe(true);
    expect(historical.body.totals.completionPercent).toBe(99.6);
  }, 180_000);

  it('puts the 2018 projects not yet settled on the watchlist, the extended one with its missing reports', async () => {
    const agency = await as('cuc.canbo');
    const page = await eventually(async () => {
      const reply = await agency.get<WatchlistPage>('/api/v1/watchlist?year=2018&limit=200');
      return reply.status === 200 && reply.body.items.some((i) => i.status === 'extended')
        ? reply.body
        : undefined;
    });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.planYear).toBe(2018);
      expect(item.status).not.toBe('settled');
      expect(item.flags.find((f) => f.code === 'settlement-deadline')).toMatchObject({ severity: 'overdue' });
    }
    const extended = page.items.find((i) => i.status === 'extended')!;
    expect(extended.flags.map((f) => f.code)).toContain('missing-report');
    expect(extended.flags.find((f) => f.code === 'settlement-deadline')!.reasonVi).toMatch(
      /^Quá hạn quyết toán 22\/01\/2020/,
    );

    // A province officer sees only the projects of their own unit (today's unit holding the 2018 one).
    const unit = extended.unitCode;
    const officer = await as(`sct.${unit}`);
    const own = await officer.get<WatchlistPage>('/api/v1/watchlist?year=2018&limit=200');
    expect(own.status).toBe(200);
    expect(own.body.items.map((i) => i.projectId)).toContain(extended.projectId);
    expect(own.body.items.every((i) => i.unitCode === unit)).toBe(true);
    const other = unit === '01' ? '79' : '01';
    expect((await officer.get(`/api/v1/watchlist?provinceCode=${other}`)).status).toBe(403);
    expect((await (await as('xem')).get('/api/v1/watchlist')).status).toBe(403);
  });
});
