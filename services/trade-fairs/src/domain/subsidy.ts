import { RuleViolationError } from '@kc/errors';
import type { FairScale } from './trade-fair';

/** One version of a booth subsidy policy: a share of the rent, capped per facility, over a period. */
export interface SubsidyPolicy {
  code: string;
  version: number;
  /** Basis points of the booth rent (10000 = 100%). */
  supportBp: number;
  capVndPerFacility: number | null;
  validFrom: string;
  /** Last day in force (inclusive), or null while in force. */
  validTo: string | null;
}

/**
 * The state support for a facility's booths: rent × bp / 10000, rounded down to the whole đồng (support
 * never exceeds the norm), then capped. Computed in bigint: rent × 10000 can pass 2^53.
 */
export function supportVnd(
  rentVnd: number,
  policy: Pick<SubsidyPolicy, 'supportBp' | 'capVndPerFacility'>,
): number {
  if (!Number.isSafeInteger(rentVnd) || rentVnd < 0) throw new RangeError(`rent ${rentVnd} is not whole VND`);
  const share = Number((BigInt(rentVnd) * BigInt(policy.supportBp)) / 10_000n);
  return policy.capVndPerFacility === null ? share : Math.min(share, policy.capVndPerFacility);
}

export const isInForce = (policy: Pick<SubsidyPolicy, 'validFrom' | 'validTo'>, date: string): boolean =>
  policy.validFrom <= date && (policy.validTo === null || date <= policy.validTo);

/** The version of `code` in force on the fair's start date; a fair can only use a policy in force then. */
export function policyForFair<T extends SubsidyPolicy>(
  versions: T[],
  code: string,
  startDate: string,
  field = 'code',
): T {
  const found = versions.find((p) => p.code === code && isInForce(p, startDate));
  if (!found) {
    throw new RuleViolationError(
      {
        vi: `Không có phiên bản nào của chính sách hỗ trợ ${code} có hiệu lực vào ngày khai mạc ${startDate}`,
        en: `No version of subsidy policy ${code} is in force on ${startDate}, when the fair opens`,
      },
      'subsidy.policy-not-in-force',
      field,
    );
  }
  return found;
}

export interface DefaultPolicies {
  domestic: string;
  /** For fairs abroad, supported in full under Circular 28/2018/TT-BTC. */
  international: string;
}

/** The policy code a new fair follows when none is chosen: a fair abroad has its own. */
export const defaultPolicyCode = (scale: FairScale, defaults: DefaultPolicies): string =>
  scale === 'international' ? defaults.international : defaults.domestic;
