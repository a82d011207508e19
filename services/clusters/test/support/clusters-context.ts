import { randomUUID } from 'node:crypto';
import { serviceEnvSchema } from '@kc/config';
import type { ClusterDetailView, Principal } from '@kc/contracts';
import { bootService, useServiceContext, type ServiceContext } from '@kc/service-testing';
import { central } from '@kc/testing';
import { ClustersModule } from '../../src/app.module';

/** A planned 50-ha cluster of Nghệ An; override what the test is about (a key set to undefined is left out). */
export const clusterBody = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: 'Cụm công nghiệp Diễn Hồng',
  provinceCode: '40',
  status: 'planned',
  totalAreaHa: 50,
  ...overrides,
});

/** A decision of the provincial People's Committee, dated `date`. */
export const decision = (date: string, number = '1234/QĐ-UBND') => ({
  number,
  date,
  authority: 'provincial-peoples-committee',
  issuedBy: 'UBND tỉnh Nghệ An',
});

/** An enterprise chosen by the province's evaluation council. */
export const developer = {
  kind: 'enterprise',
  name: 'Công ty Cổ phần Hạ tầng Diễn Châu',
  taxCode: '2900123456',
  selection: 'evaluation-council',
};

/** Registered at `status` (past the list), established by decision on `on`. */
export const establishedBody = (
  code: string,
  status: string,
  on: string,
  overrides: Record<string, unknown> = {},
) => clusterBody(code, { status, establishment: decision(on, `${code}/QĐ-UBND`), ...overrides });

function clustersGivens({ as, db }: ServiceContext) {
  return {
    /** A cluster registered by `by` (the agency unless told) from `clusterBody(code, overrides)`: its view. */
    async registerCluster(
      code: string,
      overrides: Record<string, unknown> = {},
      by: Principal = central,
    ): Promise<ClusterDetailView> {
      const reply = await as(by).post<ClusterDetailView>('/api/v1/clusters', clusterBody(code, overrides));
      expect([reply.status, reply.body.code]).toEqual([201, code]);
      return reply.body;
    },

    /**
     * A cluster on record under a unit no longer in force (registered before the 2025 merger; today the
     * service registers clusters only under units in force), written with SQL: its id.
     */
    async recordedCluster(code: string, name: string, provinceCode: string, totalAreaCentiHa: number) {
      const id = randomUUID();
      await db.query(
        `INSERT INTO industrial_cluster (id, code, name, province_code, status, total_area_centi_ha)
         VALUES ($1, $2, $3, $4, 'operating', $5)`,
        [id, code, name, provinceCode, totalAreaCentiHa],
      );
      return id;
    },
  };
}

/** The clusters service booted for the describe it is called in, its database, callers and givens. */
export const useClustersContext = (database: string) =>
  useServiceContext(
    () =>
      bootService(
        {
          service: 'clusters',
          envSchema: serviceEnvSchema,
          module: (config) => ClustersModule.forRoot(config),
        },
        database,
      ),
    clustersGivens,
  );
