import { formatVnd } from '@kc/contracts';
import { RuleViolationError, type Bilingual } from '@kc/errors';
import { governingNorm, type FundingNorm } from '@kc/reference-data';

// The rule itself is shared with projects, which checks the figures where users enter them.
export {
  checkSupport,
  governingNorm,
  normInForce,
  type FundingNorm,
  type NormCheck,
  type SupportClaim,
} from '@kc/reference-data';

/** The norm governing a claim (see `governingNorm`), or a 422 naming the field the caller must fix. */
export function requireNormInForce<N extends FundingNorm>(
  code: string,
  versions: readonly N[],
  provinceCode: string | null,
  date: string,
  field: string,
): N {
  const norm = governingNorm(versions, provinceCode, date);
  if (!norm) {
    throw new RuleViolationError(
      {
        vi:
          `Không có phiên bản nào của định mức hỗ trợ ${code} có hiệu lực vào ngày ${date}` +
          (provinceCode === null ? '' : ` (cấp quốc gia hoặc của tỉnh ${provinceCode})`),
        en:
          `No version of funding norm ${code} is in force on ${date}` +
          (provinceCode === null ? '' : ` (national or of province ${provinceCode})`),
      },
      'norm.not-in-force',
      field,
    );
  }
  return norm;
}

/** A norm version with what a refusal names it by. */
export interface NormVersion extends FundingNorm {
  nameVi: string;
  nameEn: string;
  legalBasis: string;
}

/** The most a project may get under the norm it names, and the norm version that says so. */
export interface NormAllowance {
  maxSupportVnd: number;
  code: string;
  version: number;
  nameVi: string;
  nameEn: string;
  legalBasis: string;
  provinceCode: string | null;
}

/** "the 945.000.000 VND cap of funding norm "…" (code …, legal basis, version n)" — how a refusal names it. */
export function normCapText(a: NormAllowance): Bilingual {
  const own = a.provinceCode
    ? { vi: `, định mức riêng của tỉnh ${a.provinceCode}`, en: `, province ${a.provinceCode}'s own` }
    : { vi: '', en: '' };
  return {
    vi: `mức tối đa ${formatVnd(a.maxSupportVnd)} VND của định mức "${a.nameVi}" (mã ${a.code}, ${a.legalBasis}, phiên bản ${a.version}${own.vi})`,
    en: `the ${formatVnd(a.maxSupportVnd)} VND cap of funding norm "${a.nameEn}" (code ${a.code}, ${a.legalBasis}, version ${a.version}${own.en})`,
  };
}
