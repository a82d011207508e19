import { randomUUID } from 'node:crypto';
import type { ConferenceReport, WatchlistPage } from '@kc/contracts';
import { central, eventually, officer } from '@kc/testing';
import { vietnamDate } from '@kc/reference-data';
import { useReportingContext } from './support/reporting-context';
import { DAY_MS, daysAgo, envelope, projectEventsOf, TO_PLAN } from './support/reporting-events';

// A year no other test uses, so the figures below are this file's alone even on the shared broker.
const YEAR = 2087;
const PLANS = 'plans.plan.events';
const PROJECTS = 'projects.project.events';
const monthOf = (isoDate: string) => isoDate.slice(0, 7);

const planId = randomUUID();
const ids = { ngheAn: randomUUID(), haNoi: randomUUID(), hcm: randomUUID() };
const { project, registered, walk, contracted, disbursed } = projectEventsOf({ planId, year: YEAR });

describe('reporting fed by the plans and projects events', () => {
  const { as, publish } = useReportingContext('reporting_project_figures');
  const reportedMonth = monthOf(daysAgo(70));

  beforeAll(async () => {
    await publish(
      PLANS,
      envelope('plans.plan.created', 1, planId, null, {
        planId,
        name: `Kế hoạch khuyến công quốc gia năm ${YEAR}`,
        year: YEAR,
        level: 'national',
        provinceCode: null,
        budgetVnd: 5_000_000_000,
      }),
      envelope('plans.plan.ceiling-set', 1, planId, null, {
        planId,
        planYear: YEAR,
        fundingSource: 'KCQG',
        ceilingVnd: 6_000_000_000,
        decisionNumber: `125/QĐ-BCT`,
        signedOn: daysAgo(150),
      }),
    );

    // Nghệ An: contracted 100 days ago, one late report of 10% two months back, an advance drawn.
    const { ngheAn, haNoi, hcm } = ids;
    await publish(
      PROJECTS,
      // The creation of the draft comes before the registration: a draft is not reported.
      envelope('projects.project.status-changed', 1, ngheAn, '40', {
        ...project(ngheAn, '40'),
        from: null,
        to: 'draft',
        action: 'create',
        at: new Date().toISOString(),
      }),
      // As the projects service publishes a registration: the step first, then the facts.
      ...walk(ngheAn, '40', ['draft', 'registered']),
      registered(ngheAn, '40', 1),
      ...walk(ngheAn, '40', TO_PLAN),
      envelope('projects.project.appraised', 1, ngheAn, '40', {
        ...project(ngheAn, '40'),
        appraisalId: randomUUID(),
        level: 'ministry',
        result: 'passed',
        appraisedSupportVnd: 850_000_000,
        reviewer: 'Cục Công Thương địa phương',
        appraisedOn: daysAgo(110),
      }),
      contracted(ngheAn, '40', 800_000_000),
      ...walk(ngheAn, '40', ['in-plan', 'contracted', 'in-progress']),
      envelope('projects.progress.reported', 1, ngheAn, '40', {
        ...project(ngheAn, '40'),
        reportId: randomUUID(),
        month: reportedMonth,
        percentDone: 10,
        spentVnd: 50_000_000,
        receivedAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
        late: true,
      }),
      disbursed(ngheAn, '40', 'advance', 400_000_000, 400_000_000),
    );
    // Hà Nội: done and settled. Hồ Chí Minh: stopped, its allocation given back.
    await publish(
      PROJECTS,
      registered(haNoi, '01', 1),
      ...walk(haNoi, '01', ['registered', ...TO_PLAN.slice(1)]),
      contracted(haNoi, '01', 300_000_000),
      ...walk(haNoi, '01', ['in-plan', 'contracted', 'in-progress', 'accepted', 'liquidated']),
      disbursed(haNoi, '01', 'payment', 300_000_000, 300_000_000),
      envelope('projects.project.settled', 1, haNoi, '01', {
        ...project(haNoi, '01'),
        settledVnd: 295_000_000,
        settledOn: daysAgo(5),
        late: false,
      }),
      ...walk(haNoi, '01', ['liquidated', 'settled']),
      registered(hcm, '79', 1),
      ...walk(hcm, '79', ['registered', ...TO_PLAN.slice(1), 'stopped']),
      envelope('projects.project.stopped', 1, hcm, '79', {
        ...project(hcm, '79'),
        fundingSource: 'KCQG',
        decisionNumber: '77/QĐ-BCT',
        stoppedOn: daysAgo(3),
        reason: 'Đơn vị thụ hưởng không còn đủ điều kiện',
        allocatedVnd: 200_000_000,
        paidVnd: 0,
        unspentVnd: 200_000_000,
      }),
    );
    // The decision travels on the plans topic, in no order with the projects' own events.
    await publish(
      PLANS,
      envelope('plans.assignment.decided', 1, planId, null, {
        decisionId: randomUUID(),
        planId,
        planYear: YEAR,
        number: `126/QĐ-BCT`,
        signedOn: daysAgo(105),
        kind: 'initial',
        allocations: [
          {
            projectId: ngheAn,
            provinceCode: '40',
            fundingSource: 'KCQG',
            amountVnd: 850_000_000,
            previousVnd: 0,
          },
          {
            projectId: haNoi,
            provinceCode: '01',
            fundingSource: 'KCQG',
            amountVnd: 300_000_000,
            previousVnd: 0,
          },
          {
            projectId: hcm,
            provinceCode: '79',
            fundingSource: 'KCQG',
            amountVnd: 200_000_000,
            previousVnd: 0,
          },
        ],
      }),
    );
  }, 120_000);

  it("shows each project's money and stage in its unit, and the year's completion in the totals", async () => {
    const report = await eventually(async () => {
      const reply = await as(central).get<ConferenceReport>(`/api/v1/conferences/national?year=${YEAR}`);
      const t = reply.body.totals;
      return t?.projectsByStatus?.settled === 1 &&
        t.projectsByStatus['in-progress'] === 1 &&
        t.projectsByStatus.stopped === 1 &&
        t.advancedVnd === 400_000_000 &&
        t.allocatedVnd === 1_150_000_000
        ? reply.body
        : undefined;
    });
    expect(report.totals).toMatchObject({
      nationalPlans: 1,
      nationalPlanBudgetVnd: 6_000_000_000,
      plansAllLevels: 1,
      projects: 3,
      projectsInPlan: 2,
      projectsCompleted: 1,
      completionPercent: 50,
      requestedSupportVnd: 2_700_000_000,
      appraisedSupportVnd: 850_000_000,
      allocatedVnd: 850_000_000 + 300_000_000,
      contractedVnd: 1_100_000_000,
      advancedVnd: 400_000_000,
      paidVnd: 700_000_000,
      settledVnd: 295_000_000,
      counterpartVnd: 3_300_000_000,
    });
    expect(report.units.find((u) => u.code === '40')).toMatchObject({
      projects: 1,
      projectsInPlan: 1,
      completionPercent: 0,
      allocatedVnd: 850_000_000,
      contractedVnd: 800_000_000,
      paidVnd: 400_000_000,
    });
    expect(report.units.find((u) => u.code === '01')).toMatchObject({
      completionPercent: 100,
      settledVnd: 295_000_000,
    });
    expect(report.units.find((u) => u.code === '79')).toMatchObject({
      projectsByStatus: expect.objectContaining({ stopped: 1 }),
      projectsInPlan: 0,
      completionPercent: null,
      allocatedVnd: 0,
    });
    expect(report.byContent.find((c) => c.activityContent === 3)).toMatchObject({
      projects: 3,
      projectsCompleted: 1,
      allocatedVnd: 1_150_000_000,
    });
  });

  it('puts the Nghệ An project on the watchlist with its reasons, for the agency and its own officer only', async () => {
    const path = `/api/v1/watchlist?year=${YEAR}`;
    const page = await eventually(async () => {
      const reply = await as(central).get<WatchlistPage>(path);
      return reply.status === 200 &&
        reply.body.items.some((i) => i.projectId === ids.ngheAn && i.lastProgressPercent === 10)
        ? reply.body
        : undefined;
    });
    expect(page.asOf).toBe(vietnamDate(new Date()));
    expect(page.items.map((i) => i.projectId)).toEqual([ids.ngheAn]);
    const [item] = page.items;
    expect(item).toMatchObject({
      code: `KCQG-${YEAR}-40-001`,
      unitCode: '40',
      unitNameVi: 'Nghệ An',
      status: 'in-progress',
      lastProgressMonth: reportedMonth,
    });
    const codes = item.flags.map((f) => f.code);
    // Contracted 100 days ago with one report: at least two months are missing; 10% done against ~66% of
    // the schedule elapsed is far behind; the one report came late.
    expect(codes).toEqual(expect.arrayContaining(['missing-report', 'late-report', 'behind-schedule']));
    expect(item.flags.find((f) => f.code === 'behind-schedule')!.reasonVi).toMatch(
      /^Tiến độ 10% trong khi đã qua/,
    );

    const own = await as(officer('40')).get<WatchlistPage>(path);
    expect(own.body.items.map((i) => i.projectId)).toEqual([ids.ngheAn]);
    const other = await as(officer('01')).get<WatchlistPage>(path);
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    const asked = await as(officer('01')).get(`${path}&provinceCode=40`);
    expect(asked.status).toBe(403);
    const south = await as(central).get<WatchlistPage>(`${path}&regionCode=south`);
    expect(south.body.items).toEqual([]);
    const bad = await as(central).get(`${path}&regionCode=west`);
    expect(bad.status).toBe(400);
  });

  describe('a unit merged on 2025-07-01', () => {
    // A year no other test uses; Hải Dương (30) went into Hải Phòng (31).
    const OLD_YEAR = 2011;
    const haiDuong = randomUUID();
    const path = `/api/v1/watchlist?year=${OLD_YEAR}`;
    const listed = async (query: string, by = central) => {
      const reply = await as(by).get<WatchlistPage>(`${path}${query}`);
      return reply.status === 200 ? reply.body.items.map((i) => i.projectId) : reply.status;
    };

    beforeAll(async () => {
      await publish(
        PROJECTS,
        registered(haiDuong, '30', 1, OLD_YEAR),
        ...walk(haiDuong, '30', [...TO_PLAN, 'contracted', 'in-progress'], OLD_YEAR),
        contracted(haiDuong, '30', 500_000_000, OLD_YEAR),
      );
      await eventually(async () => ((await listed('')) as string[]).includes(haiDuong) || undefined);
    }, 60_000);

    it("lists the old unit's project under today's unit, as the conference view counts it", async () => {
      expect(await listed('&provinceCode=31')).toEqual([haiDuong]);
      const report = await as(central).get<ConferenceReport>(`/api/v1/conferences/national?year=${OLD_YEAR}`);
      expect(report.body.units.find((u) => u.code === '31')?.projects).toBe(1);
    });

    it('matches the code as recorded when asked for the unit as it was', async () => {
      expect(await listed('&provinceCode=31&unitAsOf=recorded')).toEqual([]);
      expect(await listed('&provinceCode=30&unitAsOf=recorded')).toEqual([haiDuong]);
      expect(await listed('&unitAsOf=sometimes')).toBe(400);
    });

    it("shows today's unit's officer its predecessors' projects, and no other unit's officer", async () => {
      expect(await listed('', officer('31'))).toEqual([haiDuong]);
      expect(await listed('&provinceCode=30', officer('31'))).toEqual([haiDuong]);
      expect(await listed('', officer('01'))).toEqual([]);
      expect(await listed('&provinceCode=31', officer('01'))).toBe(403);
    });
  });
});
