import type { Page, Principal, ProjectView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useProjectsContext } from './support/projects-context';
import { planCreated } from './support/projects-harness';

/**
 * GET /api/v1/projects?provinceCode= after the 2025 reorganisation: Hải Dương (30) went into Hải Phòng (31),
 * so a filter by 31 takes in 30's projects, as the conference view rolls them up.
 */
describe('project lists of a unit merged on 2025-07-01', () => {
  const national2018 = planCreated(2018, 'national');
  const national2026 = planCreated(2026, 'national');
  const { as, createProject } = useProjectsContext('kc_it_projects_merged_units', {
    plans: [national2018, national2026],
  });
  const HAI_DUONG = 'Hỗ trợ máy móc sản xuất vải thiều Thanh Hà, Hải Dương';
  const HAI_PHONG = 'Mô hình trình diễn đóng tàu composite, Hải Phòng';
  let haiDuongId: string;
  const titles = async (query: string, by: Principal = central) => {
    const reply = await as(by).get<Page<ProjectView>>(`/api/v1/projects?${query}`);
    return reply.status === 200 ? reply.body.items.map((p) => p.title).sort() : reply.status;
  };

  beforeAll(async () => {
    const made = await createProject(
      national2018.planId,
      {
        title: HAI_DUONG,
        provinceCode: '30',
        startDate: '2018-04-01',
        endDate: '2018-11-30',
        beneficiaries: [],
      },
      central,
    );
    haiDuongId = made.id;
    await createProject(
      national2026.planId,
      { title: HAI_PHONG, provinceCode: '31', beneficiaries: [] },
      central,
    );
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
    expect((await as(officer('31')).get(`/api/v1/projects/${haiDuongId}`)).status).toBe(200);
    expect(await titles('', officer('01'))).toEqual([]);
    expect(await titles('provinceCode=30', officer('01'))).toBe(403);
    expect((await as(officer('01')).get(`/api/v1/projects/${haiDuongId}`)).status).toBe(404);
  });
});
