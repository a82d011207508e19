import type { ClusterView, Page, Principal } from '@kc/contracts';
import { central, officer } from '@kc/testing';
import { useClustersContext } from './support/clusters-context';

/**
 * Cluster lists after the 2025 reorganisation: Hải Dương (30) went into Hải Phòng (31), so a filter by 31
 * takes in the clusters registered under 30 before (unitAsOf=recorded: the literal code only).
 */
describe('cluster lists of a unit merged on 2025-07-01', () => {
  const { as, registerCluster, recordedCluster } = useClustersContext('kc_it_clusters_merged_units');
  let haiDuongId: string;
  const codes = async (query: string, by: Principal = central) => {
    const reply = await as(by).get<Page<ClusterView>>(`/api/v1/clusters?${query}`);
    return reply.status === 200 ? reply.body.items.map((c) => c.code) : reply.status;
  };

  beforeAll(async () => {
    haiDuongId = await recordedCluster('CCN-30-001', 'Cụm công nghiệp Cẩm Thượng', '30', 4500);
    await registerCluster(
      'CCN-31-001',
      { name: 'Cụm công nghiệp Tân Liên', provinceCode: '31', totalAreaHa: 50 },
      officer('31'),
    );
  });

  it("lists the predecessors' clusters under today's unit, or the literal code when asked", async () => {
    expect(await codes('provinceCode=31')).toEqual(['CCN-30-001', 'CCN-31-001']);
    expect(await codes('provinceCode=31&unitAsOf=recorded')).toEqual(['CCN-31-001']);
    expect(await codes('provinceCode=30')).toEqual(['CCN-30-001']);
    expect(await codes('provinceCode=31&unitAsOf=then')).toBe(400);
  });

  it("shows today's unit's officer its predecessors' clusters, never another unit's officer", async () => {
    expect(await codes('', officer('31'))).toEqual(['CCN-30-001', 'CCN-31-001']);
    expect(await codes('provinceCode=30', officer('31'))).toEqual(['CCN-30-001']);
    expect((await as(officer('31')).get(`/api/v1/clusters/${haiDuongId}`)).status).toBe(200);
    expect(await codes('', officer('01'))).toEqual([]);
    expect(await codes('provinceCode=30', officer('01'))).toBe(403);
    expect((await as(officer('01')).get(`/api/v1/clusters/${haiDuongId}`)).status).toBe(404);
  });
});
