import type { ConferenceReport, PlanView, ProjectView } from '@kc/contracts';
import { eventually } from '@kc/testing';
import { anonymous, as, type Session } from './gateway-client';

// The walking skeleton through all seven services: every fact written through the gateway reaches the
// conference views by way of the outbox, Kafka and the reporting projections.
const YEAR = 2030;

describe('walking skeleton through the gateway', () => {
  let agency: Session;
  let ngheAnOfficer: Session;
  let nationalPlan: PlanView;
  let ngheAnPlan: PlanView;
  let approvedProject: ProjectView;

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
    });
    expect(provincial.status).toBe(201);
    ngheAnPlan = provincial.body;
    expect(ngheAnPlan.name).toBe(`Kế hoạch khuyến công địa phương năm ${YEAR} — Nghệ An`);
  });

  it('registers projects under the plans and approves one within its request', async () => {
    const register = (
      planId: string,
      provinceCode: string,
      requestedSupportVnd: number,
      by = ngheAnOfficer,
    ) =>
      eventually(async () => {
        const reply = await by.post<ProjectView>('/api/v1/projects', {
          planId,
          title: 'Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất gốm sứ',
          provinceCode,
          activityContents: [3],
          requestedSupportVnd,
        });
        // The projects service learns of a new plan from its event: until then the plan is unknown (422).
        return reply.status === 201 ? reply.body : undefined;
      });
    const national = await register(nationalPlan.id, '40', 800_000_000);
    await register(nationalPlan.id, '01', 300_000_000, await as('sct.01'));
    await register(ngheAnPlan.id, '40', 100_000_000);
    expect(national.code).toBe(`KCQG-${YEAR}-40-001`);

    const tooMuch = await agency.post(`/api/v1/projects/${national.id}/approve`, {
      approvedSupportVnd: 800_000_001,
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(tooMuch.body).toMatchObject({ errors: [{ field: 'approvedSupportVnd' }] });

    const approved = await agency.post<ProjectView>(`/api/v1/projects/${national.id}/approve`, {
      approvedSupportVnd: 750_000_000,
    });
    expect(approved.status).toBe(200);
    approvedProject = approved.body;
    expect(approvedProject).toMatchObject({ status: 'approved', approvedSupportVnd: 750_000_000 });

    const again = await agency.post(`/api/v1/projects/${national.id}/approve`, { approvedSupportVnd: 1 });
    expect(again.status).toBe(409);
  });

  it('registers a cluster, creates a fair and opens an award round', async () => {
    const cluster = await ngheAnOfficer.post('/api/v1/clusters', {
      code: 'CCN-40-E2E',
      name: 'Cụm công nghiệp Nghi Phong',
      provinceCode: '40',
      status: 'operating',
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
        ngheAn.projectsApproved === 1 &&
        ngheAn.fairs === 1 &&
        ngheAn.awardRounds === 1 &&
        ngheAn.clustersRegistered === 1
        ? reply.body
        : undefined;
    });
    expect(report.units).toHaveLength(34);
    const ngheAn = report.units.find((u) => u.code === '40')!;
    expect(ngheAn).toMatchObject({
      nameVi: 'Nghệ An',
      regionCode: 'north',
      plans: 1,
      planBudgetVnd: 2_000_000_000,
      projects: 3 - 1, // the Hà Nội project is Hà Nội's
      projectsRegistered: 1,
      projectsApproved: 1,
      requestedSupportVnd: 900_000_000,
      approvedSupportVnd: 750_000_000,
    });
    expect(report.units.find((u) => u.code === '01')).toMatchObject({
      projects: 1,
      requestedSupportVnd: 300_000_000,
    });
    expect(report.totals).toMatchObject({
      nationalPlan: { count: 1, budgetVnd: 150_000_000_000 },
      projects: 3,
      approvedSupportVnd: 750_000_000,
      requestedSupportVnd: 1_200_000_000,
    });
  });

  it('shows Nghệ An in the northern regional view and not in the southern one', async () => {
    const north = await agency.get<ConferenceReport>(`/api/v1/conferences/regional/north?year=${YEAR}`);
    expect(north.status).toBe(200);
    expect(north.body.units).toHaveLength(18);
    expect(north.body.units.find((u) => u.code === '40')).toMatchObject({ projectsApproved: 1 });
    const south = await agency.get<ConferenceReport>(`/api/v1/conferences/regional/south?year=${YEAR}`);
    expect(south.body.units.map((u) => u.code)).not.toContain('40');
    expect(south.body.totals.projects).toBe(0);
  });
});
