import type { ConferenceReport, PlanView, ProjectView } from '@kc/contracts';
import { vietnamDate } from '@kc/reference-data';
import { eventually } from '@kc/testing';
import { anonymous, as, type Session } from './gateway-client';

// The walking skeleton through all seven services: every fact written through the gateway reaches the
// conference views by way of the outbox, Kafka and the reporting projections.
const YEAR = 2030;
/** Appraisals, reports and decisions are dated today (Vietnam): a record is never dated in the future. */
const TODAY = vietnamDate(new Date());

describe('walking skeleton through the gateway', () => {
  let agency: Session;
  let ngheAnOfficer: Session;
  let nationalPlan: PlanView;
  let ngheAnPlan: PlanView;
  let inPlanProject: ProjectView;
  // Clusters have no year: the registry figures count every cluster of the unit, other suites' ones too.
  let ngheAnClustersBefore: number;

  beforeAll(async () => {
    agency = await as('cuc.canbo');
    ngheAnOfficer = await as('sct.40');
  });

  it('reports every service healthy', async () => {
    const health = await anonymous.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
  });

  it('creates the national plan and a provincial plan', async () => {
    const national = await agency.post<PlanView>('/api/v1/plans', {
      year: YEAR,
      level: 'national',
      budgetVnd: 150_000_000_000,
    });
    expect(national.status).toBe(201);
    nationalPlan = national.body;
    expect(nationalPlan).toMatchObject({
      name: `Kế hoạch khuyến công quốc gia năm ${YEAR}`,
      budgetVnd: 150_000_000_000,
    });

    const provincial = await ngheAnOfficer.post<PlanView>('/api/v1/plans', {
      year: YEAR,
      level: 'provincial',
      provinceCode: '40',
      budgetVnd: 2_000_000_000,
      registrationDeadline: `${YEAR - 1}-09-30`,
    });
    expect(provincial.status).toBe(201);
    ngheAnPlan = provincial.body;
    expect(ngheAnPlan.name).toBe(`Kế hoạch khuyến công địa phương năm ${YEAR} — Nghệ An`);
  });

  it('takes a project from draft into the plan: appraisals, registration report, assignment decision', async () => {
    const create = (
      planId: string,
      provinceCode: string,
      requestedVnd: number,
      by: Session,
      national = true,
    ) =>
      eventually(async () => {
        const reply = await by.post<ProjectView>('/api/v1/projects', {
          planId,
          title: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất gốm sứ',
          kind: 'ordinary',
          activityContents: [3],
          implementingUnit: 'Trung tâm Khuyến công',
          provinceCode,
          startDate: `${YEAR}-03-01`,
          endDate: `${YEAR}-11-30`,
          kcqgVnd: national ? requestedVnd : 0,
          kcdpVnd: national ? 0 : requestedVnd,
          counterpartVnd: 1_200_000_000,
          otherVnd: 0,
          procurementMode: 'selection',
          advanceCategory: 'model-machinery',
          beneficiaries: [
            {
              taxCode: `29001${provinceCode}${national ? '456' : '789'}`,
              name: 'Hợp tác xã gốm',
              legalForm: 'cooperative',
            },
          ],
        });
        // The projects service learns of a new plan from its event: until then the plan is unknown (422).
        return reply.status === 201 ? reply.body : undefined;
      });
    const national = await create(nationalPlan.id, '40', 800_000_000, ngheAnOfficer);
    const haNoi = await as('sct.01');
    const others = [
      { by: haNoi, project: await create(nationalPlan.id, '01', 300_000_000, haNoi) },
      { by: ngheAnOfficer, project: await create(ngheAnPlan.id, '40', 100_000_000, ngheAnOfficer, false) },
    ];
    expect(national).toMatchObject({ code: `KCQG-${YEAR}-40-001`, status: 'draft' });
    // Drafts are the department's own work: reports count a project from its registration.
    for (const { by, project } of others)
      expect((await by.post<ProjectView>(`/api/v1/projects/${project.id}/register`, {})).status).toBe(200);

    const step = async (by: Session, action: string, body: unknown, status = 200) => {
      const reply = await by.post<ProjectView>(`/api/v1/projects/${national.id}/${action}`, body);
      expect([action, reply.status]).toEqual([action, status]);
      return reply.body;
    };
    const criteria = [{ name: 'Phù hợp nội dung khuyến công', passed: true }];
    await step(ngheAnOfficer, 'register', {});
    await step(ngheAnOfficer, 'base-appraisal', {
      reviewer: 'Sở Công Thương Nghệ An',
      criteria,
      result: 'passed',
      appraisedOn: TODAY,
    });
    // The plans service lists a project once it has seen its base appraisal (an event).
    await eventually(async () => {
      const reply = await ngheAnOfficer.post(`/api/v1/plans/${nationalPlan.id}/registrations`, {
        provinceCode: '40',
        reportNumber: '12/BC-SCT',
        reportDate: TODAY,
        projectIds: [national.id],
      });
      return reply.status === 201 ? reply.body : undefined;
    });
    await eventually(async () => {
      const reply = await agency.get<ProjectView>(`/api/v1/projects/${national.id}`);
      return reply.body.status === 'submitted' ? reply.body : undefined;
    });
    const tooMuch = await agency.post(`/api/v1/projects/${national.id}/ministry-appraisal`, {
      reviewer: 'Cục Công Thương địa phương',
      criteria,
      result: 'passed',
      appraisedSupportVnd: 800_000_001,
      appraisedOn: TODAY,
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.headers.get('content-type')).toMatch(/application\/problem\+json/);
    await step(agency, 'ministry-appraisal', {
      reviewer: 'Cục Công Thương địa phương',
      criteria,
      result: 'passed',
      appraisedSupportVnd: 750_000_000,
      appraisedOn: TODAY,
    });
    await eventually(async () => {
      const reply = await agency.post(`/api/v1/plans/${nationalPlan.id}/decisions`, {
        number: '125/QĐ-BCT',
        signedOn: TODAY,
        kind: 'initial',
        allocations: [{ projectId: national.id, fundingSource: 'KCQG', amountVnd: 750_000_000 }],
      });
      return reply.status === 201 ? reply.body : undefined;
    });
    inPlanProject = await eventually(async () => {
      const reply = await agency.get<ProjectView>(`/api/v1/projects/${national.id}`);
      return reply.body.status === 'in-plan' ? reply.body : undefined;
    });
    expect(inPlanProject).toMatchObject({
      appraisedSupportVnd: 750_000_000,
      allocatedSupportVnd: 750_000_000,
    });

    // Approval is a plans decision now: the old route is gone.
    expect(
      (await agency.post(`/api/v1/projects/${national.id}/approve`, { approvedSupportVnd: 1 })).status,
    ).toBe(404);
    // Out of order: a plan owner cannot settle a project in the plan (409 says from, action and what is allowed).
    const early = await agency.post(`/api/v1/projects/${national.id}/settle`, {
      settledVnd: 1,
      settledOn: `${YEAR}-12-01`,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'project.illegal-transition' });
  });

  it('registers a cluster, creates a fair and opens an award round', async () => {
    const before = await (await as('xem')).get<ConferenceReport>(`/api/v1/conferences/national?year=${YEAR}`);
    ngheAnClustersBefore = before.body.units.find((u) => u.code === '40')!.clustersRegistered;
    const cluster = await ngheAnOfficer.post('/api/v1/clusters', {
      code: 'CCN-40-E2E',
      name: 'Cụm công nghiệp Nghi Phong',
      provinceCode: '40',
      status: 'operating',
      establishment: {
        number: '1520/QĐ-UBND',
        date: '2016-05-12',
        authority: 'provincial-peoples-committee',
        issuedBy: 'UBND tỉnh Nghệ An',
      },
      totalAreaHa: 48.5,
    });
    expect(cluster.status).toBe(201);
    const fair = await agency.post('/api/v1/fairs', {
      name: `Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc ${YEAR}`,
      year: YEAR,
      scale: 'regional',
      regionCode: 'north',
      provinceCode: '40',
      startDate: `${YEAR}-05-16`,
      endDate: `${YEAR}-05-19`,
      boothCount: 270,
    });
    expect(fair.status).toBe(201);
    const round = await ngheAnOfficer.post('/api/v1/award-rounds', {
      name: `Bình chọn sản phẩm CNNT tiêu biểu tỉnh Nghệ An năm ${YEAR}`,
      year: YEAR,
      level: 'provincial',
      provinceCode: '40',
    });
    expect(round.status).toBe(201);
  });

  it('shows all of it in the national conference view, per province and in total', async () => {
    const report = await eventually(async () => {
      const reply = await (
        await as('xem')
      ).get<ConferenceReport>(`/api/v1/conferences/national?year=${YEAR}`);
      const ngheAn = reply.body.units?.find((u) => u.code === '40');
      return ngheAn &&
        ngheAn.projectsInPlan === 1 &&
        ngheAn.allocatedVnd === 750_000_000 &&
        ngheAn.fairsHosted === 1 &&
        ngheAn.provincialAwardRounds === 1 &&
        ngheAn.clustersRegistered === ngheAnClustersBefore + 1
        ? reply.body
        : undefined;
    });
    expect(report.units).toHaveLength(34);
    const ngheAn = report.units.find((u) => u.code === '40')!;
    expect(ngheAn).toMatchObject({
      nameVi: 'Nghệ An',
      regionCode: 'north',
      provincialPlans: 1,
      provincialPlanBudgetVnd: 2_000_000_000,
      projects: 3 - 1, // the Hà Nội project is Hà Nội's
      projectsInPlan: 1,
      projectsCompleted: 0,
      completionPercent: 0,
      requestedSupportVnd: 900_000_000,
      appraisedSupportVnd: 750_000_000,
      allocatedVnd: 750_000_000,
      counterpartVnd: 2_400_000_000,
    });
    expect(ngheAn.projectsByStatus).toMatchObject({ 'in-plan': 1, registered: 1, draft: 0 });
    expect(report.units.find((u) => u.code === '01')).toMatchObject({
      projects: 1,
      requestedSupportVnd: 300_000_000,
      completionPercent: null,
    });
    expect(report.totals).toMatchObject({
      nationalPlans: 1,
      nationalPlanBudgetVnd: 150_000_000_000,
      plansAllLevels: 2,
      projects: 3,
      allocatedVnd: 750_000_000,
      requestedSupportVnd: 1_200_000_000,
      completionPercent: 0,
    });
    expect(report.byContent.find((c) => c.activityContent === 3)).toMatchObject({
      projects: 3,
      projectsInPlan: 1,
    });
  });

  it('shows Nghệ An in the northern regional view and not in the southern one', async () => {
    const north = await agency.get<ConferenceReport>(`/api/v1/conferences/regional/north?year=${YEAR}`);
    expect(north.status).toBe(200);
    expect(north.body.units).toHaveLength(18);
    expect(north.body.units.find((u) => u.code === '40')).toMatchObject({ projectsInPlan: 1 });
    const south = await agency.get<ConferenceReport>(`/api/v1/conferences/regional/south?year=${YEAR}`);
    expect(south.body.units.map((u) => u.code)).not.toContain('40');
    expect(south.body.totals.projects).toBe(0);
  });
});
