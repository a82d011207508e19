import { RuleViolationError } from '@kc/errors';

export type ClusterStatus = 'planned' | 'established' | 'detailed-plan' | 'infrastructure' | 'operating';

/** A cluster as submitted: areas in hectares with at most two decimals. */
export interface ClusterDraft {
  code: string;
  name: string;
  provinceCode: string;
  commune: string | null;
  status: ClusterStatus;
  totalAreaHa: number;
  leasableAreaHa: number | null;
  leasedAreaHa: number | null;
  developerName: string | null;
}

/** A registered cluster: areas in hundredths of a hectare, so they stay exact integers. */
export interface IndustrialCluster {
  code: string;
  name: string;
  provinceCode: string;
  commune: string | null;
  status: ClusterStatus;
  totalAreaCentiHa: number;
  leasableAreaCentiHa: number | null;
  leasedAreaCentiHa: number | null;
  developerName: string | null;
}

export interface ProvinceDirectory {
  /** True if the code names a provincial unit in force on `date` (YYYY-MM-DD). */
  isInForce(code: string, date: string): boolean;
}

/**
 * The law sets 10–75 ha, but 5 ha is the floor in mountain areas and for craft-village clusters. The registry
 * does not record either exception, so only the outer bounds 5–75 ha are enforced here.
 */
export const MIN_TOTAL_AREA_CENTI_HA = 500;
export const MAX_TOTAL_AREA_CENTI_HA = 7500;

export const toCentiHectares = (hectares: number): number => Math.round(hectares * 100);
const showHa = (centi: number): string => `${centi / 100} ha`;

/**
 * Enters a cluster in the registry. Its province must be a unit in force `today` (a new record uses today's
 * 34 units), and its areas must nest: leased ≤ leasable ≤ total.
 */
export function registerCluster(
  draft: ClusterDraft,
  provinces: ProvinceDirectory,
  today: string,
): IndustrialCluster {
  if (!provinces.isInForce(draft.provinceCode, today)) {
    throw new RuleViolationError(
      {
        vi: `Đơn vị cấp tỉnh ${draft.provinceCode} không còn hiệu lực vào ngày ${today}`,
        en: `Provincial unit ${draft.provinceCode} is not in force on ${today}`,
      },
      'cluster.unknown-province',
      'provinceCode',
    );
  }
  const total = toCentiHectares(draft.totalAreaHa);
  const leasable = draft.leasableAreaHa === null ? null : toCentiHectares(draft.leasableAreaHa);
  const leased = draft.leasedAreaHa === null ? null : toCentiHectares(draft.leasedAreaHa);
  if (total < MIN_TOTAL_AREA_CENTI_HA || total > MAX_TOTAL_AREA_CENTI_HA) {
    throw new RuleViolationError(
      {
        vi:
          `Diện tích cụm công nghiệp từ ${showHa(MIN_TOTAL_AREA_CENTI_HA)} đến ` +
          `${showHa(MAX_TOTAL_AREA_CENTI_HA)}, không phải ${showHa(total)}`,
        en:
          `A cluster covers ${showHa(MIN_TOTAL_AREA_CENTI_HA)} to ${showHa(MAX_TOTAL_AREA_CENTI_HA)}, ` +
          `not ${showHa(total)}`,
      },
      'cluster.area-out-of-range',
      'totalAreaHa',
    );
  }
  if (leasable !== null && leasable > total) {
    throw new RuleViolationError(
      {
        vi: `Diện tích cho thuê được ${showHa(leasable)} vượt tổng diện tích ${showHa(total)}`,
        en: `Leasable area ${showHa(leasable)} exceeds the total area ${showHa(total)}`,
      },
      'cluster.leasable-exceeds-total',
      'leasableAreaHa',
    );
  }
  if (leased !== null && leased > (leasable ?? total)) {
    throw new RuleViolationError(
      {
        vi:
          `Diện tích đã cho thuê ${showHa(leased)} vượt diện tích ` +
          `${leasable === null ? 'tổng' : 'cho thuê được'} ${showHa(leasable ?? total)}`,
        en:
          `Leased area ${showHa(leased)} exceeds the ${leasable === null ? 'total' : 'leasable'} area ` +
          showHa(leasable ?? total),
      },
      'cluster.leased-exceeds-leasable',
      'leasedAreaHa',
    );
  }
  const { totalAreaHa: _total, leasableAreaHa: _leasable, leasedAreaHa: _leased, ...rest } = draft;
  return { ...rest, totalAreaCentiHa: total, leasableAreaCentiHa: leasable, leasedAreaCentiHa: leased };
}
