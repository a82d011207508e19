import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, Not, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { assertMayActFor, listProvinceFilter, maySee } from '@kc/auth';
import {
  clusterRegisteredV1,
  type ClusterDetailView,
  type ClusterStepRequest,
  type ClusterTenantRequest,
  type ClusterView,
  type ExportClustersQuery,
  type ListClustersQuery,
  type Page,
  type Principal,
  type RegisterClusterRequest,
  type UpdateClusterRequest,
  type UpdateClusterTenantRequest,
} from '@kc/contracts';
import { ConflictError, NotFoundError } from '@kc/errors';
import { OutboxWriter, outboxEntry } from '@kc/messaging';
import { referenceProvinces, vietnamDate } from '@kc/reference-data';
import { takeStep, type AreaCluster, type LifecycleCommand } from '../domain/cluster-lifecycle';
import { checkAreas, checkInfrastructure, type ClusterRecord } from '../domain/cluster-record';
import { registerCluster } from '../domain/cluster-registration';
import {
  ClusterEntity,
  ClusterStepEntity,
  ClusterTenantEntity,
} from '../infrastructure/persistence/cluster.entity';
import { clusterRegisteredSummary, clusterStepSummary } from './cluster-audit';
import { centiHa, clusterView, optionalCentiHa, tenantProject, writeRecord } from './cluster-mapping';
import { ClusterStore, type LockedCluster } from './cluster-store';

/** The stages at which a cluster counts among "the clusters already established in the area". */
const ESTABLISHED = ['established', 'detailed-plan', 'infrastructure', 'operating'] as const;

/** The domain's registration input from the API's request (hectares → hundredths). */
export function registrationOf(request: RegisterClusterRequest) {
  return {
    code: request.code,
    name: request.name,
    provinceCode: request.provinceCode,
    commune: request.commune ?? null,
    formerDistrict: request.formerDistrict ?? null,
    sizeCategory: request.sizeCategory,
    status: request.status,
    provincialList: request.provincialList ?? null,
    establishment: request.establishment ?? null,
    areas: {
      totalCentiHa: centiHa(request.totalAreaHa),
      industrialCentiHa: optionalCentiHa(request.industrialAreaHa),
      leasableCentiHa: optionalCentiHa(request.leasableAreaHa),
      leasedCentiHa: optionalCentiHa(request.leasedAreaHa),
    },
    developer: request.developer ?? null,
    investment: request.investment ?? { registeredVnd: null, realisedVnd: null },
    infrastructure: request.infrastructure ?? {
      roads: 'none' as const,
      power: 'none' as const,
      water: 'none' as const,
      drainage: 'none' as const,
      wastewaterPlant: null,
    },
  };
}

/** The list's filters as SQL: province (with merged units), status, occupancy range, wastewater plant. */
export function clusterListWhere(
  builder: SelectQueryBuilder<ClusterEntity>,
  principal: Principal,
  query: ExportClustersQuery,
): SelectQueryBuilder<ClusterEntity> {
  const provinces = listProvinceFilter(principal, query.provinceCode, query.unitAsOf);
  if (provinces) builder.andWhere('c.province_code IN (:...provinces)', { provinces });
  if (query.status) builder.andWhere('c.status = :status', { status: query.status });
  // Occupancy compared exactly in integers: leased × 10000 against percent × 100 × leasable.
  if (query.occupancyMinPercent !== undefined || query.occupancyMaxPercent !== undefined) {
    builder.andWhere('c.leasable_area_centi_ha > 0 AND c.leased_area_centi_ha IS NOT NULL');
  }
  if (query.occupancyMinPercent !== undefined) {
    builder.andWhere('c.leased_area_centi_ha::bigint * 10000 >= :minBp::bigint * c.leasable_area_centi_ha', {
      minBp: Math.round(query.occupancyMinPercent * 100),
    });
  }
  if (query.occupancyMaxPercent !== undefined) {
    builder.andWhere('c.leased_area_centi_ha::bigint * 10000 <= :maxBp::bigint * c.leasable_area_centi_ha', {
      maxBp: Math.round(query.occupancyMaxPercent * 100),
    });
  }
  if (query.wastewaterPlant) {
    builder.andWhere(`c.wastewater_plant_status IS ${query.wastewaterPlant === 'yes' ? 'NOT ' : ''}NULL`);
  }
  return builder;
}

@Injectable()
export class ClustersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly store: ClusterStore,
  ) {}

  async register(principal: Principal, request: RegisterClusterRequest): Promise<ClusterDetailView> {
    assertMayActFor(principal, request.provinceCode);
    const record = registerCluster(registrationOf(request), referenceProvinces, vietnamDate(new Date()));
    return this.dataSource.transaction(async (manager) => {
      const id = await this.insertRegistered(manager, principal, record);
      return this.store.detail(principal, id, manager);
    });
  }

  /** Refuses a code the registry holds already (codes are unique nationwide). */
  async assertCodeFree(manager: EntityManager, principal: Principal, code: string): Promise<void> {
    const existing = await manager.getRepository(ClusterEntity).findOneBy({ code });
    if (!existing) return;
    // Another province's cluster is not named to the caller.
    const holder = maySee(principal, existing.provinceCode) ? ` (${existing.name}, ${existing.id})` : '';
    throw new ConflictError(
      {
        vi: `Mã cụm công nghiệp ${code} đã được đăng ký${holder}`,
        en: `Cluster code ${code} is already registered${holder}`,
      },
      'cluster.code-taken',
      'code',
    );
  }

  /** Writes a registered record (revision 1), its first step if any, and its events, in `manager`'s transaction. */
  async insertRegistered(
    manager: EntityManager,
    principal: Principal,
    record: ClusterRecord,
  ): Promise<string> {
    await this.assertCodeFree(manager, principal, record.code);
    const repo = manager.getRepository(ClusterEntity);
    const entity = writeRecord(repo.create({ id: randomUUID(), revision: 1, updatedAt: new Date() }), record);
    await repo.insert(entity);
    const saved = await repo.findOneByOrFail({ id: entity.id });
    await manager.getRepository(ClusterStepEntity).insert(
      record.history.map((entry, i) => ({
        id: randomUUID(),
        clusterId: entity.id,
        seq: i + 1,
        step: entry.step,
        fromStatus: entry.from,
        toStatus: entry.to,
        decisionNumber: entry.decision.number,
        decisionDate: entry.decision.date,
        decisionAuthority: entry.decision.authority,
        decisionIssuedBy: entry.decision.issuedBy,
        ruleSetId: entry.ruleSetId,
        totalAreaCentiHa: entry.totalCentiHa,
        note: entry.note,
        recordedBy: principal.name,
      })),
    );
    // `registered` stays for its consumers (reporting); `recorded` carries the whole record from revision 1.
    await this.outbox.appendAll(manager, [
      outboxEntry(clusterRegisteredV1, {
        aggregateId: saved.id,
        provinceCode: saved.provinceCode,
        payload: {
          clusterId: saved.id,
          code: saved.code,
          name: saved.name,
          provinceCode: saved.provinceCode,
          status: record.status === 'removed' ? 'planned' : record.status,
          totalAreaCentiHa: saved.totalAreaCentiHa,
        },
      }),
    ]);
    await this.store.published(manager, saved, {
      record,
      action: 'cluster.register',
      summary: clusterRegisteredSummary({ ...record, totalAreaCentiHa: record.areas.totalCentiHa }),
    });
    return saved.id;
  }

  get(principal: Principal, id: string): Promise<ClusterDetailView> {
    return this.store.detail(principal, id);
  }

  async list(principal: Principal, query: ListClustersQuery): Promise<Page<ClusterView>> {
    const builder = clusterListWhere(
      this.dataSource.getRepository(ClusterEntity).createQueryBuilder('c'),
      principal,
      query,
    );
    const [items, total] = await builder
      .orderBy('c.code', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items: items.map(clusterView), page: query.page, limit: query.limit, total };
  }

  update(principal: Principal, id: string, request: UpdateClusterRequest): Promise<ClusterDetailView> {
    return this.store.change(principal, id, request.expectedRevision, ({ record }) => {
      const areas = request.areas ?? {};
      const pick = (value: number | null | undefined, current: number | null) =>
        value === undefined ? current : optionalCentiHa(value);
      const next: ClusterRecord = {
        ...record,
        areas: checkAreas({
          totalCentiHa: record.areas.totalCentiHa,
          industrialCentiHa: pick(areas.industrialAreaHa, record.areas.industrialCentiHa),
          leasableCentiHa: pick(areas.leasableAreaHa, record.areas.leasableCentiHa),
          leasedCentiHa: pick(areas.leasedAreaHa, record.areas.leasedCentiHa),
        }),
        investment: { ...record.investment, ...request.investment },
        infrastructure: checkInfrastructure({ ...record.infrastructure, ...request.infrastructure }),
      };
      return {
        record: next,
        action: 'cluster.update',
        summary: `Cập nhật số liệu cụm công nghiệp ${record.code}`,
      };
    });
  }

  takeStep(principal: Principal, id: string, request: ClusterStepRequest): Promise<ClusterDetailView> {
    return this.store.change(principal, id, request.expectedRevision, async (cluster) => {
      const command = await this.commandOf(cluster, request);
      const next = takeStep(cluster.record, command, vietnamDate(new Date()));
      return { record: next, action: `cluster.${request.step}`, summary: clusterStepSummary(next) };
    });
  }

  /** The domain's command from the request; establishing is judged against the area's clusters on record. */
  private async commandOf(cluster: LockedCluster, request: ClusterStepRequest): Promise<LifecycleCommand> {
    switch (request.step) {
      case 'establish':
        return {
          step: 'establish',
          decision: request.decision,
          totalCentiHa: centiHa(request.totalAreaHa),
          developer: request.developer ?? cluster.record.developer,
          areaClusters: await this.areaClusters(cluster),
        };
      case 'approve-detailed-plan': {
        // The plan's figures where it states them; the record's own where it does not.
        const { industrialAreaHa, leasableAreaHa } = request;
        const stated = industrialAreaHa !== undefined || leasableAreaHa !== undefined;
        const current = cluster.record.areas;
        return {
          step: 'approve-detailed-plan',
          decision: request.decision,
          areas: stated
            ? {
                industrialCentiHa:
                  industrialAreaHa === undefined ? current.industrialCentiHa : centiHa(industrialAreaHa),
                leasableCentiHa:
                  leasableAreaHa === undefined ? current.leasableCentiHa : centiHa(leasableAreaHa),
              }
            : undefined,
        };
      }
      case 'start-infrastructure':
      case 'start-operating':
        return { step: request.step, decision: request.decision };
      case 'expand':
        return {
          step: 'expand',
          decision: request.decision,
          addedCentiHa: centiHa(request.addedAreaHa),
          leaseDemandCentiHa: optionalCentiHa(request.leaseDemandAreaHa),
          developer: request.developer ?? null,
        };
      case 'adjust':
        return {
          step: 'adjust',
          decision: request.decision,
          changes: {
            ...(request.changes.name !== undefined && { name: request.changes.name }),
            ...(request.changes.totalAreaHa !== undefined && {
              totalCentiHa: centiHa(request.changes.totalAreaHa),
            }),
            ...(request.changes.developer !== undefined && { developer: request.changes.developer }),
          },
        };
      case 'remove':
        return { step: 'remove', decision: request.decision, reason: request.reason };
    }
  }

  /**
   * The clusters already established in the cluster's area: the same province and former district (the area
   * of the rule until the district tier was abolished in 2025), or the same commune where no district is
   * recorded; the whole province when neither is.
   */
  private async areaClusters({ manager, entity }: LockedCluster): Promise<AreaCluster[]> {
    const where = {
      provinceCode: entity.provinceCode,
      id: Not(entity.id),
      status: In([...ESTABLISHED]),
      ...(entity.formerDistrict
        ? { formerDistrict: entity.formerDistrict }
        : entity.commune
          ? { commune: entity.commune }
          : {}),
    };
    const found = await manager.getRepository(ClusterEntity).find({ where, order: { code: 'ASC' } });
    return found.map((c) => ({
      code: c.code,
      leasableCentiHa: c.leasableAreaCentiHa,
      leasedCentiHa: c.leasedAreaCentiHa,
    }));
  }

  addTenant(principal: Principal, id: string, request: ClusterTenantRequest): Promise<ClusterDetailView> {
    return this.store.change(principal, id, request.expectedRevision, async ({ manager, record }) => {
      const tenant = manager.getRepository(ClusterTenantEntity).create({
        id: randomUUID(),
        clusterId: id,
        name: request.name,
        firmTaxCode: request.firm.taxCode,
        firmName: request.firm.name,
        leasedAreaCentiHa: centiHa(request.leasedAreaHa),
        registeredVnd: request.registeredVnd,
        realisedVnd: request.realisedVnd,
        workers: request.workers,
        status: request.status,
      });
      await manager.getRepository(ClusterTenantEntity).insert(tenant);
      return {
        record: { ...record, tenants: [...record.tenants, tenantProject(tenant)] },
        action: 'cluster.tenant-add',
        summary: `Thêm dự án thứ cấp "${request.name}" (${request.firm.name}) vào cụm công nghiệp ${record.code}`,
      };
    });
  }

  updateTenant(
    principal: Principal,
    id: string,
    tenantId: string,
    request: UpdateClusterTenantRequest,
  ): Promise<ClusterDetailView> {
    return this.store.change(
      principal,
      id,
      request.expectedRevision,
      async ({ manager, record, tenants }) => {
        const tenant = this.tenantOf(tenants, tenantId);
        Object.assign(tenant, {
          ...(request.name !== undefined && { name: request.name }),
          ...(request.firm !== undefined && {
            firmTaxCode: request.firm.taxCode,
            firmName: request.firm.name,
          }),
          ...(request.leasedAreaHa !== undefined && { leasedAreaCentiHa: centiHa(request.leasedAreaHa) }),
          ...(request.registeredVnd !== undefined && { registeredVnd: request.registeredVnd }),
          ...(request.realisedVnd !== undefined && { realisedVnd: request.realisedVnd }),
          ...(request.workers !== undefined && { workers: request.workers }),
          ...(request.status !== undefined && { status: request.status }),
        });
        await manager.getRepository(ClusterTenantEntity).save(tenant);
        return {
          record: { ...record, tenants: tenants.map(tenantProject) },
          action: 'cluster.tenant-update',
          summary: `Cập nhật dự án thứ cấp "${tenant.name}" của cụm công nghiệp ${record.code}`,
        };
      },
    );
  }

  removeTenant(
    principal: Principal,
    id: string,
    tenantId: string,
    expectedRevision: number | undefined,
  ): Promise<ClusterDetailView> {
    return this.store.change(principal, id, expectedRevision, async ({ manager, record, tenants }) => {
      const tenant = this.tenantOf(tenants, tenantId);
      await manager.getRepository(ClusterTenantEntity).delete({ id: tenantId, clusterId: id });
      return {
        record: { ...record, tenants: tenants.filter((t) => t.id !== tenantId).map(tenantProject) },
        action: 'cluster.tenant-remove',
        summary: `Bỏ dự án thứ cấp "${tenant.name}" khỏi cụm công nghiệp ${record.code}`,
      };
    });
  }

  private tenantOf(tenants: readonly ClusterTenantEntity[], tenantId: string): ClusterTenantEntity {
    const tenant = tenants.find((t) => t.id === tenantId);
    if (!tenant)
      throw new NotFoundError(
        { vi: `Cụm không có dự án thứ cấp ${tenantId}`, en: `The cluster has no tenant project ${tenantId}` },
        'cluster.tenant-not-found',
      );
    return tenant;
  }
}
