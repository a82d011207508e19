import type { Page, Principal, ProjectView } from '@kc/contracts';
import { planCreatedV1 } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import type { BootedService } from '@kc/service-testing';
import { bootProjects, deliverPlanEvent, draftBody, planCreated } from './support/projects-harness';

/**
 * GET /api/v1/projects?provinceCode= after the 2025 reorganisation: Hải Dương (30) went into Hải Phòng (31),
 * so a filter by 31 takes in 30's projects, as the conference view rolls them up.
 */
describe('project lists of a unit merged on 2025-07-01', () => {
  let service: BootedService;
  const national2018 = planCreated(2018, 'national');
  const national2026 = planCreated(2026, 'national');
  const HAI_DUONG = 'Hỗ trợ máy móc sản xuất vải thiều Thanh Hà, Hải Dương';
  const HAI_PHONG = 'Mô hình trình diễn đóng tàu composite, Hải Phòng';
  let haiDuongId: string;
  const titles = async (query: string, by: Principal = central) => {
    const reply = await service.as<Page<ProjectView>>(by, 'GET', `/api/v1/projects?${query}`);
    return reply.status === 200 ? reply.body.items.map((p) => p.title).sort() : reply.status;
  };

  beforeAll(async () => {
    service = await bootProjects('kc_it_projects_merged_units');
    for (const plan of [national2018, national2026]) await deliverPlanEvent(service, planCreatedV1, plan);
    const make = async (body: Record<string, unknown>) => {
      const reply = await service.as<ProjectView>(central, 'POST', '/api/v1/projects', body);
      expect(reply.status).toBe(201);
      return reply.body.id;
    };
    haiDuongId = await make(
      draftBody(national2018.planId, {
        title: HAI_DUONG,
        provinceCode: '30',
        startDate: '2018-04-01',
        endDate: '2018-11-30',
        beneficiaries: [],
      }),
    );
    await make(draftBody(national2026.planId, { title: HAI_PHONG, provinceCode: '31', beneficiaries: [] }));
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it("lists the predecessors' projects under today's unit", async () => {
    expect(await titles('provinceCode=31&year=2018')).toEqual([HAI_DUONG]);
    expect(await titles('provinceCode=31')).toEqual([HAI_PHONG, HAI_DUONG].sort());
  });

  it('matches the literal code when asked for the unit as it was', async () => {
    expect(await titles('provinceCode=31&year=2018&unitAsOf=recorded')).toEqual([]);
    expect(await titles('provinceCode=31&unitAsOf=recorded')).toEqual([HAI_PHONG]);
    expect(await titles('provinceCode=30')).toEqual([HAI_DUONG]);
    expect(await titles('provinceCode=31&unitAsOf=then')).toBe(400);
  });

  it("shows today's unit's officer its predecessors' projects, never another unit's officer", async () => {
    expect(await titles('', officer('31'))).toEqual([HAI_PHONG, HAI_DUONG].sort());
    expect(await titles('provinceCode=30', officer('31'))).toEqual([HAI_DUONG]);
    expect((await service.as(officer('31'), 'GET', `/api/v1/projects/${haiDuongId}`)).status).toBe(200);
    expect(await titles('', officer('01'))).toEqual([]);
    expect(await titles('provinceCode=30', officer('01'))).toBe(403);
    expect((await service.as(officer('01'), 'GET', `/api/v1/projects/${haiDuongId}`)).status).toBe(404);
  });
});
