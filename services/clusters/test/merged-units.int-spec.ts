import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { serviceEnvSchema } from '@kc/config';
import type { ClusterView, Page, Principal } from '@kc/contracts';
import { bootService, type BootedService } from '@kc/service-testing';
import { central, officer } from '@kc/testing';
import { ClustersModule } from '../src/app.module';

/**
 * Cluster lists after the 2025 reorganisation: Hải Dương (30) went into Hải Phòng (31), so a filter by 31
 * takes in the clusters registered under 30 before (unitAsOf=recorded: the literal code only).
 */
describe('cluster lists of a unit merged on 2025-07-01', () => {
  let service: BootedService;
  const haiDuongId = randomUUID();
  const codes = async (query: string, by: Principal = central) => {
    const reply = await service.as<Page<ClusterView>>(by, 'GET', `/api/v1/clusters?${query}`);
    return reply.status === 200 ? reply.body.items.map((c) => c.code) : reply.status;
  };

  beforeAll(async () => {
    service = await bootService(
      {
        service: 'clusters',
        envSchema: serviceEnvSchema,
        module: (config) => ClustersModule.forRoot(config),
      },
      'kc_it_clusters_merged_units',
    );
    // Registered under 30 while Hải Dương existed: today a cluster can only be registered under a unit in force.
    await service.app.get(DataSource).query(
      `INSERT INTO industrial_cluster (id, code, name, province_code, status, total_area_centi_ha)
       VALUES ($1, 'CCN-30-001', 'Cụm công nghiệp Cẩm Thượng', '30', 'operating', 4500)`,
      [haiDuongId],
    );
    const registered = await service.as(officer('31'), 'POST', '/api/v1/clusters', {
      code: 'CCN-31-001',
      name: 'Cụm công nghiệp Tân Liên',
      provinceCode: '31',
      status: 'planned',
      totalAreaHa: 50,
    });
    expect(registered.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await service?.close();
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
    expect((await service.as(officer('31'), 'GET', `/api/v1/clusters/${haiDuongId}`)).status).toBe(200);
    expect(await codes('', officer('01'))).toEqual([]);
    expect(await codes('provinceCode=30', officer('01'))).toBe(403);
    expect((await service.as(officer('01'), 'GET', `/api/v1/clusters/${haiDuongId}`)).status).toBe(404);
  });
});
