import {
  clusterStatusLabels,
  type ClusterDetailView,
  type ClusterView,
  type PayloadOf,
  type clusterRecordedV1,
} from '@kc/contracts';
import {
  occupancyOf,
  tenantSummary,
  type ClusterRecord,
  type LifecycleEntry,
  type TenantProject,
} from '../domain/cluster-record';
import { showPercent } from '../domain/exact-ratio';
import type {
  ClusterEntity,
  ClusterStepEntity,
  ClusterTenantEntity,
} from '../infrastructure/persistence/cluster.entity';

/** The API's hectares (two decimals) as the registry's hundredths; the contract allows two decimals only. */
export const centiHa = (hectares: number): number => Math.round(hectares * 100);
export const optionalCentiHa = (hectares: number | null | undefined): number | null =>
  hectares === null || hectares === undefined ? null : centiHa(hectares);
const ha = (centi: number | null): number | null => (centi === null ? null : centi / 100);

export const tenantProject = (t: ClusterTenantEntity): TenantProject => ({
  name: t.name,
  firm: { taxCode: t.firmTaxCode, name: t.firmName },
  leasedCentiHa: t.leasedAreaCentiHa,
  registeredVnd: t.registeredVnd,
  realisedVnd: t.realisedVnd,
  workers: t.workers,
  status: t.status,
});

export const lifecycleEntry = (s: ClusterStepEntity): LifecycleEntry => ({
  step: s.step,
  from: s.fromStatus,
  to: s.toStatus,
  decision: {
    number: s.decisionNumber,
    date: s.decisionDate,
    authority: s.decisionAuthority,
    issuedBy: s.decisionIssuedBy,
  },
  ruleSetId: s.ruleSetId,
  totalCentiHa: s.totalAreaCentiHa,
  note: s.note,
});

/** The domain's record of a stored cluster. */
export function recordOf(
  c: ClusterEntity,
  steps: readonly ClusterStepEntity[],
  tenants: readonly ClusterTenantEntity[],
): ClusterRecord {
  return {
    code: c.code,
    name: c.name,
    provinceCode: c.provinceCode,
    commune: c.commune,
    formerDistrict: c.formerDistrict,
    sizeCategory: c.sizeCategory,
    status: c.status,
    provincialList:
      c.provincialListDecision && c.provincialListDate
        ? { decisionNumber: c.provincialListDecision, date: c.provincialListDate }
        : null,
    areas: {
      totalCentiHa: c.totalAreaCentiHa,
      industrialCentiHa: c.industrialAreaCentiHa,
      leasableCentiHa: c.leasableAreaCentiHa,
      leasedCentiHa: c.leasedAreaCentiHa,
    },
    developer:
      c.developerKind && c.developerName && c.developerSelection
        ? {
            kind: c.developerKind,
            name: c.developerName,
            taxCode: c.developerTaxCode,
            selection: c.developerSelection,
          }
        : null,
    investment: { registeredVnd: c.investmentRegisteredVnd, realisedVnd: c.investmentRealisedVnd },
    infrastructure: {
      roads: c.roadsStatus,
      power: c.powerStatus,
      water: c.waterStatus,
      drainage: c.drainageStatus,
      wastewaterPlant:
        c.wastewaterPlantStatus && c.wastewaterCapacityM3PerDay
          ? { status: c.wastewaterPlantStatus, capacityM3PerDay: c.wastewaterCapacityM3PerDay }
          : null,
    },
    tenants: tenants.map(tenantProject),
    history: steps.map(lifecycleEntry),
  };
}

/** The record's figures written onto its row (the steps and tenants are written by their own rows). */
export function writeRecord(c: ClusterEntity, r: ClusterRecord): ClusterEntity {
  Object.assign(c, {
    code: r.code,
    name: r.name,
    provinceCode: r.provinceCode,
    commune: r.commune,
    formerDistrict: r.formerDistrict,
    sizeCategory: r.sizeCategory,
    status: r.status,
    provincialListDecision: r.provincialList?.decisionNumber ?? null,
    provincialListDate: r.provincialList?.date ?? null,
    totalAreaCentiHa: r.areas.totalCentiHa,
    industrialAreaCentiHa: r.areas.industrialCentiHa,
    leasableAreaCentiHa: r.areas.leasableCentiHa,
    leasedAreaCentiHa: r.areas.leasedCentiHa,
    developerKind: r.developer?.kind ?? null,
    developerName: r.developer?.name ?? null,
    developerTaxCode: r.developer?.taxCode ?? null,
    developerSelection: r.developer?.selection ?? null,
    investmentRegisteredVnd: r.investment.registeredVnd,
    investmentRealisedVnd: r.investment.realisedVnd,
    roadsStatus: r.infrastructure.roads,
    powerStatus: r.infrastructure.power,
    waterStatus: r.infrastructure.water,
    drainageStatus: r.infrastructure.drainage,
    wastewaterPlantStatus: r.infrastructure.wastewaterPlant?.status ?? null,
    wastewaterCapacityM3PerDay: r.infrastructure.wastewaterPlant?.capacityM3PerDay ?? null,
  } satisfies Partial<ClusterEntity>);
  return c;
}

export function occupancyView(leasableCentiHa: number | null, leasedCentiHa: number | null) {
  const occupancy = occupancyOf({ leasableCentiHa, leasedCentiHa });
  if (!occupancy) return null;
  const shown = showPercent(occupancy);
  return {
    leasedCentiHa: leasedCentiHa as number,
    leasableCentiHa: leasableCentiHa as number,
    percentVi: shown.vi,
    percentEn: shown.en,
  };
}

export const clusterView = (c: ClusterEntity): ClusterView => ({
  id: c.id,
  revision: c.revision,
  code: c.code,
  name: c.name,
  provinceCode: c.provinceCode,
  commune: c.commune,
  formerDistrict: c.formerDistrict,
  sizeCategory: c.sizeCategory,
  status: c.status,
  statusLabel: clusterStatusLabels[c.status],
  totalAreaHa: c.totalAreaCentiHa / 100,
  industrialAreaHa: ha(c.industrialAreaCentiHa),
  leasableAreaHa: ha(c.leasableAreaCentiHa),
  leasedAreaHa: ha(c.leasedAreaCentiHa),
  occupancy: occupancyView(c.leasableAreaCentiHa, c.leasedAreaCentiHa),
  developerName: c.developerName,
  hasWastewaterPlant: c.wastewaterPlantStatus !== null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export function clusterDetailView(
  c: ClusterEntity,
  steps: readonly ClusterStepEntity[],
  tenants: readonly ClusterTenantEntity[],
): Omit<ClusterDetailView, 'support'> {
  const record = recordOf(c, steps, tenants);
  const summary = tenantSummary(record.tenants);
  return {
    ...clusterView(c),
    provincialList: record.provincialList,
    developer: record.developer,
    investment: record.investment,
    infrastructure: record.infrastructure,
    tenantSummary: {
      projects: summary.projects,
      operatingProjects: summary.operatingProjects,
      firms: summary.firms,
      workers: summary.workers,
      leasedAreaHa: summary.leasedCentiHa / 100,
      registeredVnd: summary.registeredVnd,
      realisedVnd: summary.realisedVnd,
    },
    tenants: tenants.map((t) => ({
      id: t.id,
      name: t.name,
      firm: { taxCode: t.firmTaxCode, name: t.firmName },
      leasedAreaHa: t.leasedAreaCentiHa / 100,
      registeredVnd: t.registeredVnd,
      realisedVnd: t.realisedVnd,
      workers: t.workers,
      status: t.status,
    })),
    history: steps.map((s) => {
      const { step, from, to, decision, ruleSetId, note } = lifecycleEntry(s);
      const totalAreaHa = s.totalAreaCentiHa / 100;
      return {
        step,
        from,
        to,
        decision,
        ruleSetId,
        totalAreaHa,
        note,
        recordedAt: s.recordedAt.toISOString(),
      };
    }),
  };
}

/** The snapshot `clusters.cluster.recorded` carries after a change. */
export function recordedPayload(
  id: string,
  revision: number,
  record: ClusterRecord,
): PayloadOf<typeof clusterRecordedV1> {
  const summary = tenantSummary(record.tenants);
  return {
    clusterId: id,
    revision,
    code: record.code,
    name: record.name,
    provinceCode: record.provinceCode,
    commune: record.commune,
    status: record.status,
    sizeCategory: record.sizeCategory,
    establishedOn: record.history.find((h) => h.step === 'establish')?.decision.date ?? null,
    areas: record.areas,
    investment: record.investment,
    wastewaterPlant: record.infrastructure.wastewaterPlant,
    tenants: {
      projects: summary.projects,
      operatingProjects: summary.operatingProjects,
      firms: summary.firms,
      workers: summary.workers,
    },
  };
}
