import { formatVnd } from '@kc/contracts';
import { RuleViolationError } from '@kc/errors';
import { checkSupport, governingNorm, normAppliesTo, type FundingNorm } from '@kc/reference-data';

/** A norm version as plans lists it (GET /api/v1/funding-norms): the rule's fields and what names it. */
export interface NamedNorm extends FundingNorm {
  nameVi: string;
  nameEn: string;
  legalBasis: string;
  unit: string;
}

/** A project's facts the norm judges: its budget split, the norm it names (if any), its start date. */
export interface NormClaim {
  normCode?: string | null;
  normUnits?: number | null;
  startDate: string;
  kcqgVnd: number;
  kcdpVnd: number;
  counterpartVnd: number;
  otherVnd: number;
}

/** Whose norms govern: the national ones, or for a provincial plan also its province's own (they win). */
export interface NormScope {
  provinceCode: string | null;
  source: 'KCQG' | 'KCDP';
}

/** The request field that carries the support a plan's project asks for. */
export const supportField = (source: NormScope['source']): 'kcqgVnd' | 'kcdpVnd' =>
  source === 'KCQG' ? 'kcqgVnd' : 'kcdpVnd';

/** An ISO date the Vietnamese way: 2018-05-12 → 12/05/2018. */
export const dayVi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** Basis points as a percentage, with the language's decimal mark: 2550 → `25,5 %` (vi), `25.5 %` (en). */
export const percent = (bp: number, decimal: string) => `${String(bp / 100).replace('.', decimal)} %`;

/**
 * The support a project asks for (its line of the plan's own source) must be within the norm it names, as
 * a share of its total cost and per unit, by the version governing its start date (`inForce`: the versions
 * plans has in force that day); a project naming no norm has nothing to check. A code with no version in
 * force for this plan is refused on `normCode`, listing the codes that are; support above the cap on the
 * money field, naming the norm, its legal basis and version, the cap and how it was reached.
 */
export function assertWithinNorm(inForce: readonly NamedNorm[], scope: NormScope, claim: NormClaim): void {
  const code = claim.normCode;
  if (!code) return;
  const norm = governingNorm(
    inForce.filter((n) => n.code === code),
    scope.provinceCode,
    claim.startDate,
  );
  if (!norm) throw unknownNorm(inForce, scope, code, claim.startDate);
  const costVnd = claim.kcqgVnd + claim.kcdpVnd + claim.counterpartVnd + claim.otherVnd;
  const supportVnd = claim[supportField(scope.source)];
  // The request schema makes normUnits go with normCode; a row without them counts one unit, as plans does.
  const units = claim.normUnits ?? 1;
  const check = checkSupport(norm, { costVnd, supportVnd, units, priority: false });
  if (check.withinNorm) return;
  const sourceVi = scope.source === 'KCQG' ? 'KCQG' : 'KCĐP';
  const cap = formatVnd(check.maxSupportVnd);
  const asked = formatVnd(supportVnd);
  const how =
    check.bindingCap === 'percent'
      ? {
          vi: `${percent(norm.maxPercentBp!, ',')} tổng kinh phí ${formatVnd(costVnd)} VND`,
          en: `${percent(norm.maxPercentBp!, '.')} of the total cost of ${formatVnd(costVnd)} VND`,
        }
      : {
          vi: `${formatVnd(norm.maxVndPerUnit!)} VND/${norm.unit} × ${units} ${norm.unit}`,
          en: `${formatVnd(norm.maxVndPerUnit!)} VND per ${norm.unit} × ${units}`,
        };
  const own = norm.provinceCode
    ? {
        vi: `, định mức riêng của tỉnh ${norm.provinceCode}`,
        en: `, province ${norm.provinceCode}'s own norm`,
      }
    : { vi: '', en: '' };
  throw new RuleViolationError(
    {
      vi:
        `Kinh phí ${sourceVi} đề nghị ${asked} VND vượt mức hỗ trợ tối đa ${cap} VND của định mức ` +
        `"${norm.nameVi}" (mã ${norm.code}, ${norm.legalBasis}, phiên bản ${norm.version} hiệu lực từ ` +
        `${dayVi(norm.validFrom)}${own.vi}): ${how.vi}`,
      en:
        `the requested ${scope.source} support of ${asked} VND is above the ${cap} VND cap of funding norm ` +
        `"${norm.nameEn}" (code ${norm.code}, ${norm.legalBasis}, version ${norm.version} in force from ` +
        `${norm.validFrom}${own.en}): ${how.en}`,
    },
    'project.above-funding-norm',
    supportField(scope.source),
  );
}

function unknownNorm(
  inForce: readonly NamedNorm[],
  scope: NormScope,
  code: string,
  date: string,
): RuleViolationError {
  const codes = [...new Set(inForce.filter((n) => normAppliesTo(n, scope.provinceCode)).map((n) => n.code))];
  const list = codes.length ? codes.join(', ') : '—';
  const route =
    `GET /api/v1/funding-norms?asOf=${date}` +
    (scope.provinceCode ? `&provinceCode=${scope.provinceCode}` : '');
  return new RuleViolationError(
    {
      vi:
        `Không có định mức mã "${code}" có hiệu lực ngày ${dayVi(date)} (ngày bắt đầu ` +
        `đề án) cho kế hoạch này. Các mã có hiệu lực: ${list}. Danh sách đầy đủ: ${route}`,
      en:
        `no funding norm with code "${code}" is in force on ${date} (the project's start ` +
        `date) for this plan. Codes in force: ${list}. The full list: ${route}`,
    },
    'project.unknown-funding-norm',
    'normCode',
  );
}
