import type { FundingNormView } from '@kc/contracts';
import { ForbiddenError } from '@kc/errors';
import { assertWithinNorm, type NormClaim, type NormScope } from '../domain/funding-norm';
import { fundingSourceOf, type PlanFacts } from '../domain/project';
import type { PlansAtOwner } from './plans-owner';

/** Plans answered 403/404: the caller (an API client without plans:read) may not read the norms. */
const normsHidden = () =>
  new ForbiddenError(
    {
      vi: 'Người gọi không được đọc danh mục định mức (cần quyền plans:read) để kiểm tra mã định mức',
      en: 'the caller may not read the funding norms (plans:read), which the norm code is checked against',
    },
    'project.norms-not-readable',
    'normCode',
  );

/**
 * The funding norms plans has in force, for the projects of one plan: plans owns the norms (a versioned
 * table), projects judges the figures users enter with the same rule plans uses (@kc/reference-data). Asked
 * as the caller, once per date (GET /api/v1/funding-norms?asOf=…: the national versions and the plan's
 * province's own); asking before a transaction keeps the HTTP call out of it. Plans unreachable (or not
 * configured): 503 consistency.owner-unreachable, retryable.
 */
export class NormsInForce {
  readonly scope: NormScope;
  private readonly byDate = new Map<string, Promise<FundingNormView[]>>();

  constructor(
    private readonly plans: Pick<PlansAtOwner, 'normsOn'>,
    plan: Pick<PlanFacts, 'level' | 'provinceCode'>,
  ) {
    this.scope = {
      provinceCode: plan.level === 'provincial' ? plan.provinceCode : null,
      source: fundingSourceOf(plan),
    };
  }

  /** Asks plans for every date these projects need, before the transaction that checks them. */
  async prefetch(claims: readonly NormClaim[]): Promise<void> {
    await Promise.all(claims.filter((c) => c.normCode).map((c) => this.on(c.startDate)));
  }

  /** 422 unless the project's requested support is within the norm it names (see `assertWithinNorm`). */
  async assertWithin(claim: NormClaim): Promise<void> {
    if (!claim.normCode) return;
    assertWithinNorm(await this.on(claim.startDate), this.scope, claim);
  }

  private on(date: string): Promise<FundingNormView[]> {
    let norms = this.byDate.get(date);
    if (!norms) {
      norms = this.plans
        .normsOn(date, this.scope.provinceCode)
        .then((list) => list ?? Promise.reject(normsHidden()));
      this.byDate.set(date, norms);
    }
    return norms;
  }
}
