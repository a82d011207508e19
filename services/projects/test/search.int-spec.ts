import type { Page, Principal, ProjectView } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useProjectsContext } from './support/projects-context';
import { planCreated } from './support/projects-harness';

/** GET /api/v1/projects: diacritic-blind search and every filter. */
describe('project search and filters', () => {
  const national2026 = planCreated(2026, 'national');
  const national2027 = planCreated(2027, 'national');
  const provincial01 = planCreated(2026, 'provincial', '01');
  const { as, createProject } = useProjectsContext('kc_it_projects_search', {
    plans: [national2026, national2027, provincial01],
  });
  const codes = async (query: string, by: Principal = central) => {
    const reply = await as(by).get<Page<ProjectView>>(`/api/v1/projects?${query}`);
    expect(reply.status).toBe(200);
    return reply.body.items.map((p) => p.title).sort();
  };

  beforeAll(async () => {
    await createProject(
      national2026.planId,
      {
        title: 'Mô hình sản xuất gốm sứ Bát Tràng, Hà Nội',
        provinceCode: '01',
        activityContents: [3],
        beneficiaries: [],
      },
      officer('01'),
    );
    await createProject(
      provincial01.planId,
      {
        title: 'Đào tạo nghề mây tre đan ngoại thành Hà Nội',
        provinceCode: '01',
        kind: 'group',
        activityContents: [1],
        kcqgVnd: 0,
        kcdpVnd: 200_000_000,
        beneficiaries: [],
      },
      officer('01'),
    );
    await createProject(
      national2026.planId,
      {
        title: 'Hỗ trợ máy móc chế biến chè Điện Biên',
        provinceCode: '11',
        activityContents: [4],
        beneficiaries: [],
        implementingUnit: 'Trung tâm Khuyến công tỉnh Điện Biên',
      },
      central,
    );
    await createProject(
      national2027.planId,
      {
        title: 'Hội chợ hàng thủ công mỹ nghệ TP. Hồ Chí Minh',
        provinceCode: '79',
        activityContents: [5, 6],
        startDate: '2027-03-01',
        endDate: '2027-10-31',
        beneficiaries: [],
        implementingUnit: 'Trung tâm Khuyến công TP. Hồ Chí Minh',
      },
      central,
    );
    const registered = await as(central).get<Page<ProjectView>>('/api/v1/projects?q=dien%20bien');
    await as(central).post(`/api/v1/projects/${registered.body.items[0].id}/register`, {});
  });

  it('ignores diacritics and case: "ha noi" finds "Hà Nội", "dien bien" finds "Điện Biên"', async () => {
    expect(await codes('q=ha%20noi')).toEqual([
      'Mô hình sản xuất gốm sứ Bát Tràng, Hà Nội',
      'Đào tạo nghề mây tre đan ngoại thành Hà Nội',
    ]);
    expect(await codes('q=DIEN%20BIEN')).toEqual(['Hỗ trợ máy móc chế biến chè Điện Biên']);
    expect(await codes(`q=${encodeURIComponent('Điện Biên')}`)).toEqual([
      'Hỗ trợ máy móc chế biến chè Điện Biên',
    ]);
    // Matches the implementing unit and the code too.
    expect(await codes('q=khuyen%20cong%20tp')).toEqual(['Hội chợ hàng thủ công mỹ nghệ TP. Hồ Chí Minh']);
    expect(await codes('q=KCDP-2026-01')).toEqual(['Đào tạo nghề mây tre đan ngoại thành Hà Nội']);
    expect(await codes('q=100%25')).toEqual([]);
  });

  it('filters by province, region, year, status, content, kind, plan and funding source, with paging', async () => {
    expect(await codes('provinceCode=11')).toEqual(['Hỗ trợ máy móc chế biến chè Điện Biên']);
    expect(await codes('regionCode=south')).toEqual(['Hội chợ hàng thủ công mỹ nghệ TP. Hồ Chí Minh']);
    expect(await codes('regionCode=north&year=2026')).toHaveLength(3);
    expect(await codes('year=2027')).toEqual(['Hội chợ hàng thủ công mỹ nghệ TP. Hồ Chí Minh']);
    expect(await codes('status=registered')).toEqual(['Hỗ trợ máy móc chế biến chè Điện Biên']);
    expect(await codes('activityContent=6')).toEqual(['Hội chợ hàng thủ công mỹ nghệ TP. Hồ Chí Minh']);
    expect(await codes('kind=group')).toEqual(['Đào tạo nghề mây tre đan ngoại thành Hà Nội']);
    expect(await codes(`planId=${provincial01.planId}`)).toEqual([
      'Đào tạo nghề mây tre đan ngoại thành Hà Nội',
    ]);
    expect(await codes('fundingSource=KCQG&q=ha%20noi')).toEqual([
      'Mô hình sản xuất gốm sứ Bát Tràng, Hà Nội',
    ]);
    const page = await as(central).get<Page<ProjectView>>('/api/v1/projects?limit=3&page=2');
    expect(page.body).toMatchObject({ total: 4, page: 2, limit: 3 });
    expect(page.body.items).toHaveLength(1);
    expect((await as(central).get('/api/v1/projects?regionCode=east')).status).toBe(400);
  });

  it("limits a province officer to its own province's projects", async () => {
    expect(await codes('q=ha%20noi', officer('11'))).toEqual([]);
    expect(await codes('', officer('11'))).toEqual(['Hỗ trợ máy móc chế biến chè Điện Biên']);
    expect((await as(officer('11')).get('/api/v1/projects?provinceCode=01')).status).toBe(403);
  });
});
