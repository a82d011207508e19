import { RuleViolationError, type Bilingual } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import type { LifecycleStatus } from './cluster-status';
import type { Decision } from './decision';
import type { SharedInfrastructure, SizeCategory } from './decree-rules';
import { ratio, type Ratio } from './exact-ratio';
import { assertArea, showHectares, type CentiHectares } from './hectares';

/**
 * A cluster's areas, nested: leased ≤ leasable ≤ industrial ≤ total. Null is "not known yet", never 0.
 * Occupancy is leased / leasable: the decree (Article 2) counts it over the cluster's industrial land for lease,
 * which is what `leasableCentiHa` holds; `industrialCentiHa` is all land for industry in the detailed plan.
 */
export interface ClusterAreas {
  totalCentiHa: CentiHectares;
  industrialCentiHa: CentiHectares | null;
  leasableCentiHa: CentiHectares | null;
  leasedCentiHa: CentiHectares | null;
}

export type DeveloperKind = 'enterprise' | 'cooperative' | 'state-unit';

/**
 * How the developer was chosen: scored by the province's evaluation council (Decree 32/2024, Article 13),
 * assigned to a state unit by the province, or recorded from before the registry as it was done then.
 */
export type DeveloperSelection = 'evaluation-council' | 'state-assignment' | 'earlier-procedure';

export interface Developer {
  kind: DeveloperKind;
  name: string;
  /** Mã số thuế / mã số doanh nghiệp, when it has one. */
  taxCode: string | null;
  selection: DeveloperSelection;
}

/** Infrastructure investment of the cluster's developer, integer VND; null when not reported. */
export interface Investment {
  registeredVnd: number | null;
  realisedVnd: number | null;
}

export type WorksStatus = 'none' | 'planned' | 'under-construction' | 'in-use';

export interface CentralWastewaterPlant {
  capacityM3PerDay: number;
  status: Exclude<WorksStatus, 'none'>;
}

export interface Infrastructure {
  roads: WorksStatus;
  power: WorksStatus;
  water: WorksStatus;
  drainage: WorksStatus;
  /** Null: the cluster has no central wastewater plant, not even planned. */
  wastewaterPlant: CentralWastewaterPlant | null;
}

export const sharedInfrastructureLabels: Record<SharedInfrastructure, Bilingual> = {
  roads: { vi: 'giao thông nội bộ', en: 'internal roads' },
  power: { vi: 'cấp điện', en: 'power supply' },
  water: { vi: 'cấp nước', en: 'water supply' },
  drainage: { vi: 'thoát nước', en: 'drainage' },
  'wastewater-plant': { vi: 'trạm xử lý nước thải tập trung', en: 'the central wastewater plant' },
};

export type TenantProjectStatus = 'registered' | 'under-construction' | 'operating' | 'stopped';

/** A production or business project of a firm in the cluster (a "secondary" project). */
export interface TenantProject {
  name: string;
  firm: { taxCode: string; name: string };
  leasedCentiHa: CentiHectares;
  registeredVnd: number;
  realisedVnd: number;
  workers: number;
  status: TenantProjectStatus;
}

/** One lifecycle step as it was taken: the decision, and the rule set it was judged by. */
export interface LifecycleEntry {
  step: LifecycleStep;
  from: LifecycleStatus;
  to: LifecycleStatus;
  decision: Decision;
  ruleSetId: string;
  /** The total area after the step, so expansions and adjustments read from the history alone. */
  totalCentiHa: CentiHectares;
  note: string | null;
}

export type LifecycleStep =
  | 'establish'
  | 'approve-detailed-plan'
  | 'start-infrastructure'
  | 'start-operating'
  | 'expand'
  | 'adjust'
  | 'remove';

/** The registry's record of a cluster (CCN). */
export interface ClusterRecord {
  code: string;
  name: string;
  provinceCode: string;
  commune: string | null;
  /** The district before the 2025 reform abolished the tier, kept for history. */
  formerDistrict: string | null;
  sizeCategory: SizeCategory;
  status: LifecycleStatus;
  /** The decision that put the cluster on the province's approved list; null if not (yet) recorded. */
  provincialList: { decisionNumber: string; date: IsoDate } | null;
  areas: ClusterAreas;
  developer: Developer | null;
  investment: Investment;
  infrastructure: Infrastructure;
  tenants: TenantProject[];
  history: LifecycleEntry[];
}

interface AreaLayer {
  value: CentiHectares | null;
  name: Bilingual;
  field: string;
}

/** Areas must nest; an unknown figure is skipped, and the next known outer one bounds the inner. */
export function checkAreas(areas: ClusterAreas): ClusterAreas {
  const layers: AreaLayer[] = [
    { value: areas.totalCentiHa, name: { vi: 'tổng', en: 'total' }, field: 'areas.totalCentiHa' },
    {
      value: areas.industrialCentiHa,
      name: { vi: 'đất công nghiệp', en: 'industrial' },
      field: 'areas.industrialCentiHa',
    },
    {
      value: areas.leasableCentiHa,
      name: { vi: 'cho thuê được', en: 'leasable' },
      field: 'areas.leasableCentiHa',
    },
    { value: areas.leasedCentiHa, name: { vi: 'đã cho thuê', en: 'leased' }, field: 'areas.leasedCentiHa' },
  ];
  let outer: (AreaLayer & { value: CentiHectares }) | null = null;
  for (const layer of layers) {
    if (layer.value === null) continue;
    assertArea(layer.value, layer.field);
    if (outer && layer.value > outer.value) {
      const [inner, limit] = [showHectares(layer.value), showHectares(outer.value)];
      throw new RuleViolationError(
        {
          vi: `Diện tích ${layer.name.vi} ${inner.vi} vượt diện tích ${outer.name.vi} ${limit.vi}`,
          en: `The ${layer.name.en} area ${inner.en} exceeds the ${outer.name.en} area ${limit.en}`,
        },
        'cluster.area-nesting',
        layer.field,
      );
    }
    outer = { ...layer, value: layer.value };
  }
  return areas;
}

/** Leased / leasable, exact; null when either is unknown or nothing is leasable yet. */
export function occupancyOf(areas: Pick<ClusterAreas, 'leasableCentiHa' | 'leasedCentiHa'>): Ratio | null {
  const { leasableCentiHa: leasable, leasedCentiHa: leased } = areas;
  if (leasable === null || leased === null || leasable === 0) return null;
  return ratio(leased, leasable);
}

/** Shared works the record shows completed and in use. */
export function completedInfrastructure(infrastructure: Infrastructure): Set<SharedInfrastructure> {
  const done = new Set<SharedInfrastructure>();
  for (const kind of ['roads', 'power', 'water', 'drainage'] as const) {
    if (infrastructure[kind] === 'in-use') done.add(kind);
  }
  if (infrastructure.wastewaterPlant?.status === 'in-use') done.add('wastewater-plant');
  return done;
}

/** A central wastewater plant states a whole capacity in m³/day above 0. */
export function checkWastewaterPlant(plant: CentralWastewaterPlant | null, field: string): void {
  if (plant && (!Number.isSafeInteger(plant.capacityM3PerDay) || plant.capacityM3PerDay <= 0)) {
    throw new RuleViolationError(
      {
        vi: `Công suất trạm xử lý nước thải tập trung phải là số nguyên m³/ngày lớn hơn 0, không phải ${plant.capacityM3PerDay}`,
        en: `The central wastewater plant's capacity must be a whole number of m³/day above 0, not ${plant.capacityM3PerDay}`,
      },
      'cluster.wastewater-capacity',
      field,
    );
  }
}

export function checkInfrastructure(infrastructure: Infrastructure): Infrastructure {
  checkWastewaterPlant(infrastructure.wastewaterPlant, 'infrastructure.wastewaterPlant.capacityM3PerDay');
  return infrastructure;
}

export interface TenantSummary {
  projects: number;
  operatingProjects: number;
  /** Distinct firms by tax code: one firm may run several projects. */
  firms: number;
  workers: number;
  leasedCentiHa: CentiHectares;
  registeredVnd: number;
  realisedVnd: number;
}

export function tenantSummary(tenants: readonly TenantProject[]): TenantSummary {
  const sum = (pick: (t: TenantProject) => number) => safeSum(tenants.map(pick));
  return {
    projects: tenants.length,
    operatingProjects: tenants.filter((t) => t.status === 'operating').length,
    firms: new Set(tenants.map((t) => t.firm.taxCode)).size,
    workers: sum((t) => t.workers),
    leasedCentiHa: sum((t) => t.leasedCentiHa),
    registeredVnd: sum((t) => t.registeredVnd),
    realisedVnd: sum((t) => t.realisedVnd),
  };
}

/** Sums whole numbers, refusing to go past 2^53 where integers stop being exact. */
export function safeSum(values: readonly number[]): number {
  return values.reduce((total, value) => {
    const next = total + value;
    if (!Number.isSafeInteger(value) || !Number.isSafeInteger(next)) {
      throw new RangeError(`sum leaves the exact integer range at ${value}`);
    }
    return next;
  }, 0);
}
