/**
 * The funding norm rule (định mức hỗ trợ khuyến công), one for every service: plans checks registrations and
 * decisions with it, projects the figures users enter. The norms themselves are data owned by plans (a
 * versioned table: national versions, and provinces' own for their provincial plans); this is only how a
 * version is chosen and what it allows.
 */

/** One version of a funding norm, as plans' table holds it. */
export interface FundingNorm {
  code: string;
  /** The province whose own norm this is (its KCĐP procedure sets its own norms); null for a national norm. */
  provinceCode: string | null;
  version: number;
  validFrom: string;
  validTo: string | null;
  /** Cap as a share of the item's cost in basis points; null when the norm sets none. */
  maxPercentBp: number | null;
  /** Cap per unit (model, facility, cluster…); null when the norm sets none. */
  maxVndPerUnit: number | null;
  /** How far the per-unit cap rises in the norm's priority case, in permille (1500 = 1.5×). */
  priorityMultiplierPermille: number;
}

export interface SupportClaim {
  costVnd: number;
  supportVnd: number;
  units: number;
  priority: boolean;
}

export interface NormCheck {
  withinNorm: boolean;
  maxSupportVnd: number;
  bindingCap: 'percent' | 'per-unit';
}

/** The version of a norm in force on `date` (ISO dates compare as strings), if any. */
export function normInForce<N extends FundingNorm>(versions: readonly N[], date: string): N | undefined {
  return versions.find((n) => n.validFrom <= date && (n.validTo === null || date <= n.validTo));
}

/**
 * support ≤ min(cost × percent, cap × units × multiplier). Worked in bigint: cost × basis points passes 2^53
 * for costs above about a trillion VND; the allowance rounds down to whole VND.
 */
export function checkSupport(norm: FundingNorm, claim: SupportClaim): NormCheck {
  const caps: { kind: NormCheck['bindingCap']; vnd: bigint }[] = [];
  if (norm.maxPercentBp !== null) {
    caps.push({ kind: 'percent', vnd: (BigInt(claim.costVnd) * BigInt(norm.maxPercentBp)) / 10_000n });
  }
  if (norm.maxVndPerUnit !== null) {
    const multiplier = claim.priority ? norm.priorityMultiplierPermille : 1000;
    caps.push({
      kind: 'per-unit',
      vnd: (BigInt(norm.maxVndPerUnit) * BigInt(claim.units) * BigInt(multiplier)) / 1000n,
    });
  }
  if (caps.length === 0) throw new Error(`funding norm ${norm.code} v${norm.version} sets no cap`);
  const binding = caps.reduce((low, cap) => (cap.vnd < low.vnd ? cap : low));
  const maxSupportVnd = Number(binding.vnd);
  return { withinNorm: claim.supportVnd <= maxSupportVnd, maxSupportVnd, bindingCap: binding.kind };
}

/** Whether a norm version may govern the projects of a plan: national ones always, a province's its own. */
export const normAppliesTo = (norm: FundingNorm, provinceCode: string | null): boolean =>
  norm.provinceCode === null || norm.provinceCode === provinceCode;

/**
 * The version that governs a claim on `date`: for a provincial-plan project (`provinceCode` given) the
 * province's own version in force then, if it has one, else the national one; national-plan projects
 * (`provinceCode` null) always take the national version. `versions` may hold every scope's versions.
 */
export function governingNorm<N extends FundingNorm>(
  versions: readonly N[],
  provinceCode: string | null,
  date: string,
): N | undefined {
  const provincial =
    provinceCode === null
      ? undefined
      : normInForce(
          versions.filter((v) => v.provinceCode === provinceCode),
          date,
        );
  return (
    provincial ??
    normInForce(
      versions.filter((v) => v.provinceCode === null),
      date,
    )
  );
}
