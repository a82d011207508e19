import { RuleViolationError } from '@kc/errors';
import type { IsoDate } from '@kc/reference-data';
import {
  checkAreas,
  checkInfrastructure,
  type ClusterAreas,
  type ClusterRecord,
  type Developer,
  type Infrastructure,
  type Investment,
  type LifecycleEntry,
} from './cluster-record';
import { checkSize } from './cluster-lifecycle';
import type { LifecycleStatus } from './cluster-status';
import { checkDecision, viDate, type Decision } from './decision';
import { clusterRuleSets, ruleSetOn, type SizeCategory } from './decree-rules';

export interface ProvinceDirectory {
  /** True if the code names a provincial unit in force on `date` (YYYY-MM-DD). */
  isInForce(code: string, date: string): boolean;
}

/** The rule-set id of a step decided before the oldest rule set the registry holds. */
export const BEFORE_REGISTRY_RULES = 'before-registry';

/** A cluster as a province enters it: on the list, or already established (with the decision) before the platform. */
export interface ClusterRegistration {
  code: string;
  name: string;
  provinceCode: string;
  commune: string | null;
  formerDistrict: string | null;
  sizeCategory: SizeCategory;
  status: Exclude<LifecycleStatus, 'removed'>;
  provincialList: { decisionNumber: string; date: IsoDate } | null;
  /** The establishing decision; required past `planned` (the contract refuses it missing). */
  establishment: Decision | null;
  areas: ClusterAreas;
  developer: Developer | null;
  investment: Investment;
  infrastructure: Infrastructure;
}

/**
 * Enters a cluster in the registry. Its province must be a unit in force `today`; its areas nest; its size is
 * judged by the rules in force on its establishing decision (today's for a cluster only on the list); a cluster
 * established before the oldest recorded rules keeps its size as decided then. A registered-as-established
 * cluster's history starts with its establishing decision.
 */
export function registerCluster(
  input: ClusterRegistration,
  provinces: ProvinceDirectory,
  today: IsoDate,
): ClusterRecord {
  if (!provinces.isInForce(input.provinceCode, today)) {
    throw new RuleViolationError(
      {
        vi: `Đơn vị cấp tỉnh ${input.provinceCode} không còn hiệu lực vào ngày ${viDate(today)}`,
        en: `Provincial unit ${input.provinceCode} is not in force on ${today}`,
      },
      'cluster.unknown-province',
      'provinceCode',
    );
  }
  if (input.provincialList && input.provincialList.date > today) {
    throw new RuleViolationError(
      {
        vi: `Quyết định đưa vào danh mục ghi ngày ${viDate(input.provincialList.date)}, sau ngày hôm nay`,
        en: `The listing decision is dated ${input.provincialList.date}, after today`,
      },
      'cluster.decision-in-future',
      'provincialList.date',
    );
  }
  const established = input.status !== 'planned';
  if (established !== (input.establishment !== null)) {
    throw new RuleViolationError(
      established
        ? {
            vi: 'Cụm đã thành lập phải ghi quyết định thành lập',
            en: 'A cluster registered as established needs its establishing decision',
          }
        : {
            vi: 'Cụm mới có trong danh mục chưa có quyết định thành lập',
            en: 'A cluster only on the list has no establishing decision',
          },
      established ? 'cluster.establishment-decision-required' : 'cluster.establishment-decision-unexpected',
      'establishment',
    );
  }
  const decision =
    input.establishment &&
    checkDecision(input.establishment, { today, notBefore: input.provincialList?.date ?? null });
  const judgedOn = decision?.date ?? today;
  const rules = judgedOn < clusterRuleSets[0].validFrom ? null : ruleSetOn(judgedOn);
  if (rules) checkSize(rules, input, input.areas.totalCentiHa, 'totalAreaHa');
  const areas = checkAreas(input.areas);
  const infrastructure = checkInfrastructure(input.infrastructure);
  const history: LifecycleEntry[] = decision
    ? [
        {
          step: 'establish',
          from: 'planned',
          to: 'established',
          decision,
          ruleSetId: rules?.id ?? BEFORE_REGISTRY_RULES,
          totalCentiHa: areas.totalCentiHa,
          note: 'Ghi nhận khi đăng ký vào hệ thống / recorded at registration',
        },
      ]
    : [];
  return {
    code: input.code,
    name: input.name,
    provinceCode: input.provinceCode,
    commune: input.commune,
    formerDistrict: input.formerDistrict,
    sizeCategory: input.sizeCategory,
    status: input.status,
    provincialList: input.provincialList,
    areas,
    developer: input.developer,
    investment: input.investment,
    infrastructure,
    tenants: [],
    history,
  };
}
