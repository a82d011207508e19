import { ConflictError, RuleViolationError, type Bilingual } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import {
  checkAreas,
  completedInfrastructure,
  occupancyOf,
  sharedInfrastructureLabels,
  type ClusterAreas,
  type ClusterRecord,
  type Developer,
  type LifecycleStep,
} from './cluster-record';
import { statusInBothLanguages, type LifecycleStatus } from './cluster-status';
import { checkDecision, decisionAuthorityLabels, type Decision } from './decision';
import { ruleSetOn, sizeCategoryLabels, type AreaLimit, type ClusterRuleSet } from './decree-rules';
import { compareRatios, meanOfRatios, showPercent, type Ratio } from './exact-ratio';
import { showHectares, type CentiHectares } from './hectares';

/** A cluster already established in the area, as the establishing decision found it. */
export interface AreaCluster {
  code: string;
  leasableCentiHa: CentiHectares | null;
  leasedCentiHa: CentiHectares | null;
}

export type LifecycleCommand =
  | {
      step: 'establish';
      decision: Decision;
      totalCentiHa: CentiHectares;
      developer: Developer | null;
      /**
       * The clusters already established in the area (the district until 2025; since the district tier was
       * abolished, the area the province applies the rule to). Empty when there are none.
       */
      areaClusters: readonly AreaCluster[];
    }
  | {
      step: 'approve-detailed-plan';
      decision: Decision;
      /** The industrial and leasable land the plan lays out, when it states them. */
      areas?: Pick<ClusterAreas, 'industrialCentiHa' | 'leasableCentiHa'>;
    }
  | { step: 'start-infrastructure'; decision: Decision }
  | { step: 'start-operating'; decision: Decision }
  | {
      step: 'expand';
      decision: Decision;
      addedCentiHa: CentiHectares;
      /** Industrial land firms have asked to lease, when the expansion rests on demand rather than occupancy. */
      leaseDemandCentiHa: CentiHectares | null;
      /** A developer for the expansion, when the record has none. */
      developer: Developer | null;
    }
  | {
      step: 'adjust';
      decision: Decision;
      changes: { name?: string; totalCentiHa?: CentiHectares; developer?: Developer };
    }
  | { step: 'remove'; decision: Decision; reason: string };

const STAGES = ['established', 'detailed-plan', 'infrastructure', 'operating'] as const;

/** Where each step may start from, and where the linear ones lead. */
const steps: Record<LifecycleStep, { from: readonly LifecycleStatus[]; to: LifecycleStatus | 'same' }> = {
  establish: { from: ['planned'], to: 'established' },
  'approve-detailed-plan': { from: ['established'], to: 'detailed-plan' },
  'start-infrastructure': { from: ['detailed-plan'], to: 'infrastructure' },
  'start-operating': { from: ['infrastructure'], to: 'operating' },
  expand: { from: STAGES, to: 'same' },
  adjust: { from: STAGES, to: 'same' },
  remove: { from: ['planned', ...STAGES], to: 'removed' },
};

const stepNames: Record<LifecycleStep, Bilingual> = {
  establish: { vi: 'thành lập', en: 'establish' },
  'approve-detailed-plan': { vi: 'phê duyệt quy hoạch chi tiết', en: 'approve the detailed plan of' },
  'start-infrastructure': { vi: 'bắt đầu đầu tư hạ tầng', en: 'start infrastructure investment in' },
  'start-operating': { vi: 'đưa vào hoạt động', en: 'put into operation' },
  expand: { vi: 'mở rộng', en: 'expand' },
  adjust: { vi: 'điều chỉnh', en: 'adjust' },
  remove: { vi: 'bãi bỏ', en: 'remove' },
};

/** A refusal that states the rule, its provision, and what the cluster's figures were. */
function violation(code: string, field: string, rule: Bilingual, basis: Bilingual, found: Bilingual) {
  return new RuleViolationError(
    { vi: `${rule.vi} (${basis.vi}); ${found.vi}`, en: `${rule.en} (${basis.en}); ${found.en}` },
    `cluster.${code}`,
    field,
  );
}

const within = (limit: AreaLimit, value: CentiHectares) =>
  limit.inclusive ? value <= limit.centiHa : value < limit.centiHa;

const limitWords = (limit: AreaLimit): Bilingual => {
  const shown = showHectares(limit.centiHa);
  return limit.inclusive
    ? { vi: `không vượt quá ${shown.vi}`, en: `at most ${shown.en}` }
    : { vi: `dưới ${shown.vi}`, en: `less than ${shown.en}` };
};

/** The decree's size bounds for the cluster's category (also at registration, by the rules in force then). */
export function checkSize(
  rules: ClusterRuleSet,
  record: Pick<ClusterRecord, 'sizeCategory'>,
  total: CentiHectares,
  field: string,
) {
  const min = rules.size.minCentiHa[record.sizeCategory];
  const max = rules.size.maxCentiHa;
  if (total >= min && total <= max) return;
  const kind = sizeCategoryLabels[record.sizeCategory];
  const [lo, hi, area] = [showHectares(min), showHectares(max), showHectares(total)];
  throw violation(
    'size-out-of-range',
    field,
    {
      vi: `Diện tích ${kind.vi} phải từ ${lo.vi} đến ${hi.vi}`,
      en: `The area of ${kind.en} must be ${lo.en} to ${hi.en}`,
    },
    rules.size.basis,
    { vi: `diện tích là ${area.vi}`, en: `it is ${area.en}` },
  );
}

function checkAreaOccupancy(rules: ClusterRuleSet, areaClusters: readonly AreaCluster[]) {
  if (areaClusters.length === 0) return;
  const { meanAbove, orUnleasedWithin, basis } = rules.areaOccupancy;
  const rule: Bilingual = {
    vi: `Chỉ thành lập cụm công nghiệp khi các cụm công nghiệp đã thành lập trên địa bàn có tỷ lệ lấp đầy trung bình trên ${showPercent(meanAbove).vi} hoặc tổng quỹ đất công nghiệp chưa cho thuê ${limitWords(orUnleasedWithin).vi}`,
    en: `A cluster may be established only when the clusters already established in the area average more than ${showPercent(meanAbove).en} occupancy or have ${limitWords(orUnleasedWithin).en} of industrial land not yet leased`,
  };
  const unknown = areaClusters.filter((c) => occupancyOf(c) === null).map((c) => c.code);
  if (unknown.length > 0) {
    throw violation('area-occupancy-unknown', 'areaClusters', rule, basis, {
      vi: `chưa có diện tích cho thuê được và đã cho thuê của ${unknown.join(', ')}`,
      en: `the leasable and leased areas of ${unknown.join(', ')} are not known`,
    });
  }
  const overLeased = areaClusters.find((c) => (c.leasedCentiHa as number) > (c.leasableCentiHa as number));
  if (overLeased) {
    throw new RuleViolationError(
      {
        vi: `Diện tích đã cho thuê của ${overLeased.code} vượt diện tích cho thuê được`,
        en: `The leased area of ${overLeased.code} exceeds its leasable area`,
      },
      'cluster.area-nesting',
      'areaClusters',
    );
  }
  const mean = meanOfRatios(areaClusters.map((c) => occupancyOf(c) as Ratio));
  const unleased = areaClusters.reduce(
    (sum, c) => sum + (c.leasableCentiHa as number) - (c.leasedCentiHa as number),
    0,
  );
  if (compareRatios(mean, meanAbove) > 0 || within(orUnleasedWithin, unleased)) return;
  const [shownMean, shownUnleased] = [showPercent(mean, 1, 'down'), showHectares(unleased)];
  throw violation('area-occupancy', 'areaClusters', rule, basis, {
    vi: `${areaClusters.length} cụm trên địa bàn có tỷ lệ lấp đầy trung bình ${shownMean.vi} và ${shownUnleased.vi} đất công nghiệp chưa cho thuê`,
    en: `the area's ${areaClusters.length} clusters average ${shownMean.en} with ${shownUnleased.en} not leased`,
  });
}

function checkExpansion(
  rules: ClusterRuleSet,
  record: ClusterRecord,
  command: Extract<LifecycleCommand, { step: 'expand' }>,
): CentiHectares {
  const { maxTotal, developer, occupancy, sharedInfrastructure } = rules.expansion;
  if (!Number.isSafeInteger(command.addedCentiHa) || command.addedCentiHa <= 0) {
    throw new RuleViolationError(
      { vi: 'Diện tích mở rộng phải lớn hơn 0', en: 'An expansion must add some area' },
      'cluster.expansion-nothing-added',
      'addedCentiHa',
    );
  }
  const after = record.areas.totalCentiHa + command.addedCentiHa;
  if (after > maxTotal.centiHa) {
    const [limit, shown] = [showHectares(maxTotal.centiHa), showHectares(after)];
    throw violation(
      'expansion-area-limit',
      'addedCentiHa',
      {
        vi: `Tổng diện tích cụm công nghiệp sau khi mở rộng không được vượt quá ${limit.vi}`,
        en: `A cluster's total area after expansion must not exceed ${limit.en}`,
      },
      maxTotal.basis,
      { vi: `sau mở rộng sẽ là ${shown.vi}`, en: `it would be ${shown.en}` },
    );
  }
  if (!record.developer && !command.developer) {
    throw violation(
      'developer-required',
      'developer',
      {
        vi: 'Mở rộng cụm công nghiệp phải có doanh nghiệp, hợp tác xã hoặc tổ chức đề nghị làm chủ đầu tư xây dựng hạ tầng',
        en: 'Expanding a cluster needs an enterprise, cooperative or organisation applying to develop its infrastructure',
      },
      developer.basis,
      { vi: 'hồ sơ chưa có chủ đầu tư', en: 'none is recorded' },
    );
  }
  const leasable = record.areas.leasableCentiHa;
  const rule: Bilingual = {
    vi: `Mở rộng cụm công nghiệp cần tỷ lệ lấp đầy ít nhất ${showPercent(occupancy.atLeast).vi} hoặc nhu cầu thuê đất công nghiệp vượt quá diện tích đất công nghiệp hiện có`,
    en: `Expanding a cluster needs at least ${showPercent(occupancy.atLeast).en} occupancy or a demand for industrial land above the industrial land it has`,
  };
  const current = occupancyOf(record.areas);
  const demandExceeds =
    command.leaseDemandCentiHa !== null && leasable !== null && command.leaseDemandCentiHa > leasable;
  if (!demandExceeds && current === null) {
    throw violation('expansion-occupancy-unknown', 'areas.leasedCentiHa', rule, occupancy.basis, {
      vi: 'chưa có diện tích cho thuê được và đã cho thuê của cụm',
      en: "the cluster's leasable and leased areas are not known",
    });
  }
  if (!demandExceeds && compareRatios(current as Ratio, occupancy.atLeast) < 0) {
    const shown = showPercent(current as Ratio, 1, 'down');
    throw violation('expansion-occupancy', 'areas.leasedCentiHa', rule, occupancy.basis, {
      vi: `tỷ lệ lấp đầy hiện là ${shown.vi}`,
      en: `its occupancy is ${shown.en}`,
    });
  }
  const done = completedInfrastructure(record.infrastructure);
  const missing = sharedInfrastructure.completed.filter((kind) => !done.has(kind));
  if (missing.length > 0) {
    const names = (lang: 'vi' | 'en') =>
      sharedInfrastructure.completed.map((kind) => sharedInfrastructureLabels[kind][lang]).join(', ');
    const gaps = (lang: 'vi' | 'en') =>
      missing.map((kind) => sharedInfrastructureLabels[kind][lang]).join(', ');
    throw violation(
      'expansion-infrastructure',
      'infrastructure',
      {
        vi: `Mở rộng cụm công nghiệp cần hoàn thành, đưa vào sử dụng các công trình hạ tầng kỹ thuật dùng chung (${names('vi')})`,
        en: `Expanding a cluster needs its shared infrastructure (${names('en')}) completed and in use`,
      },
      sharedInfrastructure.basis,
      { vi: `chưa đưa vào sử dụng: ${gaps('vi')}`, en: `not yet in use: ${gaps('en')}` },
    );
  }
  return after;
}

function checkAuthority(
  rules: ClusterRuleSet,
  step: LifecycleStep,
  from: LifecycleStatus,
  decision: Decision,
) {
  // Taking a cluster off the list before it was established is a change of the list, not an annulment.
  const decreeDecides = (rules.decidingAuthority.steps as readonly string[]).includes(step);
  if (!decreeDecides || (step === 'remove' && from === 'planned')) return;
  const required = rules.decidingAuthority.authority;
  if (decision.authority === required) return;
  throw violation(
    'decision-authority',
    'decision.authority',
    {
      vi: `Quyết định ${stepNames[step].vi} cụm công nghiệp do ${decisionAuthorityLabels[required].vi} ban hành`,
      en: `The decision to ${stepNames[step].en} a cluster is made by ${decisionAuthorityLabels[required].en}`,
    },
    rules.decidingAuthority.basis,
    {
      vi: `quyết định ${decision.number} do ${decisionAuthorityLabels[decision.authority].vi} ban hành`,
      en: `decision ${decision.number} was made by ${decisionAuthorityLabels[decision.authority].en}`,
    },
  );
}

/**
 * Takes one lifecycle step: checks the step is open from the cluster's status (409 otherwise), checks its
 * decision, judges it by the rule set in force on the decision's date, and returns the record with the step in
 * its history. The record given is not changed.
 */
export function takeStep(record: ClusterRecord, command: LifecycleCommand, today: IsoDate): ClusterRecord {
  const { from, to } = steps[command.step];
  if (!from.includes(record.status)) {
    const status = statusInBothLanguages(record.status);
    throw new ConflictError(
      {
        vi: `Không thể ${stepNames[command.step].vi} cụm công nghiệp ${record.code} đang ở trạng thái "${status.vi}"`,
        en: `Cannot ${stepNames[command.step].en} cluster ${record.code} while it is ${status.en}`,
      },
      'cluster.illegal-transition',
      'status',
    );
  }
  const previous = record.history.at(-1)?.decision.date ?? record.provincialList?.date ?? null;
  const decision = checkDecision(command.decision, { today, notBefore: previous });
  const rules = ruleSetOn(decision.date);
  checkAuthority(rules, command.step, record.status, decision);

  let next: ClusterRecord = { ...record };
  let note: string | null = null;
  switch (command.step) {
    case 'establish': {
      if (!record.provincialList) {
        throw violation(
          'not-on-provincial-list',
          'provincialList',
          {
            vi: `Chỉ thành lập cụm công nghiệp có trong ${rules.provincialList.listName.vi}`,
            en: `Only a cluster on ${rules.provincialList.listName.en} may be established`,
          },
          rules.provincialList.basis,
          {
            vi: `hồ sơ của ${record.code} chưa ghi quyết định đưa vào danh mục`,
            en: `${record.code} has no recorded listing decision`,
          },
        );
      }
      if (!command.developer) {
        throw violation(
          'developer-required',
          'developer',
          {
            vi: 'Thành lập cụm công nghiệp phải có doanh nghiệp, hợp tác xã hoặc tổ chức đề nghị làm chủ đầu tư xây dựng hạ tầng',
            en: 'Establishing a cluster needs an enterprise, cooperative or organisation applying to develop its infrastructure',
          },
          rules.developer.basis,
          { vi: 'đề nghị chưa có chủ đầu tư', en: 'none is named' },
        );
      }
      checkSize(rules, record, command.totalCentiHa, 'totalCentiHa');
      checkAreaOccupancy(rules, command.areaClusters);
      next = {
        ...next,
        developer: command.developer,
        areas: checkAreas({ ...record.areas, totalCentiHa: command.totalCentiHa }),
      };
      break;
    }
    case 'approve-detailed-plan':
      if (command.areas) next = { ...next, areas: checkAreas({ ...record.areas, ...command.areas }) };
      break;
    case 'start-infrastructure':
    case 'start-operating':
      break;
    case 'expand': {
      const after = checkExpansion(rules, record, command);
      next = {
        ...next,
        developer: record.developer ?? command.developer,
        areas: { ...record.areas, totalCentiHa: after },
      };
      break;
    }
    case 'adjust': {
      const { name, totalCentiHa, developer } = command.changes;
      if (totalCentiHa !== undefined && totalCentiHa > record.areas.totalCentiHa) {
        const [now, asked] = [showHectares(record.areas.totalCentiHa), showHectares(totalCentiHa)];
        throw violation(
          'adjustment-increases-area',
          'changes.totalCentiHa',
          {
            vi: 'Tăng diện tích cụm công nghiệp là mở rộng, phải đáp ứng các điều kiện mở rộng',
            en: "Increasing a cluster's area is an expansion and must meet the conditions for one",
          },
          rules.expansion.occupancy.basis,
          { vi: `từ ${now.vi} lên ${asked.vi}`, en: `from ${now.en} to ${asked.en}` },
        );
      }
      if (totalCentiHa !== undefined) checkSize(rules, record, totalCentiHa, 'changes.totalCentiHa');
      next = {
        ...next,
        name: name?.normalize('NFC').trim() || record.name,
        developer: developer ?? record.developer,
        areas: checkAreas({ ...record.areas, totalCentiHa: totalCentiHa ?? record.areas.totalCentiHa }),
      };
      break;
    }
    case 'remove': {
      note = command.reason.normalize('NFC').trim();
      if (!note) {
        throw new RuleViolationError(
          { vi: 'Phải nêu lý do bãi bỏ cụm công nghiệp', en: 'Removing a cluster needs a reason' },
          'cluster.removal-reason-required',
          'reason',
        );
      }
      break;
    }
  }
  const status = to === 'same' ? record.status : to;
  return {
    ...next,
    status,
    history: [
      ...record.history,
      {
        step: command.step,
        from: record.status,
        to: status,
        decision,
        ruleSetId: rules.id,
        totalCentiHa: next.areas.totalCentiHa,
        note,
      },
    ],
  };
}
