import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { assertMayActFor, maySee, listProvinceFilter } from '@kc/auth';
import {
  clusterRegisteredV1,
  clusterStatusLabels,
  type ClusterView,
  type ListClustersQuery,
  type Page,
  type Principal,
  type RegisterClusterRequest,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter } from '@kc/messaging';
import { referenceProvinces, vietnamDate } from '@kc/reference-data';
import { registerCluster } from '../domain/industrial-cluster';
import { ClusterEntity } from '../infrastructure/persistence/cluster.entity';
import { clusterRegisteredSummary } from './cluster-audit';

const hectares = (centi: number | null): number | null => (centi === null ? null : centi / 100);

const toView = (c: ClusterEntity): ClusterView => ({
  id: c.id,
  code: c.code,
  name: c.name,
  provinceCode: c.provinceCode,
  commune: c.commune,
  status: c.status,
  statusLabel: clusterStatusLabels[c.status],
  totalAreaHa: c.totalAreaCentiHa / 100,
  leasableAreaHa: hectares(c.leasableAreaCentiHa),
  leasedAreaHa: hectares(c.leasedAreaCentiHa),
  developerName: c.developerName,
  createdAt: c.createdAt.toISOString(),
});

@Injectable()
export class ClustersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async register(principal: Principal, request: RegisterClusterRequest): Promise<ClusterView> {
    assertMayActFor(principal, request.provinceCode);
    const cluster = registerCluster(
      {
        ...request,
        commune: request.commune ?? null,
        leasableAreaHa: request.leasableAreaHa ?? null,
        leasedAreaHa: request.leasedAreaHa ?? null,
        developerName: request.developerName ?? null,
      },
      referenceProvinces,
      vietnamDate(new Date()),
    );
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ClusterEntity);
      const existing = await repo.findOneBy({ code: cluster.code });
      if (existing) {
        // Codes are unique nationwide; another province's cluster is not named to the caller.
        const holder = maySee(principal, existing.provinceCode) ? ` (${existing.name}, ${existing.id})` : '';
        throw new ConflictError(
          {
            vi: `Mã cụm công nghiệp ${cluster.code} đã được đăng ký${holder}`,
            en: `Cluster code ${cluster.code} is already registered${holder}`,
          },
          'cluster.code-taken',
          'code',
        );
      }
      const saved = await repo.save(repo.create({ id: randomUUID(), ...cluster }));
      await this.outbox.append(manager, clusterRegisteredV1, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: {
          clusterId: saved.id,
          code: cluster.code,
          name: cluster.name,
          provinceCode: cluster.provinceCode,
          status: cluster.status,
          totalAreaCentiHa: cluster.totalAreaCentiHa,
        },
      });
      await this.outbox.audit(manager, {
        action: 'cluster.register',
        resourceType: 'cluster',
        resourceId: saved.id,
        provinceCode: saved.provinceCode,
        summary: clusterRegisteredSummary(cluster),
      });
      return toView(saved);
    });
  }

  /** Another province's cluster answers exactly like a missing one, so ids reveal nothing. */
  async get(principal: Principal, id: string): Promise<ClusterView> {
    const cluster = await this.dataSource.getRepository(ClusterEntity).findOneBy({ id });
    if (!cluster || !maySee(principal, cluster.provinceCode))
      throw new NotFoundError(
        { vi: `Không có cụm công nghiệp ${id}`, en: `Cluster ${id} does not exist` },
        'cluster.not-found',
      );
    return toView(cluster);
  }

  async list(principal: Principal, query: ListClustersQuery): Promise<Page<ClusterView>> {
    const provinces = listProvinceFilter(principal, query.provinceCode, query.unitAsOf);
    const [items, total] = await this.dataSource.getRepository(ClusterEntity).findAndCount({
      where: { provinceCode: provinces && In(provinces), status: query.status },
      order: { code: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { items: items.map(toView), page: query.page, limit: query.limit, total };
  }
}
